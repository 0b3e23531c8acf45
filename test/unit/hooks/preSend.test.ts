import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { requestBuilder } from '../../../nodes/ThreeCx/xapi/hooks/preSend';
import { OPERATIONS } from '../../../nodes/ThreeCx/generated';
import { TABLE, fakeContext } from '../fake-context';

const build = requestBuilder(TABLE);
const defaults = { url: '', baseURL: 'https://pbx/xapi/v1', headers: { Accept: 'application/json' }, qs: {}, body: {} };
const run = async (parameters: IDataObject, extra = {}) =>
	await build.call(fakeContext(parameters, extra), { ...defaults });
/** The JSON body as sent: text, so that n8n's HTTP layer cannot drop an empty `{}`. */
const sentJson = (request: { body?: unknown; headers?: IDataObject }) => {
	expect(request.headers?.['Content-Type']).toBe('application/json');
	expect(typeof request.body).toBe('string');
	return JSON.parse(request.body as string) as unknown;
};

describe('buildXapiRequest', () => {
	test('entity set with query options, read as bytes', async () => {
		const request = await run({
			resource: 'users',
			operation: 'getMany',
			returnAll: false,
			limit: 120,
			options: { top: 30, skip: 10, filter: "Number eq '1''0'", select: 'Id, Number', count: true },
		});
		expect(request).toMatchObject({
			method: 'GET',
			url: '/Users',
			baseURL: 'https://pbx/xapi/v1',
			encoding: 'arraybuffer',
			qs: { $top: 30, $skip: 10, $filter: "Number eq '1''0'", $select: 'Id,Number', $count: true },
			headers: { Accept: 'application/json' },
		});
		expect(request).not.toHaveProperty('body');
	});

	test('function call: literals in spec order, zone-less date in the workflow zone', async () => {
		const request = await run({
			resource: 'reports',
			operation: 'callLog',
			periodFrom: '2025-03-01T00:00:00',
			clientTimeZone: 'America/Chicago',
			waitInterval: '0:00:0',
		});
		expect(request.url).toBe(
			"/ReportCallLogData/Pbx.GetCallLogData(periodFrom=2025-02-28T23:00:00Z,clientTimeZone='America%2FChicago',waitInterval='0:00:0')",
		);
	});

	test('PATCH body: required top-level, optional from the collection, wire names', async () => {
		const request = await run({
			resource: 'users',
			operation: 'update',
			id: '29',
			number: "1'0)",
			updateFields: { queueStatus: 'LoggedOut' },
		});
		expect(request).toMatchObject({ method: 'PATCH', url: '/Users(29)' });
		expect(sentJson(request)).toEqual({ Number: "1'0)", QueueStatus: 'LoggedOut' });
	});

	test('entity key pickers: list and By ID locators build the same URL as plain values', async () => {
		for (const id of [
			{ __rl: true, mode: 'list', value: 29 },
			{ __rl: true, mode: 'id', value: '29' },
			{ __rl: true, mode: 'id', value: ' 29 ' },
			29,
			'29',
		]) {
			const request = await run({ resource: 'users', operation: 'get', id });
			expect([id, request.url]).toEqual([id, '/Users(29)']);
		}
	});

	test('entity key pickers: a bad or empty locator value fails naming the parameter, nothing sent', async () => {
		for (const [value, expected] of [
			['abc', 'a whole number (int32)'],
			['2147483648', 'a whole number (int32) between -2147483648 and 2147483647'],
			['', 'a value (it identifies the record)'],
		] as const) {
			const error = (await run({ resource: 'users', operation: 'get', id: { __rl: true, mode: 'id', value } }).catch(
				(e: unknown) => e,
			)) as NodeOperationError;
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.description).toBe(`Parameter "id" must be ${expected}. Nothing was sent to the PBX.`);
		}
	});

	test('JSON body mode', async () => {
		const request = await run({ resource: 'users', operation: 'update', id: 1, bodyMode: 'json', jsonBody: '{"VMPIN":"1234"}' });
		expect(sentJson(request)).toEqual({ VMPIN: '1234' });
		const empty = await run({ resource: 'users', operation: 'update', id: 1, bodyMode: 'json', jsonBody: '{}' });
		expect(sentJson(empty)).toEqual({});
		const expression = await run({ resource: 'users', operation: 'update', id: 1, bodyMode: 'json', jsonBody: { VMPIN: null } });
		expect(sentJson(expression)).toEqual({ VMPIN: null });
	});

	test('an added field is sent as given: empty text clears it', async () => {
		const request = await run({ resource: 'users', operation: 'update', id: 1, number: '5', updateFields: { vmpin: '' } });
		expect(sentJson(request)).toEqual({ Number: '5', VMPIN: '' });
	});

	test('action fields are top-level; blank optional ones are left out', async () => {
		const request = await run({ resource: 'users', operation: 'makeCall', dn: '100', destination: '' });
		expect(request).toMatchObject({ method: 'POST', url: '/Users/Pbx.MakeCall' });
		expect(sentJson(request)).toEqual({ dn: '100' });
		const list = await run({ resource: 'users', operation: 'getDuplicatedEmails', emails: 'a@x, b@x' });
		expect(sentJson(list)).toEqual({ emails: ['a@x', 'b@x'] });
	});

	test('no field set: no body where the spec does not require one', async () => {
		const request = await run({ resource: 'users', operation: 'makeCall', dn: '', destination: '' });
		expect(request).not.toHaveProperty('body');
		expect(request.headers).not.toHaveProperty('Content-Type');
	});

	test('file operations accept any content type', async () => {
		const request = await run({ resource: 'recordings', operation: 'download', recId: 5 });
		expect(request.headers).toEqual({ Accept: '*/*' });
		expect(request.url).toBe('/Recordings/Pbx.DownloadRecording(recId=5)');
	});

	test('upload: multipart Buffer from the input binary property', async () => {
		const data = Buffer.from('RIFF....WAVE');
		const request = await run(
			{ resource: 'customPrompts', operation: 'upload', inputBinaryPropertyName: 'prompt' },
			{ binary: { prompt: { data, meta: { mimeType: 'audio/wav', fileName: 'hi.wav' } } } },
		);
		expect(request.method).toBe('POST');
		expect(request.headers?.['Content-Type']).toMatch(/^multipart\/form-data; boundary=/);
		const body = (request.body as Buffer).toString('latin1');
		expect(body).toContain('name="file"; filename="hi.wav"');
		expect(body).toContain('RIFF....WAVE');
	});

	test.each([
		[{ resource: 'users', operation: 'get', id: '' }, /Invalid "id": expected a value/],
		[{ resource: 'users', operation: 'get', id: 2 ** 31 }, /Invalid "id": expected a whole number \(int32\)/],
		[{ resource: 'users', operation: 'getMany', options: { top: -1 } }, /Invalid "top"/],
		[{ resource: 'users', operation: 'update', id: 1, bodyMode: 'json', jsonBody: '{"AuthPassword": hunter2' }, /Invalid "jsonBody": expected valid JSON/],
		[{ resource: 'users', operation: 'update', id: 1, number: '1', updateFields: { queueStatus: 'Away' } }, /Invalid "queueStatus"/],
		[{ resource: 'reports', operation: 'callLog', periodFrom: '2025-13-01', clientTimeZone: '', waitInterval: '' }, /Invalid "periodFrom"/],
		[{ resource: 'reports', operation: 'callLog', periodFrom: '2025-03-01', clientTimeZone: '', waitInterval: '1 hour' }, /Invalid "waitInterval"/],
		[{ resource: 'users', operation: 'nope' }, /Unknown operation "nope" for resource "users"/],
	])('bad input %p fails before any request', async (parameters, message) => {
		const error = await run(parameters).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(message);
		expect(JSON.stringify(error)).not.toContain('hunter2');
	});

	test('any other failure while building (here metadata without the placeholder) is a NodeOperationError too', async () => {
		const broken = requestBuilder({ users: { get: { ...TABLE.users.get, path: '/Users({Key})' } } });
		const error = await broken.call(fakeContext({ resource: 'users', operation: 'get', id: 1 }), { ...defaults }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe('Path /Users({Key}) has no parameter metadata for {Key}');
	});

	test('the error description says what is expected and that nothing was sent', async () => {
		const error = (await run({ resource: 'users', operation: 'get', id: 'abc' }).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.description).toBe('Parameter "id" must be a whole number (int32). Nothing was sent to the PBX.');
		expect(error.context.itemIndex).toBe(0);
	});

	describe('generated metadata: spec types are enforced before anything is sent', () => {
		const buildGenerated = requestBuilder(OPERATIONS);
		const runGenerated = async (parameters: IDataObject) =>
			await buildGenerated.call(fakeContext(parameters), { ...defaults });
		const failure = async (parameters: IDataObject) =>
			(await runGenerated(parameters).catch((e: unknown) => e)) as NodeOperationError;

		test('flags enum, enum list and duration fields reach the body typed', async () => {
			const request = await runGenerated({
				resource: 'users',
				operation: 'update',
				userId: 7,
				userUpdateFields: { tags: ['MS', 'Teams'], officeHoursProps: 'GlobalSchedule, BlockOutboundCalls', transcriptionMode: 'Both' },
			});
			expect(sentJson(request)).toEqual({
				Tags: ['MS', 'Teams'],
				OfficeHoursProps: ['GlobalSchedule', 'BlockOutboundCalls'],
				TranscriptionMode: 'Both',
			});
			const holiday = await runGenerated({ resource: 'holidays', operation: 'create', holidayAdditionalFields: { timeOfStartDate: 'PT8H' } });
			expect(sentJson(holiday)).toEqual({ TimeOfStartDate: 'PT8H' });
		});

		test.each<[string, IDataObject]>([
			['Users → Create', { resource: 'users', operation: 'create' }],
			['Users → Create, JSON mode', { resource: 'users', operation: 'create', bodyMode: 'json', jsonBody: '{}' }],
			['Microsoft 365 → Get Users By Principal Names', { resource: 'microsoft365Integration', operation: 'getUsersByPrincipalNames', principalNames: '' }],
			['Voicemail Settings → Delete Converter Configuration', { resource: 'voicemailSettings', operation: 'deleteConverterConfiguration', voicemailSettingsId: '' }],
			['Custom Prompts → Make Call Record Custom Prompt', { resource: 'customPrompts', operation: 'makeCallRecordCustomPrompt', dn: '', filename: '' }],
		])('a body the spec requires goes out as {} at least: %s', async (_, parameters) => {
			expect(sentJson(await runGenerated(parameters))).toEqual({});
		});

		test('cleared and null fields: "" for text, null by expression or as the text null where nullable', async () => {
			const group = await runGenerated({ resource: 'groups', operation: 'update', groupId: 4, groupUpdateFields: { number: '' } });
			expect(sentJson(group)).toEqual({ Number: '' });
			const user = await runGenerated({
				resource: 'users',
				operation: 'update',
				userId: 7,
				userUpdateFields: { mobile: '', number: null, primaryGroupId: null, enabled: null, breakTime: 'null' },
			});
			expect(sentJson(user)).toEqual({ Mobile: '', Number: null, PrimaryGroupId: null, Enabled: null, BreakTime: null });
			// The text null stays text in a text field.
			const text = await runGenerated({ resource: 'users', operation: 'update', userId: 7, userUpdateFields: { mobile: 'null' } });
			expect(sentJson(text)).toEqual({ Mobile: 'null' });
		});

		test.each<[string, IDataObject, RegExp]>([
			['null where the spec forbids it', { groups: null }, /^Parameter "groups" must be a value \(json\); the PBX does not accept null here\./],
			['an empty number', { primaryGroupId: '' }, /^Parameter "primaryGroupId" must be a value \(int32\), \{\{ null \}\}, or remove the field/],
			['an empty boolean', { enabled: '' }, /^Parameter "enabled" must be a value \(boolean\)/],
		])('an added field without a usable value fails naming it: %s', async (_, fields, message) => {
			const error = await failure({ resource: 'users', operation: 'update', userId: 7, userUpdateFields: fields });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.description).toMatch(message);
		});

		test.each<[string, IDataObject, string]>([
			['combined flags', { resource: 'users', operation: 'update', userId: 7, userUpdateFields: { transcriptionMode: 'Voicemail, Recordings' } }, 'transcriptionMode'],
			['unknown tag', { resource: 'users', operation: 'update', userId: 7, userUpdateFields: { tags: ['MS', 'Slack'] } }, 'tags'],
			['TimeSpan text', { resource: 'holidays', operation: 'create', holidayAdditionalFields: { timeOfEndDate: '17:00:00' } }, 'timeOfEndDate'],
			['long SBC name key', { resource: 'sbcs', operation: 'get', sbcName: 'branch-office-1' }, 'sbcName'],
			['long SBC name in body', { resource: 'sbcs', operation: 'create', sbcAdditionalFields: { name: 'branch-office-1' } }, 'name'],
		])('%s', async (_, parameters, parameter) => {
			const error = await failure(parameters);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.description).toMatch(new RegExp(`^Parameter "${parameter}" must be .*\\. Nothing was sent to the PBX\\.$`));
		});

		test('OData options come from the operation\'s own Options collection (optionsField)', async () => {
			expect(OPERATIONS.users.getMany.optionsField).toBe('listQueryOptions');
			const request = await runGenerated({
				resource: 'users',
				operation: 'getMany',
				returnAll: true,
				options: { filter: 'ignored' },
				listQueryOptions: { filter: "Number eq '100'" },
			});
			expect(request.qs).toEqual({ $filter: "Number eq '100'" });
			const get = await runGenerated({ resource: 'users', operation: 'get', userId: 7, entitySelectExpandOptions: { select: 'Id' } });
			expect([get.url, get.qs]).toEqual(['/Users(7)', { $select: 'Id' }]);
		});

		test('the length error names the limit', async () => {
			const error = await failure({ resource: 'sbcs', operation: 'get', sbcName: 'branch-office-1' });
			expect(error.message).toBe('Invalid "sbcName": expected at most 12 characters (got 15)');
		});
	});
});
