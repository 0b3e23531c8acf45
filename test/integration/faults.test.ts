/**
 * Faults cost no rows and no whole pulls: the node through n8n-core's execution engine
 * (test/support/n8n-harness) against the simulator's fault, stall and revoke knobs.
 */
import { startSimulator, type Simulator } from '../../simulator';
import { client, type Client } from '../simulator/helpers';
import { CALL_LOG_2025, functionArgs } from '../support/fixtures';
import { CredentialStore, executeNode } from '../support/n8n-harness';

const ROWS = 10_000;
let sim: Simulator;
let pbx: Client;
let credentials: CredentialStore;

beforeAll(async () => {
	sim = await startSimulator({ clientId: 'faults', callLogRows: ROWS });
	pbx = await client(sim);
	credentials = new CredentialStore({ server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.resetStats());

const CALL_LOG_PATH = `ReportCallLogData/Pbx.GetCallLogData(${functionArgs(CALL_LOG_2025)})`;
const callLog = (options: Record<string, unknown> = {}) =>
	executeNode({
		parameters: { resource: 'reportCallLogData', operation: 'getCallLogData', period: 'custom', ...CALL_LOG_2025, returnAll: true, listQueryOptions: options },
		credentials,
	});

/** The call log as the PBX holds it, read directly: SegmentId and the row as text, in PBX order. */
async function truth(): Promise<string[]> {
	// One token per client: the node's token requests log older ones out.
	pbx = await client(sim);
	const { body } = await pbx.json<{ value: Array<Record<string, unknown>> }>(`${CALL_LOG_PATH}?$top=${ROWS + 1}`);
	return body.value.map((row) => JSON.stringify(row));
}

/** The raw URL of the page at $skip (`$` goes out as %24). */
const page = (skip: number) => new RegExp(`GetCallLogData\\(.*[?&](\\$|%24)skip=${skip}(&|$)`);

describe('simulator knobs for the fault tests', () => {
	test('stall, reset, revoke and headers act on the matching request only', async () => {
		sim.inject({ stallMs: 300, match: /Users\?\$top=1$/ });
		let t0 = Date.now();
		expect((await pbx.get('Users?$top=1')).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
		t0 = Date.now();
		expect((await pbx.get('Users?$top=1')).status).toBe(200);
		expect(Date.now() - t0).toBeLessThan(280);

		sim.inject({ reset: true, match: /Users\?\$top=2/ });
		await expect(pbx.get('Users?$top=2')).rejects.toThrow();

		sim.inject({ status: 502, body: '<html><head><title>502 Bad Gateway</title></head></html>', headers: { 'Content-Type': 'text/html', 'Retry-After': '1' } });
		const proxy = await pbx.get('Users?$top=1');
		expect([proxy.status, proxy.headers.get('content-type'), proxy.headers.get('retry-after')]).toEqual([502, 'text/html', '1']);

		sim.inject({ revokeTokens: true, match: /Users\?\$top=3/ });
		expect((await pbx.get('Users?$top=3')).status).toBe(401);
		expect(sim.stats.unauthorized).toBe(1);
		expect(() => sim.inject({ times: 1 })).toThrow(/status, reset, stallMs or revokeTokens/);
		pbx = await client(sim);
	});

	test('GetInboundRulesData caps $top at 100, like a real PBX', async () => {
		const refused = await pbx.json('ReportInboundRules/Pbx.GetInboundRulesData()?$top=1000');
		expect(refused.status).toBe(400);
		expect(refused.body.error.message).toMatch(/^The limit of '100' for Top query has been exceeded/);
		expect((await pbx.get('ReportInboundRules/Pbx.GetInboundRulesData()?$top=100')).status).toBe(200);
	});
});

describe('faults cost no rows', () => {
	test('4 transient faults spread over one 10,000-row pull: every row once, in PBX order', async () => {
		const expected = await truth();
		sim.inject({ status: 503, match: page(2000), headers: { 'Retry-After': '0' } });
		sim.inject({ status: 429, match: page(4000), headers: { 'Retry-After': '1' } });
		sim.inject({ reset: true, match: page(6000) });
		sim.inject({ status: 504, match: page(9000) });
		const { items, error } = await callLog();
		expect(error).toBeUndefined();
		expect(items.map((item) => JSON.stringify(item.json))).toEqual(expected);
		const statuses = sim.stats.requests.filter((request) => request.path.includes('GetCallLogData')).map((request) => request.status);
		// 401s are truth()'s token logging the node out (one token per client); the reset has no status.
		expect(statuses.filter((status) => status !== 200 && status !== 401).sort()).toEqual([429, 503, 504]);
	});

	test('token revoked mid-pull, 5xx on pages 3, 5, 7, 9 and a 30 s stall: rows and keys equal the truth', async () => {
		const expected = await truth();
		const before = { ...sim.stats };
		sim.inject({ revokeTokens: true, match: page(1000) });
		sim.inject({ status: 500, match: page(2000) });
		sim.inject({ status: 502, match: page(4000), body: '<html><head><title>502 Bad Gateway</title></head></html>', headers: { 'Content-Type': 'text/html' } });
		sim.inject({ stallMs: 30_000, match: page(5000) });
		sim.inject({ status: 503, match: page(6000) });
		sim.inject({ status: 504, match: page(8000) });
		const { items, error } = await callLog();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(expected.length);
		const keys = items.map((item) => item.json.SegmentId);
		expect(new Set(keys).size).toBe(new Set(expected.map((row) => JSON.parse(row).SegmentId)).size);
		expect(items.map((item) => JSON.stringify(item.json))).toEqual(expected);
		expect(sim.stats.tokenRequests - before.tokenRequests).toBeGreaterThanOrEqual(1);
		expect(sim.stats.unauthorized - before.unauthorized).toBeGreaterThanOrEqual(1);
	}, 90_000);
});

describe('errors that say what happened', () => {
	test('a stall beyond Options → Timeout names the request and the seconds', async () => {
		sim.inject({ stallMs: 5000, match: /\/Users\?/ });
		const started = Date.now();
		const { error } = await executeNode({ parameters: { resource: 'users', operation: 'getMany', listQueryOptions: { timeout: 1 } }, credentials });
		expect(Date.now() - started).toBeLessThan(4500);
		expect(error?.message).toBe('3CX did not answer GET /Users?$top=50 within 1 s');
	});

	test("a proxy's 502 page that persists: its status and title, the real path, the status code", async () => {
		sim.inject({ status: 502, times: 10, match: /GetCallLogData/, body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>', headers: { 'Content-Type': 'text/html', 'Retry-After': '0' } });
		const { error } = await executeNode({
			parameters: { resource: 'reportCallLogData', operation: 'getCallLogData', period: 'custom', ...CALL_LOG_2025, returnAll: false, limit: 5 },
			credentials,
		});
		expect(error?.message).toBe('HTML page: 502 Bad Gateway');
		expect(error?.httpCode).toBe('502');
		expect(error?.description).toContain('HTTP 502 from GET /ReportCallLogData/Pbx.GetCallLogData(periodFrom=2025-01-01T00:00:00Z,periodTo=2025-12-31T23:59:59Z,');
		expect(error?.description).not.toContain('{periodFrom}');
		expect(error?.description).not.toContain('<');
		const tries = sim.stats.requests.filter((request) => request.path.includes('GetCallLogData'));
		expect(tries).toHaveLength(4);
	});

	test('a token endpoint answering 5xx does not blame the Server URL', async () => {
		sim.invalidateTokens();
		sim.inject({ status: 503, times: 20, match: /connect\/token/ });
		const fresh = new CredentialStore({ server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey });
		const { error } = await executeNode({ parameters: { resource: 'users', operation: 'getMany' }, credentials: fresh });
		expect(`${error?.message} ${error?.description}`).toMatch(/HTTP 503/);
		expect(`${error?.message} ${error?.description}`).not.toMatch(/Check that Server URL|check Server URL/);
	});
});
