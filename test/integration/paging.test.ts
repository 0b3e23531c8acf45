/**
 * Bulk pulls: $count with the first page, then up to Options → Parallel Requests pages in flight,
 * rows in PBX order; page size adapted to the $top cap a PBX names. Through n8n-core's execution
 * engine (test/support/n8n-harness) against the simulator.
 */
import { startSimulator, type Simulator } from '../../simulator';
import { client } from '../simulator/helpers';
import { CALL_LOG_2025, functionArgs } from '../support/fixtures';
import { CredentialStore, executeNode } from '../support/n8n-harness';

const ROWS = 10_000;
let sim: Simulator;
let credentials: CredentialStore;

beforeAll(async () => {
	sim = await startSimulator({ clientId: 'paging', callLogRows: ROWS, latencyMs: 20 });
	credentials = new CredentialStore({ server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.resetStats());

/** What the PBX holds at `path`, read directly in one request, each row as text, in PBX order. */
async function truth(path: string): Promise<string[]> {
	const pbx = await client(sim);
	const { body } = await pbx.json<{ value: unknown[] }>(path);
	return body.value.map((row) => JSON.stringify(row));
}

/** The /xapi requests of a path, in the order they were answered: [$top, $skip, $count, status].
 * 401s are left out: truth()'s own token logs the node out once (one token per client). */
const pages = (fragment: string) =>
	sim.stats.requests
		.filter((request) => request.path.includes(fragment) && request.status !== 401)
		.map((request) => {
			const query = new URLSearchParams(request.rawUrl.split('?')[1] ?? '');
			return [query.get('$top'), query.get('$skip'), query.get('$count'), request.status];
		});

const callLog = (options: Record<string, unknown> = {}) =>
	executeNode({
		parameters: { resource: 'reportCallLogData', operation: 'getCallLogData', period: 'custom', ...CALL_LOG_2025, returnAll: true, listQueryOptions: options },
		credentials,
	});

describe('parallel pages', () => {
	const expected = () => truth(`ReportCallLogData/Pbx.GetCallLogData(${functionArgs(CALL_LOG_2025)})?$top=${ROWS}`);

	test.each([
		[undefined, 4],
		[8, 8],
		[1, 1],
	])('Parallel Requests %p: every row once in PBX order, pages of 1000, at most %i in flight', async (parallelRequests, most) => {
		const rows = await expected();
		sim.resetStats();
		const { items, error } = await callLog(parallelRequests === undefined ? {} : { parallelRequests });
		expect(error).toBeUndefined();
		expect(items.map((item) => JSON.stringify(item.json))).toEqual(rows);
		const sent = pages('GetCallLogData');
		// The first page asks for the count (only when pages may go out together).
		expect(sent[0]).toEqual(['1000', null, most > 1 ? 'true' : null, 200]);
		expect(sent).toHaveLength(most > 1 ? ROWS / 1000 : ROWS / 1000 + 1);
		expect(sent.slice(1).every(([top, , count]) => top === '1000' && count === null)).toBe(true);
		// Never more than the window; more than one when parallel (how many at once depends on timing).
		expect(sim.stats.peakInFlight).toBeLessThanOrEqual(most);
		expect(sim.stats.peakInFlight > 1).toBe(most > 1);
	});

	test('Limit with Skip: exactly those rows, the last page asks only for what is left', async () => {
		const rows = await expected();
		sim.resetStats();
		const { items } = await executeNode({
			parameters: { resource: 'reportCallLogData', operation: 'getCallLogData', period: 'custom', ...CALL_LOG_2025, returnAll: false, limit: 2500, listQueryOptions: { skip: 300 } },
			credentials,
		});
		expect(items.map((item) => JSON.stringify(item.json))).toEqual(rows.slice(300, 2800));
		expect(pages('GetCallLogData').map(([top, skip]) => [top, skip])).toEqual([
			['1000', '300'],
			['1000', '1300'],
			['500', '2300'],
		]);
	});

	test('entity sets stay at pages of 100', async () => {
		const { items } = await executeNode({ parameters: { resource: 'users', operation: 'getMany', returnAll: true }, credentials });
		expect(items).toHaveLength(40);
		expect(pages('/Users').map(([top]) => top)).toEqual(['100']);
	});
});

describe('the $top cap of a report', () => {
	const INBOUND = { resource: 'reportInboundRules', operation: 'getInboundRulesData' };

	test('Return All across a capped report: the PBX names 100, the pull goes on at 100, and the process remembers', async () => {
		const rows = await truth('ReportInboundRules/Pbx.GetInboundRulesData()?$top=100');
		sim.resetStats();
		const first = await executeNode({ parameters: { ...INBOUND, returnAll: true }, credentials });
		expect(first.error).toBeUndefined();
		expect(first.items.map((item) => JSON.stringify(item.json))).toEqual(rows);
		expect(pages('GetInboundRulesData').map(([top, , , status]) => [top, status])).toEqual([
			['1000', 400],
			['100', 200],
		]);
		sim.resetStats();
		const second = await executeNode({ parameters: { ...INBOUND, returnAll: true }, credentials });
		expect(second.items).toHaveLength(rows.length);
		expect(pages('GetInboundRulesData').map(([top, , , status]) => [top, status])).toEqual([['100', 200]]);
	});

	test('a Top set above the cap fails naming the cap', async () => {
		const { error } = await executeNode({ parameters: { ...INBOUND, returnAll: true, listQueryOptions: { top: 500 } }, credentials });
		expect(error?.message).toBe('Invalid "top": expected 100 or less: the PBX returns at most 100 rows per request for this list, got 500');
		expect(pages('GetInboundRulesData')).toEqual([]);
	});
});
