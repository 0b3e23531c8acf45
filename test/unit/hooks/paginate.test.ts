import { NodeApiError, NodeOperationError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';
import { requestPaginator } from '../../../nodes/ThreeCx/xapi/hooks/paginate';
import { requestBuilder } from '../../../nodes/ThreeCx/xapi/hooks/preSend';
import { NODE, TABLE, fakeContext } from '../fake-context';

const runner = requestPaginator(TABLE);
const builder = requestBuilder(TABLE);
const ROWS = Array.from({ length: 250 }, (_, i) => ({ Id: i + 1 }));

/** A PBX holding 250 users that caps $top at 100, like Users and Contacts. */
function pbx(raw = false) {
	const calls: IDataObject[] = [];
	const pages = async (options: IDataObject): Promise<INodeExecutionData[]> => {
		const qs = options.qs as IDataObject;
		calls.push(qs);
		const top = Number(qs.$top ?? 250);
		if (top > 100) throw Object.assign(new Error('400'), { response: { status: 400, data: Buffer.from(`{"error":{"code":"","message":"The limit of '100' for Top query has been exceeded."}}`) } });
		const skip = Number(qs.$skip ?? 0);
		const value = ROWS.slice(skip, skip + top);
		return raw
			? [{ json: { '@odata.count': 250, value }, pairedItem: { item: 0 } }]
			: value.map((json) => ({ json, pairedItem: { item: 0 } }));
	};
	return { calls, pages };
}

/** Users → Get Many as n8n runs it: the request builder's request handed to the pagination hook. */
const run = async (parameters: IDataObject, server = pbx()) => {
	const { options = {}, ...rest } = parameters;
	const ctx = fakeContext(
		{ resource: 'users', operation: 'getMany', options: { filter: 'Id gt 0', ...(options as IDataObject) }, ...rest },
		{ pages: server.pages },
	);
	const request = await builder.call(ctx, { url: '', headers: {} });
	const items = await runner.call(ctx, { options: request, preSend: [], postReceive: [] } as never);
	return { items, calls: server.calls };
};

describe('paginateXapiRequest', () => {
	test('Return All: 250 distinct rows in pages of 100, filter kept', async () => {
		const { items, calls } = await run({ returnAll: true });
		expect(items.map((item) => item.json.Id)).toEqual(ROWS.map((row) => row.Id));
		expect(calls).toEqual([
			{ $filter: 'Id gt 0', $top: 100 },
			{ $filter: 'Id gt 0', $top: 100, $skip: 100 },
			{ $filter: 'Id gt 0', $top: 100, $skip: 200 },
		]);
	});

	test.each([
		[{ returnAll: false, limit: 120 }, 120, [[100, undefined], [20, 100]]],
		[{ returnAll: false, limit: 50 }, 50, [[50, undefined]]],
		[{ returnAll: false }, 50, [[50, undefined]]],
		[{ returnAll: true, options: { top: 40, skip: 230 } }, 20, [[40, 230]]],
		[{ returnAll: false, limit: 70, options: { top: 30 } }, 70, [[30, undefined], [30, 30], [10, 60]]],
	])('%p → %i rows', async (parameters, count, pages) => {
		const { items, calls } = await run(parameters);
		expect(items).toHaveLength(count);
		expect(new Set(items.map((item) => item.json.Id)).size).toBe(count);
		expect(calls.map((qs) => [qs.$top, qs.$skip])).toEqual(pages);
	});

	test('Raw Response merges pages into one envelope', async () => {
		const { items } = await run({ returnAll: false, limit: 150, options: { rawResponse: true } }, pbx(true));
		expect(items).toHaveLength(1);
		expect(items[0].json['@odata.count']).toBe(250);
		expect((items[0].json.value as IDataObject[]).map((row) => row.Id)).toEqual(ROWS.slice(0, 150).map((row) => row.Id));
	});

	test('collections answered in one piece keep everything unless a Limit is set', async () => {
		const server = { calls: [], pages: async () => ROWS.slice(0, 7).map((json) => ({ json })) };
		const call = async (parameters: IDataObject) =>
			await runner.call(fakeContext({ resource: 'users', operation: 'getDuplicatedEmails', ...parameters }, server), { options: {} } as never);
		expect(await call({})).toHaveLength(7);
		expect(await call({ returnAll: false, limit: 3 })).toHaveLength(3);
	});

	test('a bad Limit fails naming the parameter before any request', async () => {
		const server = pbx();
		const error = (await run({ returnAll: false, limit: -3 }, server).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid "limit": expected a whole number of 0 or more, got -3');
		expect(error.description).toBe('Parameter "limit" must be a whole number of 0 or more. Nothing was sent to the PBX.');
		expect(server.calls).toEqual([]);
	});

	test('HTTP errors become readable NodeApiErrors without the request', async () => {
		const error = (await run({ returnAll: true, options: { top: 500 } }).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe("The limit of '100' for Top query has been exceeded.");
		expect(error.description).toMatch(/^HTTP 400 from GET \/Users\. This list returns at most 100 rows per request/);
		expect(error.httpCode).toBe('400');
		expect(error.cause).toBeUndefined();
	});

	test('the Authorization header of a failed request appears nowhere in the error', async () => {
		const axiosError = Object.assign(new Error('Request failed with status code 409'), {
			config: { headers: { Authorization: 'Bearer eyJsecret' } },
			response: { status: 409, data: Buffer.from('{"error":{"message":"Number:\\nWARNINGS.XAPI.ALREADY_IN_USE"}}') },
		});
		const wrapped = new NodeApiError(NODE, axiosError as never);
		const error = (await runner
			.call(fakeContext({ resource: 'users', operation: 'get', id: 1 }, { pages: async () => Promise.reject(wrapped) }), { options: {} } as never)
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('Number: already in use (WARNINGS.XAPI.ALREADY_IN_USE)');
		const everything = JSON.stringify({ error, cause: error.cause, context: error.context, response: error.errorResponse });
		expect(everything).not.toContain('eyJsecret');
	});

	test('network failures keep their message, lose the request', async () => {
		const network = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5001'), { config: { headers: { Authorization: 'Bearer x' } } });
		const error = (await runner
			.call(fakeContext({ resource: 'users', operation: 'get', id: 1 }, { pages: async () => Promise.reject(network) }), { options: {} } as never)
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(JSON.stringify(error)).not.toContain('Bearer');
	});

	test("the credential's own words survive n8n's generic wrapping", async () => {
		const own = Object.assign(new Error('Cannot reach the 3CX server at http://pbx:5001 (ECONNREFUSED)'), { description: 'Check Server URL' });
		const wrapped = new NodeApiError(NODE, own as never);
		expect(wrapped.message).toMatch(/refused the connection/);
		const error = (await runner
			.call(fakeContext({ resource: 'users', operation: 'get', id: 1 }, { pages: async () => Promise.reject(wrapped) }), { options: {} } as never)
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('Cannot reach the 3CX server at http://pbx:5001 (ECONNREFUSED)');
		expect(error.description).toBe('Check Server URL');
	});

	test('NodeOperationErrors from shaping pass through', async () => {
		const own = new NodeOperationError(NODE, 'The PBX answered with invalid JSON');
		const error = await runner
			.call(fakeContext({ resource: 'users', operation: 'get', id: 1 }, { pages: async () => Promise.reject(own) }), { options: {} } as never)
			.catch((e: unknown) => e);
		expect(error).toBe(own);
	});
});
