/**
 * Bench scenario 6: one credential, regular mode (one `n8n start`) against queue mode (main + 2
 * workers at concurrency 10, Postgres, Redis): the token scenario of tools/n8n/tokenScenario.ts on
 * each, every n8n with the packed package, each against a simulator of its own.
 */
import { rm } from 'node:fs/promises';

import { startSimulator, type Simulator } from '../../simulator';
import {
	CREDENTIAL_TYPE,
	missingQueueServices,
	N8nCli,
	packAndInstall,
	QUEUE_SERVICES_HINT,
	runTokenScenario,
	startN8nServer,
	startQueueCluster,
	usersWebhookWorkflow,
	waitForWebhook,
	burst,
	type N8nInstall,
	type TokenScenarioResult,
} from '../n8n';
import { fmt, spread, summarize } from './stats';

export interface QueueModeOptions {
	workers: number;
	rounds: number;
	executions: number;
	items: number;
	steadyMs: number;
	parallel: number;
	revokeEveryMs: number;
}

export const QUEUE_MODE_DEFAULTS: QueueModeOptions = { workers: 2, rounds: 3, executions: 20, items: 50, steadyMs: 60_000, parallel: 10, revokeEveryMs: 15_000 };

export interface QueueModeResult {
	options: QueueModeOptions;
	regular: TokenScenarioResult;
	queue: TokenScenarioResult;
}

const CREDENTIAL = { id: 'benchCredQueue01', name: 'bench 3CX (queue mode)' };
const WORKFLOW_ID = 'benchQueueUsers1';
const PATH = 'bench-queue-users';

function setup(sim: Simulator, options: QueueModeOptions) {
	return {
		credentials: [{ ...CREDENTIAL, type: CREDENTIAL_TYPE, data: { server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey, accessToken: '' } }],
		workflows: [usersWebhookWorkflow({ id: WORKFLOW_ID, path: PATH, items: options.items, users: 250, credential: CREDENTIAL })],
	};
}

async function scenario(baseUrl: string, sim: Simulator, options: QueueModeOptions, say: (m: string) => void, credentialWrites?: () => Promise<number>) {
	await waitForWebhook(baseUrl, PATH);
	await burst(`${baseUrl}/webhook/${PATH}`, 1, options.items); // stores the first token
	return await runTokenScenario({ webhookUrl: `${baseUrl}/webhook/${PATH}`, pbx: sim, credentialWrites, ...options, log: say });
}

async function regularMode(install: N8nInstall, options: QueueModeOptions, say: (m: string) => void): Promise<TokenScenarioResult> {
	const sim = await startSimulator({ port: 0, users: 250, clientId: 'bench-regular' });
	const cli = await N8nCli.create(install, { logLevel: 'warn' });
	try {
		await packAndInstall(cli.userFolder, cli.env);
		const { credentials, workflows } = setup(sim, options);
		await cli.importCredentials(credentials);
		await cli.importWorkflows(workflows);
		await cli.runChecked(['publish:workflow', `--id=${WORKFLOW_ID}`]);
		const server = await startN8nServer(cli, { timeoutMs: 180_000 });
		try {
			return await scenario(server.url, sim, options, (m) => say(`regular mode, ${m}`));
		} finally {
			await server.stop();
		}
	} finally {
		await sim.close();
		await rm(cli.userFolder, { recursive: true, force: true });
	}
}

async function queueMode(install: N8nInstall, options: QueueModeOptions, say: (m: string) => void): Promise<TokenScenarioResult> {
	const sim = await startSimulator({ port: 0, users: 250, clientId: 'bench-queue' });
	try {
		const cluster = await startQueueCluster({ install, workers: options.workers, ...setup(sim, options), publish: [WORKFLOW_ID], logLevel: 'warn', log: say });
		try {
			return await scenario(cluster.url, sim, options, (m) => say(`queue mode, ${m}`), () => cluster.credentialWrites());
		} finally {
			await cluster.stop();
		}
	} finally {
		await sim.close();
	}
}

/** Both modes, or undefined (with a line saying why) where Postgres or Redis is missing. */
export async function queueModeScenario(install: N8nInstall, options: QueueModeOptions, say: (m: string) => void): Promise<QueueModeResult | undefined> {
	const missing = missingQueueServices();
	if (missing.length) {
		say(`scenario 6 skipped: ${missing.join(' and ')} missing (${QUEUE_SERVICES_HINT})`);
		return undefined;
	}
	const regular = await regularMode(install, options, say);
	const queue = await queueMode(install, options, say);
	return { options, regular, queue };
}

interface Row {
	measure: string;
	ours: string;
	http: string;
	reference: string;
	ratio: string;
	target: string;
	verdict: string;
}

/** Failed items and token requests per revocation: queue mode in the 3CX column, regular mode as the reference. */
export function queueModeRows({ options, regular, queue }: QueueModeResult): Row[] {
	const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
	const failed = (r: TokenScenarioResult) => r.rounds.reduce((sum, round) => sum + round.failedItems, 0) + r.steady.failedItems;
	const items = (r: TokenScenarioResult) => r.rounds.reduce((sum, round) => sum + round.items, 0) + r.steady.items;
	const perRevocation = (r: TokenScenarioResult) => [...r.rounds.map((round) => round.tokenRequests), ...r.steady.tokenRequestsPerRevocation];
	const writes = (r: TokenScenarioResult) => [...r.rounds, r.steady].reduce((sum, f) => sum + (f.credentialWrites ?? 0), 0);
	const tokens = (r: TokenScenarioResult) => [...r.rounds, r.steady].reduce((sum, f) => sum + f.tokenRequests, 0);
	const load = `${options.rounds} rounds of ${options.executions} executions × ${options.items} items after a revocation, then ${fmt(options.steadyMs / 1000, 0)} s of steady load revoked every ${fmt(options.revokeEveryMs / 1000, 0)} s`;
	const mode = `queue mode (main + ${options.workers} workers, Postgres, Redis)`;
	const queueTokens = perRevocation(queue);
	return [
		{
			measure: `6a. One credential, ${mode}, ${load}: failed items`,
			ours: `${failed(queue)} of ${items(queue)}`,
			http: '',
			reference: `regular mode (one n8n): ${failed(regular)} of ${items(regular)}`,
			ratio: '',
			target: '0',
			verdict: verdict(failed(queue) === 0),
		},
		{
			measure: '6b. … token requests per revocation',
			ours: spread(summarize(queueTokens), 0),
			http: '',
			reference: `regular mode: ${spread(summarize(perRevocation(regular)), 0)}; settled afterwards: queue ${queue.settled.tokenRequests}, regular ${regular.settled.tokenRequests}`,
			ratio: '',
			target: '≤ 3 (ideally 1), then 0',
			verdict: verdict(Math.max(...queueTokens) <= 3 && queue.settled.tokenRequests === 0),
		},
		{
			measure: '6c. … credential writes (queue mode)',
			ours: `${writes(queue)} for ${tokens(queue)} token requests`,
			http: '',
			reference: '',
			ratio: '',
			target: '≤ token requests',
			verdict: verdict(writes(queue) <= tokens(queue)),
		},
	];
}
