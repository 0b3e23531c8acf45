/**
 * The request helper end to end: real operations run through n8n-core's execution engine
 * (test/support/n8n-harness) against the loopback 3CX simulator.
 */
import { startSimulator, type Simulator } from '../../simulator';
import { CALL_LOG_NO_FILTERS } from '../support/fixtures';
import { CredentialStore, executeNode, type ExecuteNodeOptions } from '../support/n8n-harness';
import { xapiRequests as simRequests } from '../support/simRequests';

let sim: Simulator;
let credentials: CredentialStore;

beforeAll(async () => {
	sim = await startSimulator({ clientId: 'request-helper', users: 250 });
	credentials = new CredentialStore({ server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.resetStats());

const run = async (parameters: Record<string, unknown>, extra: Partial<ExecuteNodeOptions> = {}) =>
	await executeNode({ parameters, credentials, ...extra });

const xapiRequests = () => simRequests(sim);

/** The unfiltered call log, but with an offset period and a source filter that need quoting and encoding. */
const callLogParams = {
	resource: 'reportCallLogData',
	period: 'custom',
	periodFrom: '2025-03-01T01:00:00+01:00',
	periodTo: '2025-03-31T23:59:59.000Z',
	...CALL_LOG_NO_FILTERS,
	sourceFilter: "O'Brien, x=1)",
};
const callLogPath =
	"/ReportCallLogData/Pbx.GetCallLogData(periodFrom=2025-03-01T00:00:00Z,periodTo=2025-03-31T23:59:59Z,sourceType=0,sourceFilter='O''Brien%2C%20x%3D1)',destinationType=0,destinationFilter='',callsType=0,callTimeFilterType=0,callTimeFilterFrom='0:00:0',callTimeFilterTo='0:00:0',hidePcalls=true)";

describe('paging', () => {
	test('Return All pages 250 users by 100 and returns 250 distinct items', async () => {
		const { items, error } = await run({ resource: 'users', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json.Id)).size).toBe(250);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(xapiRequests().map((request) => [request.query.$top, request.query.$skip])).toEqual([
			['100', undefined],
			['100', '100'],
			// The first page's @odata.count says 50 rows remain.
			['50', '200'],
		]);
	});

	test('Limit 120 returns 120, keeping Filter/Orderby/Select on every page', async () => {
		const { items, error } = await run({
			resource: 'users',
			operation: 'getMany',
			returnAll: false,
			limit: 120,
			listQueryOptions: { filter: "Id ge 1 and Number ne 'x''y'", orderby: 'Number desc', select: 'Id, Number' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		expect(new Set(items.map((item) => item.json.Id)).size).toBe(120);
		expect(Object.keys(items[0].json).sort()).toEqual(['Id', 'Number']);
		const requests = xapiRequests();
		expect(requests.map((request) => [request.query.$top, request.query.$skip])).toEqual([
			['100', undefined],
			['20', '100'],
		]);
		for (const { query } of requests) {
			expect(query).toMatchObject({ $filter: "Id ge 1 and Number ne 'x''y'", $orderby: 'Number desc', $select: 'Id,Number' });
		}
	});

	test('default Limit is 50 in one request; Raw Response keeps the envelope with @odata.count', async () => {
		const { items } = await run({ resource: 'users', operation: 'getMany', listQueryOptions: { count: true, rawResponse: true } });
		expect(items).toHaveLength(1);
		expect(items[0].json['@odata.count']).toBe(250);
		expect(items[0].json.value).toHaveLength(50);
		expect(xapiRequests()).toHaveLength(1);
	});

	test('a report function call arrives with exactly the expected path', async () => {
		const { items, error } = await run({ ...callLogParams, operation: 'getCallLogData', returnAll: false, limit: 5 });
		expect(error).toBeUndefined();
		expect(items.length).toBeLessThanOrEqual(5);
		const [request] = xapiRequests();
		expect(request.path).toBe(callLogPath);
		expect(request.query.$top).toBe('5');
	});
});

describe('files', () => {
	test('a CSV export arrives as binary with its file name', async () => {
		const { items, error } = await run({ resource: 'users', operation: 'exportExtensions' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const file = items[0].binary?.data;
		expect(file).toMatchObject({ fileName: 'extensions.csv', mimeType: 'text/csv' });
		expect(Buffer.from(file!.data, 'base64').toString('utf8')).toContain('Number');
		expect(items[0].json).toMatchObject({ fileName: 'extensions.csv', mimeType: 'text/csv' });
	});

	test('a WAV recording arrives as binary in the chosen property', async () => {
		const { items, error } = await run({
			resource: 'recordings',
			operation: 'downloadRecording',
			recId: 500,
			fileOptions: { binaryPropertyName: 'audio' },
		});
		expect(error).toBeUndefined();
		const file = items[0].binary?.audio;
		expect(file).toMatchObject({ fileName: 'recording_500.wav', mimeType: 'audio/x-wav' });
		expect(Buffer.from(file!.data, 'base64').subarray(0, 4).toString('latin1')).toBe('RIFF');
	});

	test('a custom prompt is uploaded from an input binary property', async () => {
		const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(40, 1)]);
		const { items, error } = await run(
			{ resource: 'customPrompts', operation: 'upload', inputBinaryPropertyName: 'prompt' },
			{ items: [{ json: {}, binary: { prompt: { data: wav.toString('base64'), mimeType: 'audio/wav', fileName: 'hello.wav' } } }] },
		);
		expect(error).toBeUndefined();
		expect(JSON.stringify(items[0].json)).toContain('hello.wav');
	});
});

describe('entities', () => {
	test('credential fields are left out unless Include Secrets is on', async () => {
		const hidden = await run({ resource: 'users', operation: 'get', userId: 1 });
		expect(hidden.items[0].json).toMatchObject({ Id: 1 });
		expect(Object.keys(hidden.items[0].json)).not.toEqual(expect.arrayContaining(['AuthPassword']));
		expect(JSON.stringify(hidden.items)).not.toMatch(/"(AuthPassword|VMPIN|DeskphonePassword|AccessPassword)"/);
		const shown = await run({ resource: 'users', operation: 'get', userId: 1, entitySelectExpandOptions: { includeSecrets: true } });
		expect(shown.items[0].json).toHaveProperty('AuthPassword');
		expect(shown.items[0].json).toHaveProperty('VMPIN');
	});

	test('PATCH answered 204 gives { success: true } with the key', async () => {
		const { items, error } = await run({
			resource: 'users',
			operation: 'update',
			userId: 2,
			userUpdateFields: { firstName: "Zoë O'Neil" },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ success: true, Id: 2 }]);
		expect(xapiRequests()[0]).toMatchObject({ path: '/Users(2)', status: 204 });
		const after = await run({ resource: 'users', operation: 'get', userId: 2, entitySelectExpandOptions: { select: 'FirstName' } });
		expect(after.items[0].json.FirstName).toBe("Zoë O'Neil");
	});
});

describe('errors', () => {
	test('an OData 400 becomes the readable error', async () => {
		const { error } = await run({ resource: 'users', operation: 'create', userAdditionalFields: { number: '100' } });
		expect(error?.message).toBe('Number: already in use (WARNINGS.XAPI.ALREADY_IN_USE)');
		expect(error?.description).toBe('HTTP 400 from POST /Users.');
		expect(error?.httpCode).toBe('400');
	});

	test('Top over the cap explains the cap', async () => {
		const { error } = await run({ resource: 'users', operation: 'getMany', returnAll: true, listQueryOptions: { top: 500 } });
		expect(error?.message).toMatch(/limit of '100' for Top/);
		expect(error?.description).toMatch(/set Options → Top to 100 or less/);
	});

	test('bad input fails before any request, naming the parameter', async () => {
		const { error } = await run({ ...callLogParams, operation: 'getCallLogData', periodFrom: 'yesterday' });
		expect(error?.message).toBe('Invalid "periodFrom": expected a date-time like 2025-03-01T00:00:00Z, got "yesterday"');
		expect(xapiRequests()).toHaveLength(0);
	});

	test('Continue On Fail gives an error item for the failing item and keeps the others', async () => {
		const { items, error } = await run(
			{ resource: 'users', operation: 'get', userId: '={{ $json.id }}', entitySelectExpandOptions: { select: 'Id' } },
			{ items: [{ json: { id: 1 } }, { json: { id: 99999 } }, { json: { id: 'x' } }, { json: { id: 3 } }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items[0].json).toEqual({ Id: 1 });
		expect(items[3].json).toEqual({ Id: 3 });
		expect(JSON.stringify(items[1].json)).toMatch(/No record with this key|not found/i);
		expect(JSON.stringify(items[2].json)).toMatch(/Invalid \\"userId\\"/);
		expect(JSON.stringify(items)).not.toMatch(/Bearer|access_token|apiKey/i);
	});
});
