/**
 * n8n queue mode with one 3CX credential, as an operator deploys it: Postgres, Redis, `n8n start`
 * (main, takes the webhooks) and `n8n worker --concurrency=10` processes, the packed package in
 * each, against the 3CX simulator (one valid token per client). The token stored in the
 * credential is the state the processes share: after a revocation they lose no item, fetch at
 * most 3 tokens between them, write the credential at most once per token, and then fetch none.
 * First with 2 workers, then with 2 more.
 *
 * Postgres and Redis are Debian's (`apt-get install -y postgresql redis-server`), started here on
 * free 127.0.0.1 ports in temp folders. Without them the suite skips with one line, except on CI
 * (CI=true), where it fails.
 */
import { startSimulator, type Simulator } from '../../simulator';
import {
	buildIfStale,
	CREDENTIAL_TYPE,
	ensureN8n,
	missingQueueServices,
	queueModeSkipReason,
	runTokenScenario,
	startQueueCluster,
	usersWebhookWorkflow,
	waitForWebhook,
	burst,
	type QueueCluster,
	type TokenScenarioResult,
} from '../../tools/n8n';

const skipReason = queueModeSkipReason();
if (skipReason) process.stderr.write(`skipped: the n8n queue-mode test, because ${skipReason}\n`);
const suite = skipReason ? describe.skip : describe;

const CREDENTIAL = { id: 'queueCred3cx0001', name: '3CX (queue mode)' };
const WORKFLOW_ID = 'queueUsersGet0001';
const WEBHOOK_PATH = 'queue-users-get';
const ITEMS = 50;
const SCENARIO = { rounds: 3, executions: 20, items: ITEMS, steadyMs: 60_000, parallel: 10, revokeEveryMs: 15_000 };
/** The target: at most 3 token requests per revocation for all processes together (ideally 1). */
const MAX_TOKEN_REQUESTS = 3;

suite('n8n queue mode, one 3CX credential', () => {
	let sim: Simulator;
	let cluster: QueueCluster;
	const log = (message: string) => process.stderr.write(`[queue mode] ${message}\n`);

	beforeAll(async () => {
		const missing = missingQueueServices();
		if (missing.length) throw new Error(`CI=true, so the queue-mode test may not skip: ${missing.join(', ')} missing`);
		const install = await ensureN8n();
		await buildIfStale();
		sim = await startSimulator({ port: 0, users: 250 });
		const workflow = usersWebhookWorkflow({ id: WORKFLOW_ID, path: WEBHOOK_PATH, items: ITEMS, users: 250, credential: CREDENTIAL });
		cluster = await startQueueCluster({
			install,
			workers: 2,
			credentials: [{ ...CREDENTIAL, type: CREDENTIAL_TYPE, data: { server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey, accessToken: '' } }],
			workflows: [workflow],
			publish: [WORKFLOW_ID],
			logLevel: 'warn',
			log,
		});
		await waitForWebhook(cluster.url, WEBHOOK_PATH);
		// The first execution stores the credential's first token.
		const first = await burst(`${cluster.url}/webhook/${WEBHOOK_PATH}`, 1, ITEMS);
		expect(first.failedItems).toBe(0);
	}, 20 * 60_000);

	afterAll(async () => {
		await cluster?.stop();
		await sim?.close();
	}, 120_000);

	async function scenario(): Promise<TokenScenarioResult> {
		try {
			return await runTokenScenario({
				webhookUrl: `${cluster.url}/webhook/${WEBHOOK_PATH}`,
				pbx: sim,
				credentialWrites: () => cluster.credentialWrites(),
				...SCENARIO,
				log: (message) => log(`${cluster.workers.length} workers, ${message}`),
			});
		} catch (error) {
			log(cluster.logs());
			throw error;
		}
	}

	function expectShared(result: TokenScenarioResult) {
		for (const round of result.rounds) {
			expect(round.failedItems).toBe(0);
			expect(round.tokenRequests).toBeGreaterThanOrEqual(1);
			expect(round.tokenRequests).toBeLessThanOrEqual(MAX_TOKEN_REQUESTS);
			expect(round.credentialWrites).toBeLessThanOrEqual(round.tokenRequests);
		}
		expect(result.steady.failedItems).toBe(0);
		expect(result.steady.items).toBeGreaterThan(0);
		expect(result.steady.revocations).toBe(3);
		for (const tokens of result.steady.tokenRequestsPerRevocation) expect(tokens).toBeLessThanOrEqual(MAX_TOKEN_REQUESTS);
		expect(result.steady.credentialWrites).toBeLessThanOrEqual(result.steady.tokenRequests);
		// Settled: nothing revoked, so no token request and no 401.
		expect(result.settled.failedItems).toBe(0);
		expect(result.settled.tokenRequests).toBe(0);
		expect(result.settled.unauthorized).toBe(0);
	}

	it('2 workers: no failed item, at most 3 token requests per revocation, then none', async () => {
		expectShared(await scenario());
	}, 10 * 60_000);

	it('4 workers: no failed item, at most 3 token requests per revocation, then none', async () => {
		await cluster.addWorkers(2);
		expect(cluster.workers).toHaveLength(4);
		expectShared(await scenario());
	}, 10 * 60_000);
});
