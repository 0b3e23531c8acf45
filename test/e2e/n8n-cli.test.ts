/**
 * End-to-end: the real n8n CLI (n8n 2.x on Node 24) with this package installed as a community
 * package, against the 3CX simulator. One credential import, one workflow import, one execution
 * that covers every scenario (each branch of the workflow is one scenario).
 *
 * n8n is installed on demand into `.cache/n8n-cli` (or `N8N_CLI_CACHE`); a failed install fails
 * the suite. The suite skips only when no Node ≥ 24 can be found or fetched at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { startSimulator, type Simulator } from '../../simulator';
import {
	CREDENTIAL_TYPE,
	ensureN8n,
	findNode24,
	N8nCli,
	nodeItems,
	packAndInstall,
	type BinaryRef,
	type ExecutionResult,
} from '../../tools/n8n';
import { CREDENTIAL, FORM_ANSWERS, loadExample, LOOKUP_IDS, NODE, runnableExample, scenariosWorkflow } from './workflows';

const USERS = 250;
const WORKFLOW_ID = 'e2eScenarios00001';
/** examples/<file> → workflow id in the test's n8n */
const EXAMPLES = {
	'daily-call-log-export.json': 'e2eExampleDaily01',
	'weekly-queue-sla-report.json': 'e2eExampleWeekly1',
	'provision-user-from-form.json': 'e2eExampleForm001',
} as const;
type ExampleFile = keyof typeof EXAMPLES;

const node24 = findNode24();
let skipReason: string | undefined;

let sim: Simulator;
let cli: N8nCli;
let result: ExecutionResult;
const exampleRuns = {} as Record<ExampleFile, ExecutionResult>;
const timings: Record<string, number> = {};

async function timed<T>(label: string, body: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await body();
	} finally {
		timings[label] = Date.now() - started;
	}
}

beforeAll(async () => {
	const found = await node24;
	if (!found.ok) {
		skipReason = found.reason;
		console.warn(`Skipping the n8n end-to-end suite: no Node ≥ 24 available (${found.reason})`);
		return;
	}
	// Installs n8n when the cache is missing (CI starts clean): minutes, hence the timeout.
	const install = await timed('n8n install (0 = cached)', () => ensureN8n());
	cli = await N8nCli.create(install);
	sim = await startSimulator({ port: 0, users: USERS, callLogRows: 500 });
	await timed('pack + install package', () => packAndInstall(cli.userFolder, cli.env));
	await timed('import:credentials', () =>
		cli.importCredentials([
			{
				id: CREDENTIAL.id,
				name: CREDENTIAL.name,
				type: CREDENTIAL_TYPE,
				data: { server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey, ignoreSSLIssues: false, accessToken: '' },
			},
		]),
	);
	const examples = (Object.keys(EXAMPLES) as ExampleFile[]).map((file) => runnableExample(loadExample(file), EXAMPLES[file]));
	await timed('import:workflow', () => cli.importWorkflows([scenariosWorkflow(WORKFLOW_ID), ...examples]));
	result = await timed('execute scenarios', () => cli.executeChecked(WORKFLOW_ID));
	await timed('execute examples', async () => {
		for (const file of Object.keys(EXAMPLES) as ExampleFile[]) exampleRuns[file] = await cli.executeChecked(EXAMPLES[file]);
	});
}, 45 * 60_000);

afterAll(async () => {
	if (Object.keys(timings).length) {
		console.log(`n8n e2e timings (ms): ${JSON.stringify(timings)}`);
	}
	await sim?.close();
	if (cli && !process.env.N8N_E2E_KEEP) await rm(cli.userFolder, { recursive: true, force: true });
});

/** `it` that passes without assertions when the suite has been skipped for want of Node 24. */
function e2e(name: string, body: () => void | Promise<void>) {
	it(name, async () => {
		if (skipReason) return;
		await body();
	});
}

describe('n8n CLI with the 3CX package', () => {
	e2e('loads the package and runs every branch without an execution error', () => {
		expect(result.data.resultData.error).toBeUndefined();
		const ran = Object.keys(result.data.resultData.runData);
		expect(ran).toEqual(expect.arrayContaining(Object.values(NODE)));
		expect(sim.stats.tokenRequests).toBeGreaterThanOrEqual(1);
	});

	e2e('Get User Activity returns rows', () => {
		const items = nodeItems(result, NODE.userActivity);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(item.json).toEqual(expect.any(Object));
			expect(Object.keys(item.json).length).toBeGreaterThan(1);
			expect(item.json).not.toHaveProperty('value');
			expect(item.json).not.toHaveProperty('error');
		}
	});

	e2e('Users Get Many with Return All returns every user past the $top cap of 100', () => {
		const items = nodeItems(result, NODE.usersAll);
		const ids = items.map((item) => item.json.Id);
		expect(items.length).toBeGreaterThan(100);
		expect(new Set(ids).size).toBe(items.length);
		expect(items.length).toBeGreaterThanOrEqual(USERS);
		const pagedRequests = sim.stats.requests.filter((r) => r.method === 'GET' && r.path === '/xapi/v1/Users');
		expect(pagedRequests.length).toBeGreaterThanOrEqual(3);
		expect(pagedRequests.every((r) => r.status === 200)).toBe(true);
	});

	e2e('a call-log CSV export arrives as binary data', () => {
		const items = nodeItems(result, NODE.callLogCsv);
		expect(items).toHaveLength(1);
		const binary = items[0].binary?.data as BinaryRef | undefined;
		expect(binary).toBeDefined();
		expect(binary!.mimeType).toMatch(/^text\/csv/);
		expect(binary!.fileName ?? '').toMatch(/\.csv$/);
		const csv = readBinary(binary!);
		const lines = csv.trim().split(/\r?\n/);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines[0]).toContain(',');
	});

	e2e('a failing operation with Continue On Fail leaves the other items intact', () => {
		const items = nodeItems(result, NODE.getUsers);
		expect(items).toHaveLength(LOOKUP_IDS.length);
		const [first, failed, last] = items;
		expect(first.json.Id).toBe(LOOKUP_IDS[0]);
		expect(last.json.Id).toBe(LOOKUP_IDS[2]);
		expect(failed.json.Id).toBeUndefined();
		expect(String(failed.json.error)).toMatch(/not found/i);
		expect(failed.error?.description ?? '').toMatch(/404/);
	});
});

describe('example workflows (examples/*.json, trigger replaced by a Manual Trigger)', () => {
	e2e('daily call-log export saves yesterday\'s call log as a CSV file', () => {
		const run = exampleRuns['daily-call-log-export.json'];
		const [download] = nodeItems(run, "Download yesterday's call log");
		expect((download.binary?.data as BinaryRef).mimeType).toMatch(/^text\/csv/);
		const [saved] = nodeItems(run, 'Save CSV');
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		const file = join(cli.filesDir, `call-log-${yesterday}.csv`);
		expect(saved.json.fileName).toBe(`call-log-${yesterday}.csv`);
		expect(existsSync(file)).toBe(true);
		expect(readFileSync(file, 'utf8').trim().split(/\r?\n/).length).toBeGreaterThan(1);
	});

	e2e('weekly queue SLA report computes an answer rate per queue and saves a CSV', () => {
		const run = exampleRuns['weekly-queue-sla-report.json'];
		const rows = nodeItems(run, 'SLA per queue');
		expect(rows.length).toBeGreaterThan(0);
		for (const { json } of rows) {
			expect(json.Received).toEqual(expect.any(Number));
			expect(json['Answer rate (%)']).toBeGreaterThanOrEqual(0);
			expect(json['Answer rate (%)']).toBeLessThanOrEqual(100);
			expect(typeof json['SLA met']).toBe('boolean');
		}
		const [saved] = nodeItems(run, 'Save CSV');
		const file = join(cli.filesDir, String(saved.json.fileName));
		expect(String(saved.json.fileName)).toMatch(/^queue-sla-\d{4}-W\d{2}\.csv$/);
		const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
		expect(lines[0]).toContain('Answer rate (%)');
		expect(lines).toHaveLength(rows.length + 1);
	});

	e2e('provisioning creates the user on the first free extension', () => {
		const run = exampleRuns['provision-user-from-form.json'];
		// Pbx.FirstAvailableNumber: { Number }
		const [free] = nodeItems(run, 'First free extension');
		const [created] = nodeItems(run, 'Create user');
		expect(free.json.Number).toMatch(/^\d+$/);
		expect(created.json).toMatchObject({
			Number: free.json.Number,
			FirstName: FORM_ANSWERS['First name'],
			LastName: FORM_ANSWERS['Last name'],
			EmailAddress: FORM_ANSWERS.Email,
		});
		expect(created.json.Id).toEqual(expect.any(Number));
	});
});

/** Binary data is inline base64, or (filesystem mode) a file under the user folder. */
function readBinary(binary: BinaryRef): string {
	if (binary.data && binary.data !== 'filesystem-v2') return Buffer.from(binary.data, 'base64').toString('utf8');
	const id = String(binary.id ?? '');
	const [mode, relative] = id.split(/:(.*)/s);
	if (mode !== 'filesystem-v2' && mode !== 'filesystem') throw new Error(`Unexpected binary storage ${id}`);
	const candidates = [join(cli.userFolder, '.n8n', 'binaryData', relative), join(cli.userFolder, '.n8n', 'storage', relative)];
	const file = candidates.find((path) => existsSync(path));
	if (!file) throw new Error(`Binary file for ${id} not found in ${candidates.join(', ')}`);
	return readFileSync(file, 'utf8');
}
