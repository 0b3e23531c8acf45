/**
 * End to end: examples/missed-call-alert.json, published (active) in a real `n8n start` with the
 * package installed, against the simulator with live events. Missed queue calls the simulator
 * creates become lines of missed-calls.log — once each, also across a restart of n8n.
 *
 * n8n polls at most once a minute ("Every Minute" fires at a random second), and polls once when
 * a workflow is activated, also at start-up. The suite takes 2–4 minutes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { startSimulator, type Simulator } from '../../simulator';
import type { Row } from '../../simulator/odata/query';
import { CREDENTIAL_TYPE, ensureN8n, findNode24, N8nCli, packAndInstall, startN8nServer, type N8nServer } from '../../tools/n8n';
import { loadExample } from './workflows';

const EXAMPLE = loadExample('missed-call-alert.json');
const TRIGGER = EXAMPLE.nodes.find((node) => node.type.endsWith('.threeCxTrigger'))!;
const REPORT = /GetAbandonedQueueCallsData/;

const node24 = findNode24();
let skipReason: string | undefined;
let sim: Simulator;
let cli: N8nCli;
let server: N8nServer | undefined;
const timings: Record<string, number> = {};

beforeAll(async () => {
	const found = await node24;
	if (!found.ok) {
		skipReason = found.reason;
		console.warn(`Skipping the trigger end-to-end suite: no Node ≥ 24 available (${found.reason})`);
		return;
	}
	const install = await ensureN8n();
	cli = await N8nCli.create(install);
	sim = await startSimulator({ port: 0, users: 40, liveEvents: true });
	await packAndInstall(cli.userFolder, cli.env);
	const credential = TRIGGER.credentials!.threeCxApi;
	await cli.importCredentials([
		{ ...credential, type: CREDENTIAL_TYPE, data: { server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey, ignoreSSLIssues: false, accessToken: '' } },
	]);
	await cli.importWorkflows([EXAMPLE]);
	await cli.runChecked(['publish:workflow', `--id=${EXAMPLE.id}`]);
}, 45 * 60_000);

afterAll(async () => {
	console.log(`trigger e2e timings (ms): ${JSON.stringify(timings)}`);
	await server?.stop();
	await sim?.close();
	if (cli && !process.env.N8N_E2E_KEEP) await rm(cli.userFolder, { recursive: true, force: true });
});

function logLines(): string[] {
	const file = join(cli.filesDir, 'missed-calls.log');
	return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

function reportPolls(): number {
	return sim.stats.requests.filter((request) => REPORT.test(request.path) && request.status === 200).length;
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; log:\n${logLines().join('\n')}\n${server?.output().slice(-3000) ?? ''}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	timings[what] = Date.now() - started;
}

const idOf = (row: Row) => `abandoned:${String(row.CallHistoryId)}`;

describe('3CX Trigger in n8n start', () => {
	it('emits each missed queue call once, across a restart of n8n', async () => {
		if (skipReason) return;
		const started = Date.now();
		const old = sim.live!.addMissedQueueCall({ queue: '800', startedAgoMs: 120_000 });

		server = await startN8nServer(cli);
		await waitFor('activation poll', () => reportPolls() >= 1, 60_000);
		const firstBatch = [sim.live!.addMissedQueueCall({ queue: '800' }), sim.live!.addMissedQueueCall({ queue: '801' }), sim.live!.addMissedQueueCall({ queue: '802' })];
		await waitFor('first scheduled poll', () => logLines().length >= 3, 100_000);

		await server.stop();
		server = undefined;
		const secondBatch = [sim.live!.addMissedQueueCall({ queue: '803' }), sim.live!.addMissedQueueCall({ queue: '804' })];
		const pollsBeforeRestart = reportPolls();
		server = await startN8nServer(cli);
		await waitFor('poll at restart', () => logLines().length >= 5, 60_000);
		// one more scheduled poll after the restart: it must add nothing
		await waitFor('next scheduled poll', () => reportPolls() >= pollsBeforeRestart + 2, 100_000);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		timings.total = Date.now() - started;

		const lines = logLines();
		const ids = lines.map((line) => /\[(abandoned:[^\]]+)\]$/.exec(line)?.[1]);
		expect(ids.sort()).toEqual([...firstBatch, ...secondBatch].map(idOf).sort());
		expect(ids).not.toContain(idOf(old));
		expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z missed call from \+\d+ in queue 80\d /);
	}, 8 * 60_000);
});
