import { NodeOperationError, type IDataObject, type IN8nHttpFullResponse } from 'n8n-workflow';
import { responseShaper } from '../../../nodes/ThreeCx/xapi/hooks/postReceive';
import { TABLE, fakeContext } from '../fake-context';

const shape = responseShaper(TABLE);
const JSON_TYPE = 'application/json; odata.metadata=minimal; charset=utf-8';
const answer = (statusCode: number, body: unknown, headers: Record<string, string> = { 'content-type': JSON_TYPE }) =>
	({
		statusCode,
		headers,
		body: Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
	}) as IN8nHttpFullResponse;
const run = async (parameters: IDataObject, response: IN8nHttpFullResponse, itemIndex = 3) =>
	await shape.call(fakeContext(parameters, { itemIndex }), [], response);

const users = { '@odata.context': 'x', '@odata.count': 2, value: [{ Id: 1, AuthPassword: 'a', VMPIN: '1' }, { Id: 2, DeskphonePassword: 'd' }] };

describe('shapeXapiResponse', () => {
	test('rows → items paired with the input item, secrets removed', async () => {
		expect(await run({ resource: 'users', operation: 'getMany' }, answer(200, users))).toEqual([
			{ json: { Id: 1 }, pairedItem: { item: 3 } },
			{ json: { Id: 2 }, pairedItem: { item: 3 } },
		]);
	});

	test('Include Secrets keeps them; Raw Response keeps the envelope', async () => {
		const [item] = await run({ resource: 'users', operation: 'getMany', options: { rawResponse: true, includeSecrets: true } }, answer(200, users));
		expect(item.json).toEqual(users);
		const [stripped] = await run({ resource: 'users', operation: 'getMany', options: { rawResponse: true } }, answer(200, users));
		expect(stripped.json).toEqual({ '@odata.context': 'x', '@odata.count': 2, value: [{ Id: 1 }, { Id: 2 }] });
	});

	test('an Init template keeps its secrets: it is meant to be sent back to Create', async () => {
		const table = { fax: { initFax: { method: 'GET' as const, path: '/Fax/Pbx.InitFax()', params: [], query: [], output: 'entity' as const } } };
		const template = { '@odata.context': 'x', Id: 0, Number: '105', AuthID: 'a', AuthPassword: 'p' };
		const items = await responseShaper(table).call(fakeContext({ resource: 'fax', operation: 'initFax' }, { itemIndex: 0 }), [], answer(200, template));
		expect(items).toEqual([{ json: { Id: 0, Number: '105', AuthID: 'a', AuthPassword: 'p' }, pairedItem: { item: 0 } }]);
	});

	test('entity without @odata.context', async () => {
		const items = await run({ resource: 'users', operation: 'get', id: 7 }, answer(200, { '@odata.context': 'x', Id: 7, AccessPassword: 'p' }));
		expect(items).toEqual([{ json: { Id: 7 }, pairedItem: { item: 3 } }]);
	});

	test.each([
		[answer(204, '', {})],
		[answer(200, '', { 'content-type': JSON_TYPE })],
		[{ statusCode: 204, headers: {}, body: undefined } as unknown as IN8nHttpFullResponse],
	])('empty answer → success with the key', async (response) => {
		expect(await run({ resource: 'users', operation: 'update', id: 29 }, response)).toEqual([
			{ json: { success: true, Id: 29 }, pairedItem: { item: 3 } },
		]);
	});

	test('{ value } of an action is unwrapped', async () => {
		expect(await run({ resource: 'customPrompts', operation: 'upload' }, answer(200, { value: 'Custom/GRP0002/x.wav' }))).toEqual([
			{ json: { value: 'Custom/GRP0002/x.wav' }, pairedItem: { item: 3 } },
		]);
	});

	test('JSON without a Content-Type is still JSON', async () => {
		const items = await run({ resource: 'users', operation: 'get', id: 1 }, answer(200, { Id: 1 }, {}));
		expect(items[0].json).toEqual({ Id: 1 });
	});

	test('a file answer becomes binary, named by Content-Disposition', async () => {
		const wav = Buffer.from('RIFF\0\0\0\0WAVEfmt ');
		const [item] = await run(
			{ resource: 'recordings', operation: 'download', recId: 12, options: { binaryPropertyName: 'audio' } },
			answer(200, wav, { 'content-type': 'audio/x-wav', 'content-disposition': "attachment; filename*=UTF-8''rec%2012.wav" }),
		);
		expect(item.json).toEqual({ fileName: 'rec 12.wav', mimeType: 'audio/x-wav', fileSize: wav.length });
		expect(item.binary?.audio).toMatchObject({ fileName: 'rec 12.wav', mimeType: 'audio/x-wav', data: wav.toString('base64') });
		expect(item.pairedItem).toEqual({ item: 3 });
	});

	test('a file without a name gets one from the operation, key and MIME type', async () => {
		const [item] = await run(
			{ resource: 'recordings', operation: 'download', recId: 12 },
			answer(200, 'a,b\r\n1,2', { 'content-type': 'text/csv; charset=utf-8' }),
		);
		expect(item.binary?.data).toMatchObject({ fileName: 'DownloadRecording-12.csv', mimeType: 'text/csv' });
	});

	test('JSON from a "file" operation is still JSON (Content-Type decides)', async () => {
		const items = await run({ resource: 'recordings', operation: 'download', recId: 1 }, answer(200, { value: 'ticket' }));
		expect(items).toEqual([{ json: { value: 'ticket' }, pairedItem: { item: 3 } }]);
	});

	test('invalid JSON is reported', async () => {
		await expect(run({ resource: 'users', operation: 'get', id: 1 }, answer(200, '{"Id":'))).rejects.toThrow(NodeOperationError);
	});
});
