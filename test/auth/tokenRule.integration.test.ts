/**
 * The one-token-per-client rule, end to end: the ThreeCx node runs in n8n-core's engine against
 * the simulator, which (like a PBX) invalidates a client's token whenever a new one is issued.
 */
import { startSimulator, type Simulator } from '../../simulator';
import { DEFAULT_RETRY_SCHEDULE } from '../../nodes/ThreeCx/auth/tokenRetry';
import { CredentialStore, executeNode } from '../support/n8n-harness';

const getManyUsers = { resource: 'users', operation: 'getMany', returnAll: false, limit: 1 };
const items = (count: number) => Array.from({ length: count }, (_, i) => ({ json: { i } }));

/** Each test gets its own client ID, so the process-wide token cache starts empty for it. */
let clientCounter = 0;

async function simulatorWithClient(options: Parameters<typeof startSimulator>[0] = {}) {
	const clientId = `n8n-test-${++clientCounter}`;
	const sim = await startSimulator({ clientId, ...options });
	const store = new CredentialStore({ server: sim.url, clientId, apiKey: sim.apiKey });
	return { sim, store };
}

describe('one token per 3CX client', () => {
	let sim: Simulator | undefined;
	afterEach(async () => {
		await sim?.close();
		sim = undefined;
	});

	it('50 parallel items starting with no token make exactly 1 token request and all succeed', async () => {
		const setup = await simulatorWithClient({ latencyMs: 20 });
		sim = setup.sim;
		const run = await executeNode({ parameters: getManyUsers, credentials: setup.store, items: items(50) });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(50);
		expect(run.items.filter((item) => item.error || item.json.error)).toHaveLength(0);
		expect(sim.stats.tokenRequests).toBe(1);
		expect(sim.stats.unauthorized).toBe(0);
		expect(setup.store.data.accessToken).toMatch(/^ey/);
	});

	it('10 concurrent executions on one credential share one token', async () => {
		const setup = await simulatorWithClient({ latencyMs: 10 });
		sim = setup.sim;
		const runs = await Promise.all(
			Array.from({ length: 10 }, async () =>
				await executeNode({ parameters: getManyUsers, credentials: setup.store, items: items(20) }),
			),
		);
		expect(runs.map((run) => run.error)).toEqual(Array(10).fill(undefined));
		expect(runs.reduce((sum, run) => sum + run.items.length, 0)).toBe(200);
		expect(sim.stats.tokenRequests).toBe(1);
	});

	it('a token invalidated between executions is refreshed exactly once for 50 items', async () => {
		const setup = await simulatorWithClient();
		sim = setup.sim;
		await executeNode({ parameters: getManyUsers, credentials: setup.store });
		expect(sim.stats.tokenRequests).toBe(1);
		sim.invalidateTokens();
		const run = await executeNode({ parameters: getManyUsers, credentials: setup.store, items: items(50) });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(50);
		expect(sim.stats.tokenRequests).toBe(2);
	});

	it('a token invalidated in the middle of a paged pull is refreshed once and no row is lost', async () => {
		const setup = await simulatorWithClient({ users: 250, latencyMs: 25 });
		sim = setup.sim;
		const running = executeNode({
			parameters: { resource: 'users', operation: 'getMany', returnAll: true },
			credentials: setup.store,
		});
		setTimeout(() => sim?.invalidateTokens(), 40);
		const run = await running;
		expect(run.error).toBeUndefined();
		expect(new Set(run.items.map((item) => item.json.Id)).size).toBe(250);
		expect(sim.stats.tokenRequests).toBe(2);
		// One 401 per page in flight when the token died (pages go out in parallel once the total is known).
		expect(sim.stats.unauthorized).toBeGreaterThanOrEqual(1);
	});

	it('a PBX that rejects every token ends in an error after a bounded number of token requests, not a loop', async () => {
		const setup = await simulatorWithClient();
		sim = setup.sim;
		sim.inject({ status: 401, times: 1000, match: /\/xapi\/v1\/Users/ });
		const run = await executeNode({ parameters: getManyUsers, credentials: setup.store });
		expect(run.error).toBeDefined();
		expect(sim.stats.tokenRequests).toBeGreaterThanOrEqual(2);
		expect(sim.stats.tokenRequests).toBeLessThanOrEqual(1 + DEFAULT_RETRY_SCHEDULE.attempts);
	}, 120_000);

	it.each(['seconds', 'minutes'] as const)(
		'reuses the token across executions when expires_in is in %s',
		async (expiresInUnit) => {
			const setup = await simulatorWithClient({ expiresInUnit });
			sim = setup.sim;
			for (let i = 0; i < 3; i++) {
				const run = await executeNode({ parameters: getManyUsers, credentials: setup.store });
				expect(run.error).toBeUndefined();
			}
			expect(sim.stats.tokenRequests).toBe(1);
		},
	);

	it('an expired token is replaced and the execution still succeeds', async () => {
		const setup = await simulatorWithClient({ tokenLifetimeSeconds: 1 });
		sim = setup.sim;
		await executeNode({ parameters: getManyUsers, credentials: setup.store });
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const run = await executeNode({ parameters: getManyUsers, credentials: setup.store, items: items(5) });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(5);
		expect(sim.stats.tokenRequests).toBe(2);
	});
});

describe('failed token exchange', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ clientId: 'n8n-bad-key' });
	});
	afterAll(async () => await sim.close());

	it('says the Client ID or API key is wrong and leaks no secret', async () => {
		const apiKey = 'wrong-api-key-0123456789';
		const store = new CredentialStore({ server: sim.url, clientId: 'n8n-bad-key', apiKey });
		const run = await executeNode({ parameters: getManyUsers, credentials: store });
		expect(run.error?.message).toMatch(/rejected the Client ID or API Key \(HTTP 401/);
		expect(run.error?.description).toMatch(/Integrations → API/);
		const serialised = JSON.stringify(run.error, Object.getOwnPropertyNames(run.error));
		expect(serialised).not.toContain(apiKey);
		expect(serialised).not.toContain(sim.apiKey);
		expect(sim.stats.tokenRequests).toBe(1);
		expect(sim.stats.failedTokenRequests).toBe(1);
	});

	it('says the server is unreachable when nothing listens', async () => {
		const store = new CredentialStore({ server: 'http://127.0.0.1:9', clientId: 'x', apiKey: 'secret-key-xyz' });
		const run = await executeNode({ parameters: getManyUsers, credentials: store });
		expect(run.error?.message).toMatch(/Cannot reach the 3CX server at http:\/\/127\.0\.0\.1:9/);
		expect(JSON.stringify(run.error, Object.getOwnPropertyNames(run.error))).not.toContain('secret-key-xyz');
	});
});
