import { NodeApiError, NodeOperationError, type IDataObject, type IN8nHttpFullResponse } from 'n8n-workflow';
import { requestPaginator } from '../../../nodes/ThreeCx/xapi/hooks/paginate';
import { responseShaper } from '../../../nodes/ThreeCx/xapi/hooks/postReceive';
import { requestBuilder } from '../../../nodes/ThreeCx/xapi/hooks/preSend';
import { NODE, TABLE, fakeContext } from '../fake-context';

const runner = requestPaginator(TABLE);
const builder = requestBuilder(TABLE);
const shaper = responseShaper(TABLE);
const ROWS = Array.from({ length: 250 }, (_, i) => ({ Id: i + 1 }));
const JSON_TYPE = { 'content-type': 'application/json; odata.metadata=minimal' };

type Transport = (options: IDataObject) => Promise<IN8nHttpFullResponse>;

/** A context whose authenticated requests go to `transport`, like n8n's helper with returnFullResponse. */
function context(parameters: IDataObject, transport: Transport) {
	const base = fakeContext(parameters) as unknown as { helpers: IDataObject };
	const helpers = { ...base.helpers, httpRequestWithAuthentication: async (_type: string, options: IDataObject) => await transport(options) };
	return { ...base, helpers } as never;
}

const answer = (body: unknown, statusCode = 200): IN8nHttpFullResponse => ({ body: Buffer.from(JSON.stringify(body)), headers: JSON_TYPE, statusCode });

/** An HTTP error as n8n's request helper throws it (the axios error in `cause`). */
function httpError(status: number, body: string, headers: Record<string, string> = {}) {
	return new NodeApiError(NODE, Object.assign(new Error(`Request failed with status code ${status}`), { response: { status, data: Buffer.from(body), headers } }) as never);
}

/** A PBX holding 250 users that caps $top at 100, like Users and Contacts, and reports $count. */
function pbx(rows = ROWS, cap = 100) {
	const calls: IDataObject[] = [];
	const transport: Transport = async (options) => {
		const qs = options.qs as IDataObject;
		calls.push(qs);
		const top = Number(qs.$top ?? rows.length);
		if (top > cap) throw httpError(400, `{"error":{"code":"","message":"The limit of '${cap}' for Top query has been exceeded."}}`);
		const skip = Number(qs.$skip ?? 0);
		const value = rows.slice(skip, skip + top);
		return answer(qs.$count === true ? { '@odata.count': rows.length, value } : { value });
	};
	return { calls, transport };
}

/** An operation as n8n runs it: the request builder's request handed to the pagination hook. */
const run = async (parameters: IDataObject, server: { calls: IDataObject[]; transport: Transport } = pbx(), operation = 'getMany', resource = 'users') => {
	const { options = {}, ...rest } = parameters;
	const ctx = context({ resource, operation, options: { filter: 'Id gt 0', ...(options as IDataObject) }, ...rest }, server.transport);
	const request = await builder.call(ctx, { url: '', headers: {} });
	const items = await runner.call(ctx, { options: request, preSend: [], postReceive: [{ actions: [shaper], data: {} }] } as never);
	return { items, calls: server.calls };
};

describe('paginateXapiRequest', () => {
	test('Return All: 250 distinct rows in pages of 100, filter kept', async () => {
		const { items, calls } = await run({ returnAll: true });
		expect(items.map((item) => item.json.Id)).toEqual(ROWS.map((row) => row.Id));
		expect(calls).toEqual([
			{ $filter: 'Id gt 0', $top: 100, $count: true },
			{ $filter: 'Id gt 0', $top: 100, $skip: 100 },
			{ $filter: 'Id gt 0', $top: 50, $skip: 200 },
		]);
	});

	test.each([
		[{ returnAll: false, limit: 120 }, 120, [[100, undefined], [20, 100]]],
		[{ returnAll: false, limit: 50 }, 50, [[50, undefined]]],
		[{ returnAll: false }, 50, [[50, undefined]]],
		[{ returnAll: true, options: { top: 40, skip: 230 } }, 20, [[40, 230]]],
		[{ returnAll: false, limit: 70, options: { top: 30 } }, 70, [[30, undefined], [30, 30], [10, 60]]],
		[{ returnAll: true, options: { parallelRequests: 1 } }, 250, [[100, undefined], [100, 100], [100, 200]]],
	])('%p → %i rows', async (parameters, count, pages) => {
		const { items, calls } = await run(parameters);
		expect(items).toHaveLength(count);
		expect(new Set(items.map((item) => item.json.Id)).size).toBe(count);
		expect(calls.map((qs) => [qs.$top, qs.$skip])).toEqual(pages);
	});

	test('Raw Response merges pages into one envelope', async () => {
		const { items } = await run({ returnAll: false, limit: 150, options: { rawResponse: true, count: true } });
		expect(items).toHaveLength(1);
		expect(items[0].json['@odata.count']).toBe(250);
		expect((items[0].json.value as IDataObject[]).map((row) => row.Id)).toEqual(ROWS.slice(0, 150).map((row) => row.Id));
	});

	test('collections answered in one piece keep everything unless a Limit is set', async () => {
		const server = { calls: [], transport: async () => answer({ value: ROWS.slice(0, 7) }) };
		expect((await run({}, server, 'getDuplicatedEmails')).items).toHaveLength(7);
		expect((await run({ returnAll: false, limit: 3 }, server, 'getDuplicatedEmails')).items).toHaveLength(3);
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
		expect(error.description).toMatch(/^HTTP 400 from GET \/Users\?\$filter=Id gt 0&\$top=500&\$count=true\. This list returns at most 100 rows per request/);
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
			.call(context({ resource: 'users', operation: 'get', id: 1 }, async () => Promise.reject(wrapped)), { options: {}, postReceive: [] } as never)
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('Number: already in use (WARNINGS.XAPI.ALREADY_IN_USE)');
		const everything = JSON.stringify({ error, cause: error.cause, context: error.context, response: error.errorResponse });
		expect(everything).not.toContain('eyJsecret');
	});

	test('network failures keep their message, lose the request', async () => {
		const network = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5001'), { config: { headers: { Authorization: 'Bearer x' } } });
		const error = (await runner
			.call(context({ resource: 'users', operation: 'get', id: 1 }, async () => Promise.reject(network)), { options: {}, postReceive: [] } as never)
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(JSON.stringify(error)).not.toContain('Bearer');
	});

	test("the credential's own words survive n8n's generic wrapping", async () => {
		const own = Object.assign(new Error('Cannot reach the 3CX server at http://pbx:5001 (ECONNREFUSED)'), { description: 'Check Server URL' });
		const wrapped = new NodeApiError(NODE, own as never);
		expect(wrapped.message).toMatch(/refused the connection/);
		const error = (await runner
			.call(context({ resource: 'users', operation: 'get', id: 1 }, async () => Promise.reject(wrapped)), { options: {}, postReceive: [] } as never)
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('Cannot reach the 3CX server at http://pbx:5001 (ECONNREFUSED)');
		expect(error.description).toBe('Check Server URL');
	});

	test('NodeOperationErrors from shaping pass through', async () => {
		const server = { calls: [], transport: async () => ({ body: Buffer.from('{"value":['), headers: JSON_TYPE, statusCode: 200 }) };
		const error = (await run({ id: 1 }, server, 'get').catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The PBX answered with invalid JSON');
	});

	test('rows come out in PBX order when parallel pages answer out of order', async () => {
		const rows = Array.from({ length: 950 }, (_, i) => ({ Id: i }));
		const inner = pbx(rows);
		let inFlight = 0;
		let most = 0;
		const server = {
			calls: inner.calls,
			transport: async (options: IDataObject) => {
				inFlight++;
				most = Math.max(most, inFlight);
				// Later pages answer sooner.
				await new Promise((resolve) => setTimeout(resolve, 50 - Number((options.qs as IDataObject).$skip ?? 0) / 20));
				inFlight--;
				return await inner.transport(options);
			},
		};
		const { items, calls } = await run({ returnAll: true, options: { parallelRequests: 3 } }, server);
		expect(items.map((item) => item.json.Id)).toEqual(rows.map((row) => row.Id));
		expect(calls).toHaveLength(10);
		expect(most).toBe(3);
	});

	const REPORT = { periodFrom: '2025-03-01T00:00:00Z', clientTimeZone: 'UTC', waitInterval: '0:00:00' };

	test('a report capped at 100: Return All goes on at the cap with no row lost or repeated, and remembers it', async () => {
		const rows = Array.from({ length: 1234 }, (_, i) => ({ Id: i }));
		const first = await run({ ...REPORT, returnAll: true }, pbx(rows, 100), 'callLog', 'reports');
		expect(first.items.map((item) => item.json.Id)).toEqual(rows.map((row) => row.Id));
		expect(first.calls[0].$top).toBe(1000);
		expect(first.calls.slice(1).every((qs) => qs.$top === 100 || qs.$top === 34)).toBe(true);
		// The process remembers: the next pull starts at 100, a Top above it fails before sending.
		const second = await run({ ...REPORT, returnAll: true }, pbx(rows, 100), 'callLog', 'reports');
		expect(second.calls[0].$top).toBe(100);
		const server = pbx(rows, 100);
		const error = (await run({ ...REPORT, returnAll: true, options: { top: 500 } }, server, 'callLog', 'reports').catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid "top": expected 100 or less: the PBX returns at most 100 rows per request for this list, got 500');
		expect(server.calls).toEqual([]);
	});

	test('a transient fault of one page is retried on that page: every row once', async () => {
		const inner = pbx();
		const faults = [httpError(503, '{"error":{"message":"busy"}}', { 'retry-after': '0' }), Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })];
		const server = {
			calls: inner.calls,
			transport: async (options: IDataObject) => {
				if ((options.qs as IDataObject).$skip === 100 && faults.length) throw faults.shift();
				return await inner.transport(options);
			},
		};
		const { items } = await run({ returnAll: true }, server);
		expect(items.map((item) => item.json.Id)).toEqual(ROWS.map((row) => row.Id));
		expect(faults).toEqual([]);
	});

	test('a fault that persists fails with the real request, its status, and an HTML page reduced to its title', async () => {
		const proxy = httpError(502, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', { 'retry-after': '0' });
		const tries: IDataObject[] = [];
		const error = (await run({ ...REPORT, returnAll: false, limit: 10 }, { calls: tries, transport: async (options) => { tries.push(options); throw proxy; } }, 'callLog', 'reports').catch((e: unknown) => e)) as NodeApiError;
		expect(tries).toHaveLength(4);
		expect(error.httpCode).toBe('502');
		expect(error.message).toBe('HTML page: 502 Bad Gateway');
		expect(error.description).toMatch(/^HTTP 502 from GET \/ReportCallLogData\/Pbx\.GetCallLogData\(periodFrom=2025-03-01T00:00:00Z,clientTimeZone='UTC',waitInterval='0:00:00'\)\?\$filter=Id gt 0&\$top=10\. /);
		expect(tries[0].timeout).toBe(300_000);
	});

	test("each request carries the node's timeout; a stall says which request and how long", async () => {
		const requests: IDataObject[] = [];
		const stall = Object.assign(new Error('timeout of 2000ms exceeded'), { code: 'ECONNABORTED' });
		const error = (await run({ options: { timeout: 2 } }, { calls: requests, transport: async (options) => { requests.push(options); throw stall; } }).catch((e: unknown) => e)) as NodeApiError;
		expect(requests.map((options) => options.timeout)).toEqual([2000]);
		expect(error.message).toBe('3CX did not answer GET /Users?$filter=Id gt 0&$top=50 within 2 s');
	});
});
