/**
 * End-to-end: every report function (the Report… resources, Get and Download) in the real n8n CLI
 * against the simulator, each with the editor's defaults (Period Yesterday, the workflow's time zone,
 * web-report filters), in one workflow and one `n8n execute`; then the two report examples
 * (daily missed-calls digest, monthly per-agent activity sheet) as shipped.
 */
import { rm } from 'node:fs/promises';

import { OPERATIONS } from '../../nodes/ThreeCx/generated';
import type { XapiOperation } from '../../nodes/ThreeCx/xapi/types';
import { startSimulator, type Simulator } from '../../simulator';
import {
	CREDENTIAL_TYPE,
	ensureN8n,
	findNode24,
	N8nCli,
	NODE_TYPE,
	nodeItems,
	packAndInstall,
	type ExecutionResult,
	type WorkflowJson,
} from '../../tools/n8n';
import { CREDENTIAL, loadExample, runnableExample } from './workflows';

const WORKFLOW_ID = 'e2eAllReports0001';
const EXAMPLES = { 'daily-missed-calls-digest.json': 'e2eMissedDigest01', 'monthly-agent-activity-sheet.json': 'e2eAgentSheet0001' } as const;

/** Parameters a report has no usable default for: the queue of the two reports that refuse an
 * empty one, the chart date, and the call of a call-quality report. */
function requiredValues(op: XapiOperation): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const param of op.params) {
		if (/^queueDn/.test(param.name) && /AgentsInQueueStatistics|AbandonedQueueCalls/.test(op.path)) values[param.field] = ['800'];
		if (param.name === 'chartDate') values[param.field] = '2025-03-01T00:00:00Z';
		if (param.name === 'chartBy') values[param.field] = 'Day';
		if (['cdrId', 'srcNumber', 'dstNumber', 'srcCallerId', 'dstCallerId'].includes(param.name)) values[param.field] = '100';
		if (param.name === 'call_id') values[param.field] = 1;
	}
	return values;
}

const reports = Object.entries(OPERATIONS)
	.filter(([resource]) => resource.startsWith('report'))
	.flatMap(([resource, ops]) => Object.entries(ops).map(([operation, op]) => ({ name: `${resource} ${operation}`, resource, operation, op })));

function reportsWorkflow(): WorkflowJson {
	const trigger = 'Start';
	return {
		id: WORKFLOW_ID,
		name: 'e2e: every report with its defaults',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'start', name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...reports.map(({ name, resource, operation, op }, i) => ({
				id: `report-${i}`,
				name,
				type: NODE_TYPE,
				typeVersion: 1,
				position: [300, i * 120] as [number, number],
				parameters: { resource, operation, ...requiredValues(op) },
				credentials: { threeCxApi: CREDENTIAL },
			})),
		],
		connections: { [trigger]: { main: [reports.map(({ name }) => ({ node: name, type: 'main', index: 0 }))] } },
	} as WorkflowJson;
}

const node24 = findNode24();
let skipReason: string | undefined;
let sim: Simulator;
let cli: N8nCli;
let result: ExecutionResult;
const exampleRuns: Record<string, ExecutionResult> = {};

beforeAll(async () => {
	const found = await node24;
	if (!found.ok) {
		skipReason = found.reason;
		console.warn(`Skipping the n8n report suite: no Node ≥ 24 available (${found.reason})`);
		return;
	}
	cli = await N8nCli.create(await ensureN8n());
	sim = await startSimulator({ port: 0, users: 60, callLogRows: 2000 });
	await packAndInstall(cli.userFolder, cli.env);
	await cli.importCredentials([
		{
			id: CREDENTIAL.id,
			name: CREDENTIAL.name,
			type: CREDENTIAL_TYPE,
			data: { server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey, ignoreSSLIssues: false, accessToken: '' },
		},
	]);
	const examples = Object.entries(EXAMPLES).map(([file, id]) => runnableExample(loadExample(file), id));
	await cli.importWorkflows([reportsWorkflow(), ...examples]);
	result = await cli.executeChecked(WORKFLOW_ID, 10 * 60_000);
	for (const [file, id] of Object.entries(EXAMPLES)) exampleRuns[file] = await cli.executeChecked(id);
}, 45 * 60_000);

afterAll(async () => {
	await sim?.close();
	if (cli && !process.env.N8N_E2E_KEEP) await rm(cli.userFolder, { recursive: true, force: true });
});

function e2e(name: string, body: () => void | Promise<void>) {
	it(name, async () => {
		if (skipReason) return;
		await body();
	});
}

describe('every report function in the n8n CLI, with its defaults', () => {
	e2e('the workflow holds every report operation and runs without an execution error', () => {
		expect(reports.length).toBeGreaterThanOrEqual(60);
		expect(result.data.resultData.error).toBeUndefined();
		expect(Object.keys(result.data.resultData.runData)).toEqual(expect.arrayContaining(reports.map((r) => r.name)));
	});

	e2e('every report returns rows (collections, values) or a file (downloads)', () => {
		const empty: string[] = [];
		for (const { name, op } of reports) {
			const items = nodeItems(result, name);
			if (items.length === 0) empty.push(`${name}: no items`);
			for (const item of items) {
				if (op.output === 'file' && !item.binary?.data && Object.keys(item.json).length === 0) empty.push(`${name}: no file`);
				if (op.output !== 'file' && Object.keys(item.json).length === 0) empty.push(`${name}: empty item`);
				if ('error' in item.json) empty.push(`${name}: ${JSON.stringify(item.json.error)}`);
			}
		}
		expect(empty).toEqual([]);
	});

	e2e('the defaults are the web report ones: period yesterday in UTC instants, default department, P-calls hidden', () => {
		const urls = sim.stats.requests.map((request) => decodeURIComponent(request.rawUrl));
		const callLog = urls.find((url) => url.includes('/Pbx.GetCallLogData('))!;
		expect(callLog).toMatch(/periodFrom=\d{4}-\d{2}-\d{2}T\d{2}:00:00Z,periodTo=\d{4}-\d{2}-\d{2}T\d{2}:00:00Z/);
		expect(callLog).toContain("callTimeFilterFrom='0:00:0'");
		expect(callLog).toContain('hidePcalls=true');
		const activity = urls.find((url) => url.includes('/Pbx.GetUserActivity('))!;
		expect(activity).toContain("groupNumber='GRP0000'");
		expect(activity).toContain('includeQueueCalls=true');
		const from = Date.parse(/periodFrom=([^,]+)/.exec(callLog)![1]);
		const to = Date.parse(/periodTo=([^,]+)/.exec(callLog)![1]);
		expect([23, 24, 25]).toContain((to - from) / 3_600_000);
		expect(to).toBeLessThanOrEqual(Date.now());
		expect(Date.now() - to).toBeLessThan(24 * 3_600_000 + 60_000);
		expect(urls.find((url) => url.includes('/Pbx.GetAgentsInQueueStatisticsData('))).toContain("queueDnStr='800'");
	});
});

describe('report examples', () => {
	e2e('daily missed-calls digest: yesterday’s unanswered queue calls grouped by queue, as mail text and a file', () => {
		const run = exampleRuns['daily-missed-calls-digest.json'];
		expect(run.data.resultData.error).toBeUndefined();
		const [digest] = nodeItems(run, 'Digest');
		const json = digest.json as { subject: string; text: string; total: number; perQueue: Record<string, number> };
		expect(json.total).toBeGreaterThan(0);
		expect(Object.values(json.perQueue).reduce((a, b) => a + b, 0)).toBe(json.total);
		expect(json.text).toMatch(/^Unanswered queue calls on \d{4}-\d{2}-\d{2}: \d+/);
		expect(json.subject).toContain(String(json.total));
		const [file] = nodeItems(run, 'To text file');
		expect(file.binary?.data?.fileName).toMatch(/^missed-calls-\d{4}-\d{2}-\d{2}\.txt$/);
		// The example's request is the last one (the all-reports workflow ran first).
		const request = sim.stats.requests.map((r) => decodeURIComponent(r.rawUrl)).filter((url) => url.includes('GetAbandonedQueueCallsData')).pop()!;
		expect(request).toContain("queueDns='800,801,802,803,804'");
	});

	e2e('monthly per-agent activity sheet: one row per extension of last month, as xlsx', () => {
		const run = exampleRuns['monthly-agent-activity-sheet.json'];
		expect(run.data.resultData.error).toBeUndefined();
		const rows = nodeItems(run, 'One row per agent');
		expect(rows).toHaveLength(60);
		expect(rows[0].json).toMatchObject({ Extension: '100', Month: expect.stringMatching(/^\d{4}-\d{2}$/) });
		const [sheet] = nodeItems(run, 'To spreadsheet');
		expect(sheet.binary?.data?.fileName).toMatch(/^agent-activity-\d{4}-\d{2}\.xlsx$/);
	});
});
