/**
 * `npm run bench`: the 3CX node against n8n's HTTP Request node (generic OAuth2, client
 * credentials) inside one real n8n (2.41.1 on Node 24, installed on demand into .cache/) and the
 * 3CX simulator on 127.0.0.1. Prints one markdown table and writes it to tools/bench/results.md
 * (raw numbers: results.json).
 *
 *   1. Description cost: minified JSON of the node description vs n8n-nodes-base's largest.
 *   2. Per-item overhead: N input items through Users → Get vs the same N HTTP Request calls;
 *      n8n's own per-node executionTime (process start-up excluded) / N.
 *   3. Bulk pull: R call-log rows, Return All vs HTTP Request pagination vs a plain fetch loop
 *      (the floor): node executionTime and the n8n process's peak RSS (fresh `n8n execute` per
 *      run, peak read at exit by a preloaded script); an idle execution gives the baseline.
 *   4. Tokens: 10 concurrent webhook executions of 100 items each in ONE `n8n start` process, one
 *      credential; token requests seen by the simulator and items without a result.
 *   5. Bulk pull at PBX latency (tools/bench/latency.ts): the simulators answer after 0, 20 and
 *      50 ms; Return All with the node's defaults vs HTTP Request paging by 100, against the ideal
 *      round-trip time; rows checked by count and order; one `bench …` line per latency.
 *   6. Queue mode (tools/bench/queueMode.ts): one credential in regular mode (one `n8n start`) and
 *      in queue mode (main + 2 workers, Postgres, Redis); rounds of concurrent executions after a
 *      revocation and a minute of steady load: failed items, token requests, credential writes.
 *
 * Contenders run interleaved (A, B, A, B …); every figure is the median of --runs runs with the
 * min–max spread. Flags: --runs N (default 5), --quick (3 runs), --items N (1000), --rows N
 * (50000), --page N (100), --executions N (10), --token-items N (100), --only 1,2,3,4,5,6, --keep.
 * Profiling: --profile <dir> (V8 .cpuprofile of every `n8n execute`; summarise with profile-top.ts),
 * --overlay <dir> (copied over the installed package: prototype a change on a copy of dist/),
 * --user-key <name> (the Users key parameter's name, for an overlay that renames it; default: the
 * name in the built operation table).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSimulator, type Simulator } from '../../simulator';
import {
	buildIfStale,
	ensureN8n,
	N8nCli,
	packAndInstall,
	parseExecuteOutput,
	repoRoot,
	startN8nServer,
	type ExecutionResult,
	type N8nInstall,
	type NodeRun,
} from '../n8n';
import { run } from '../n8n/proc';
import { fmt, ratio, spread, summarize, type Summary } from './stats';
import { CALL_LOG_PATH, credentials, NODE_NAME, WEBHOOK_PATH, WF, workflows, type BenchSizes } from './workflows';
import { latencyScenario, latencyTableRows, latencyWorkflows, machineLine, type LatencyRow } from './latency';
import { QUEUE_MODE_DEFAULTS, queueModeRows, queueModeScenario } from './queueMode';

// ---- options ------------------------------------------------------------------------------------

interface Options extends BenchSizes {
	runs: number;
	rows: number;
	executions: number;
	only: Set<number>;
	keep: boolean;
	/** Write a V8 CPU profile of every measured `n8n execute` into this folder. */
	profile?: string;
	/** Copy this folder over the installed package (prototype a change on a copy of dist/). */
	overlay?: string;
}

function parseArgs(argv: string[]): Options {
	const options: Options = {
		runs: 5,
		items: 1000,
		rows: 50_000,
		pageSize: 100,
		executions: 10,
		tokenItems: 100,
		users: 250,
		userKeyIsLocator: false,
		only: new Set([1, 2, 3, 4, 5, 6]),
		keep: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const next = () => {
			const value = argv[++i];
			if (value === undefined) throw new Error(`${arg} needs a value`);
			return value;
		};
		const count = (min: number, max: number) => {
			const value = Number(next());
			if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${arg} must be an integer ${min}..${max}`);
			return value;
		};
		if (arg === '--runs') options.runs = count(1, 50);
		else if (arg === '--quick') options.runs = 3;
		else if (arg === '--items') options.items = count(1, 100_000);
		else if (arg === '--rows') options.rows = count(1, 1_000_000);
		else if (arg === '--page') options.pageSize = count(1, 10_000);
		else if (arg === '--executions') options.executions = count(1, 100);
		else if (arg === '--token-items') options.tokenItems = count(1, 10_000);
		else if (arg === '--only') options.only = new Set(next().split(',').map(Number));
		else if (arg === '--keep') options.keep = true;
		else if (arg === '--profile') options.profile = next();
		else if (arg === '--overlay') options.overlay = next();
		else if (arg === '--user-key') options.userKeyName = next();
		else if (arg === '--help' || arg === '-h') {
			console.log(readFileSync(__filename, 'utf8').split('*/')[0]);
			process.exit(0);
		} else throw new Error(`unknown argument ${arg} (--help)`);
	}
	return options;
}

const t0 = Date.now();
const say = (message: string) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

// ---- n8n execute with peak RSS ----------------------------------------------------------------------

const PRELOAD = join(__dirname, 'preload.cjs');

interface Execution {
	result: ExecutionResult;
	maxRssKb: number;
	wallMs: number;
}

let profileDir: string | undefined;

async function execute(cli: N8nCli, workflowId: string, timeoutMs = 300_000): Promise<Execution> {
	const rssFile = join(cli.userFolder, `rss-${workflowId}-${Date.now()}.json`);
	const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${workflowId}-${Date.now()}.cpuprofile`] : [];
	const raw = await run(cli.install.node24.node, [...profile, '--require', PRELOAD, cli.install.bin, 'execute', `--id=${workflowId}`, '--rawOutput'], {
		env: { ...cli.env, BENCH_RSS_FILE: rssFile, BENCH_SUMMARY: '1' },
		cwd: cli.filesDir,
		timeoutMs,
	});
	const result = parseExecuteOutput(raw.stdout);
	if (raw.code !== 0 || !result || result.data.resultData.error) {
		await writeFile(join(cli.userFolder, `failed-${workflowId}.stdout`), raw.stdout);
		throw new Error(
			`n8n execute --id=${workflowId} failed (exit ${raw.code ?? raw.signal}, ${raw.ms} ms): ` +
				`${result?.data.resultData.error?.message ?? ''}\n${raw.stdout.slice(-3000)}\n--- stderr ---\n${raw.stderr.slice(-3000)}`,
		);
	}
	const { maxRssKb } = JSON.parse(await readFile(rssFile, 'utf8')) as { maxRssKb: number };
	await rm(rssFile, { force: true });
	return { result, maxRssKb, wallMs: raw.ms };
}

/** A node's run as the preload's summary gives it (see preload.cjs). */
function nodeRun(result: ExecutionResult, node: string) {
	const runs = result.data.resultData.runData[node] as Array<NodeRun & { itemCount?: number; withId?: number; valueRows?: number }> | undefined;
	if (!runs?.length) throw new Error(`node "${node}" did not run`);
	const nodeRunData = runs[0];
	if (nodeRunData.error) throw new Error(`node "${node}" failed: ${nodeRunData.error.message}`);
	if (nodeRunData.itemCount === undefined) throw new Error('the preload summary is missing (tools/bench/preload.cjs)');
	return { executionTime: nodeRunData.executionTime, items: nodeRunData.itemCount, withId: nodeRunData.withId ?? 0, valueRows: nodeRunData.valueRows ?? 0 };
}

// ---- scenario 1 ---------------------------------------------------------------------------------

interface DescriptionCost {
	ours: { bytes: number; properties: number };
	largest: { name: string; version: unknown; bytes: number; properties: number };
	mostProperties: { name: string; properties: number };
	httpRequest: { bytes: number; properties: number };
}

function descriptionCost(install: N8nInstall): DescriptionCost {
	const distNode = join(repoRoot, 'dist/nodes/ThreeCx/ThreeCx.node.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ThreeCx } = require(distNode) as { ThreeCx: new () => { description: { properties: unknown[] } } };
	const description = new ThreeCx().description;
	const ours = { bytes: Buffer.byteLength(JSON.stringify(description)), properties: description.properties.length };
	const builtIns = JSON.parse(readFileSync(join(install.dir, 'node_modules/n8n-nodes-base/dist/types/nodes.json'), 'utf8')) as Array<{
		name: string;
		version: unknown;
		properties: unknown[];
	}>;
	const sized = builtIns.map((d) => ({ name: d.name, version: d.version, bytes: Buffer.byteLength(JSON.stringify(d)), properties: d.properties.length }));
	const largest = sized.reduce((a, b) => (b.bytes > a.bytes ? b : a));
	const most = sized.reduce((a, b) => (b.properties > a.properties ? b : a));
	const http = sized.filter((d) => d.name === 'httpRequest').reduce((a, b) => (b.bytes > a.bytes ? b : a));
	return { ours, largest, mostProperties: { name: most.name, properties: most.properties }, httpRequest: { bytes: http.bytes, properties: http.properties } };
}

/** The built node's Users → Get key (`userId`; `id` before names were made unique) and whether it is
 * a resource locator (the workflows then use its "By ID" mode), and the call log's Options collection
 * (`listQueryOptions`; `options` before). Read from dist/, so a bench of an older build still works. */
function builtNames(): { userKeyName: string; userKeyIsLocator: boolean; callLogOptionsField: string } {
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { ThreeCx } = require(join(repoRoot, 'dist/nodes/ThreeCx/ThreeCx.node.js')) as {
		ThreeCx: new () => { description: { properties: Array<{ name: string; type: string; displayOptions?: { show?: { resource?: string[] } } }> } };
	};
	const { OPERATIONS } = require(join(repoRoot, 'dist/nodes/ThreeCx/generated/index.js')) as {
		OPERATIONS: Record<string, Record<string, { params: Array<{ field: string }>; optionsField?: string }>>;
	};
	/* eslint-enable @typescript-eslint/no-require-imports */
	const userKeyName = OPERATIONS.users.get.params[0]?.field ?? 'id';
	const key = new ThreeCx().description.properties.find((p) => p.name === userKeyName && p.displayOptions?.show?.resource?.includes('users'));
	const callLogOptionsField = OPERATIONS.reportCallLogData.getCallLogData.optionsField ?? 'options';
	return { userKeyName, userKeyIsLocator: key?.type === 'resourceLocator', callLogOptionsField };
}

// ---- scenario 2 ---------------------------------------------------------------------------------

interface PerItem {
	ours: Summary;
	http: Summary;
	oursMs: number[];
	httpMs: number[];
}

async function perItem(cli: N8nCli, options: Options, sims: { ours: Simulator; http: Simulator }): Promise<PerItem> {
	const oursMs: number[] = [];
	const httpMs: number[] = [];
	const check = (run: { items: number; withId: number }, who: string) => {
		if (run.items !== options.items || run.withId !== options.items) {
			throw new Error(`${who}: ${run.items} items, ${run.withId} with a user; expected ${options.items}`);
		}
	};
	for (let r = 0; r < options.runs; r++) {
		const a = nodeRun((await execute(cli, WF.usersOurs)).result, NODE_NAME.ours);
		check(a, '3CX node');
		oursMs.push(a.executionTime / options.items);
		const b = nodeRun((await execute(cli, WF.usersHttp)).result, NODE_NAME.http);
		check(b, 'HTTP Request');
		httpMs.push(b.executionTime / options.items);
		say(`per item, run ${r + 1}/${options.runs}: 3CX ${fmt(oursMs[r], 3)} ms, HTTP Request ${fmt(httpMs[r], 3)} ms`);
	}
	void sims;
	return { ours: summarize(oursMs), http: summarize(httpMs), oursMs, httpMs };
}

// ---- scenario 3 ---------------------------------------------------------------------------------

interface Bulk {
	oursTime: Summary;
	httpTime: Summary;
	floorTime: Summary;
	oursRss: Summary;
	httpRss: Summary;
	floorRss: Summary;
	idleRss: Summary;
	requests: { ours: number; http: number; floor: number };
}

interface FloorRun {
	ms: number;
	rows: number;
	requests: number;
	maxRssKb: number;
}

async function floorRun(install: N8nInstall, sim: Simulator, pageSize: number): Promise<FloorRun> {
	const raw = await run(install.node24.node, [join(__dirname, 'floor.mjs')], {
		env: {
			...process.env,
			FLOOR_SERVER: sim.url,
			FLOOR_CLIENT_ID: sim.clientId,
			FLOOR_API_KEY: sim.apiKey,
			FLOOR_PATH: CALL_LOG_PATH,
			FLOOR_PAGE: String(pageSize),
		},
		timeoutMs: 300_000,
	});
	if (raw.code !== 0) throw new Error(`floor failed: ${raw.stderr.slice(-2000)}`);
	return JSON.parse(raw.stdout.trim().split('\n').pop()!) as FloorRun;
}

async function bulkPull(cli: N8nCli, options: Options, sims: { ours: Simulator; http: Simulator; floor: Simulator }): Promise<Bulk> {
	const t = { ours: [] as number[], http: [] as number[], floor: [] as number[] };
	const rss = { ours: [] as number[], http: [] as number[], floor: [] as number[], idle: [] as number[] };
	const requests = { ours: 0, http: 0, floor: 0 };
	const mb = (kb: number) => kb / 1024;
	for (let r = 0; r < options.runs; r++) {
		const idle = await execute(cli, WF.idle);
		rss.idle.push(mb(idle.maxRssKb));

		let before = sims.ours.stats.apiRequests;
		const a = await execute(cli, WF.bulkOurs, 600_000);
		const aRun = nodeRun(a.result, NODE_NAME.ours);
		if (aRun.items !== options.rows) throw new Error(`3CX node: ${aRun.items} rows, expected ${options.rows}`);
		t.ours.push(aRun.executionTime / 1000);
		rss.ours.push(mb(a.maxRssKb));
		requests.ours = sims.ours.stats.apiRequests - before;

		before = sims.http.stats.apiRequests;
		const b = await execute(cli, WF.bulkHttp, 600_000);
		const bRun = nodeRun(b.result, NODE_NAME.http);
		if (bRun.valueRows !== options.rows) throw new Error(`HTTP Request: ${bRun.valueRows} rows in ${bRun.items} pages, expected ${options.rows}`);
		t.http.push(bRun.executionTime / 1000);
		rss.http.push(mb(b.maxRssKb));
		requests.http = sims.http.stats.apiRequests - before;

		before = sims.floor.stats.apiRequests;
		const f = await floorRun(cli.install, sims.floor, options.pageSize);
		if (f.rows !== options.rows) throw new Error(`floor: ${f.rows} rows, expected ${options.rows}`);
		t.floor.push(f.ms / 1000);
		rss.floor.push(mb(f.maxRssKb));
		requests.floor = sims.floor.stats.apiRequests - before;

		say(
			`bulk, run ${r + 1}/${options.runs}: 3CX ${fmt(t.ours[r])} s / ${fmt(rss.ours[r], 0)} MB, ` +
				`HTTP Request ${fmt(t.http[r])} s / ${fmt(rss.http[r], 0)} MB, floor ${fmt(t.floor[r])} s / ${fmt(rss.floor[r], 0)} MB, ` +
				`idle n8n ${fmt(rss.idle[r], 0)} MB`,
		);
	}
	return {
		oursTime: summarize(t.ours),
		httpTime: summarize(t.http),
		floorTime: summarize(t.floor),
		oursRss: summarize(rss.ours),
		httpRss: summarize(rss.http),
		floorRss: summarize(rss.floor),
		idleRss: summarize(rss.idle),
		requests,
	};
}

// ---- scenario 4 ---------------------------------------------------------------------------------

interface Round {
	tokenRequests: number;
	failedTokenRequests: number;
	unauthorized: number;
	failedItems: number;
	items: number;
	ms: number;
	/** First failure seen, for the log. */
	sample?: string;
}

interface Tokens {
	ours: Round[];
	http: Round[];
}

async function concurrentRound(baseUrl: string, path: string, sim: Simulator, options: Options, revoke: boolean): Promise<Round> {
	if (revoke) sim.invalidateTokens();
	const before = { ...sim.stats };
	const started = Date.now();
	let sample: string | undefined;
	const responses = await Promise.all(
		Array.from({ length: options.executions }, async () => {
			try {
				const response = await fetch(`${baseUrl}/webhook/${path}`, { method: 'POST', signal: AbortSignal.timeout(180_000) });
				const text = await response.text();
				if (!response.ok) {
					sample ??= `HTTP ${response.status} ${text.slice(0, 300)}`;
					return { items: 0, failed: options.tokenItems };
				}
				const body = JSON.parse(text) as unknown;
				const items = Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [body as Record<string, unknown>];
				// continueRegularOutput: a failed item carries { error } (HTTP Request) or {} (declarative node).
				const failed = items.filter((json) => typeof json?.Id !== 'number');
				if (failed.length) sample ??= JSON.stringify(failed[0]).slice(0, 300);
				return { items: items.length, failed: failed.length + Math.max(0, options.tokenItems - items.length) };
			} catch (error) {
				sample ??= (error as Error).message;
				return { items: 0, failed: options.tokenItems };
			}
		}),
	);
	return {
		tokenRequests: sim.stats.tokenRequests - before.tokenRequests,
		failedTokenRequests: sim.stats.failedTokenRequests - before.failedTokenRequests,
		unauthorized: sim.stats.unauthorized - before.unauthorized,
		failedItems: responses.reduce((sum, r) => sum + r.failed, 0),
		items: responses.reduce((sum, r) => sum + r.items, 0),
		ms: Date.now() - started,
		sample,
	};
}

/** Webhooks of published workflows register during start-up; wait (bounded) until both are there. */
async function waitForWebhooks(baseUrl: string, paths: string[]): Promise<void> {
	const deadline = Date.now() + 60_000;
	for (const path of paths) {
		for (;;) {
			// A GET to a POST webhook answers 404 "… not registered for GET requests. Did you mean … POST" once it exists.
			const response = await fetch(`${baseUrl}/webhook/${path}`, { signal: AbortSignal.timeout(5000) });
			const text = await response.text();
			if (/POST/.test(text)) break;
			if (Date.now() > deadline) throw new Error(`webhook ${path} not registered: ${text.slice(0, 300)}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}

async function tokens(cli: N8nCli, options: Options, sims: { ours: Simulator; http: Simulator }): Promise<Tokens> {
	const server = await startN8nServer(cli, { timeoutMs: 180_000 });
	try {
		await waitForWebhooks(server.url, [WEBHOOK_PATH.ours, WEBHOOK_PATH.http]);
		const result: Tokens = { ours: [], http: [] };
		for (let r = 0; r < options.runs; r++) {
			// Round 1: no stored token (credentials of their own). Later rounds: the PBX revoked the token.
			const a = await concurrentRound(server.url, WEBHOOK_PATH.ours, sims.ours, options, r > 0);
			result.ours.push(a);
			const b = await concurrentRound(server.url, WEBHOOK_PATH.http, sims.http, options, r > 0);
			result.http.push(b);
			say(
				`tokens, round ${r + 1}/${options.runs}${r ? ' (token revoked)' : ' (no stored token)'}: ` +
					`3CX ${a.tokenRequests} token requests, ${a.failedItems}/${options.executions * options.tokenItems} failed items (${a.ms} ms); ` +
					`HTTP Request ${b.tokenRequests} token requests, ${b.failedItems} failed items (${b.ms} ms)`,
			);
			for (const [who, round] of [['3CX', a], ['HTTP Request', b]] as const) if (round.sample) say(`  ${who} failure: ${round.sample}`);
		}
		return result;
	} catch (error) {
		process.stderr.write(server.output().slice(-4000));
		throw error;
	} finally {
		await server.stop();
	}
}

// ---- the table ------------------------------------------------------------------------------------

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

interface Row {
	measure: string;
	ours: string;
	http: string;
	reference: string;
	ratio: string;
	target: string;
	verdict: string;
}

function table(rows: Row[]): string {
	const header = ['Measure', '3CX node', 'HTTP Request node', 'Reference', 'Ratio', 'Target', 'Verdict'];
	const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
	for (const r of rows) lines.push(`| ${[r.measure, r.ours, r.http, r.reference, r.ratio, r.target, r.verdict].join(' | ')} |`);
	return lines.join('\n');
}

const DESCRIPTION_BUDGET = 450 * 1000;

function buildRows(
	options: Options,
	d: DescriptionCost | undefined,
	p: PerItem | undefined,
	b: Bulk | undefined,
	tk: Tokens | undefined,
): Row[] {
	const rows: Row[] = [];
	const kb = (bytes: number) => `${fmt(bytes / 1000, 0)} KB`;
	if (d) {
		rows.push({
			measure: '1. Description (minified JSON)',
			ours: `${kb(d.ours.bytes)}, ${d.ours.properties} top-level properties`,
			http: `${kb(d.httpRequest.bytes)}, ${d.httpRequest.properties} properties`,
			reference: `largest built-in: ${d.largest.name} v${JSON.stringify(d.largest.version).replace(/[[\]]/g, '').replace(/,/g, '/')} ${kb(d.largest.bytes)}, ${d.largest.properties} properties (most properties: ${d.mostProperties.name}, ${d.mostProperties.properties})`,
			ratio: `${fmt(ratio(d.ours.bytes, d.largest.bytes))}× size, ${fmt(ratio(d.ours.properties, d.largest.properties), 1)}× properties`,
			target: `≤ ${DESCRIPTION_BUDGET / 1000} KB`,
			verdict: verdict(d.ours.bytes <= DESCRIPTION_BUDGET),
		});
	}
	if (p) {
		const r = ratio(p.ours.median, p.http.median);
		rows.push({
			measure: `2. Per-item overhead, Users → Get, ${options.items} items (ms/item)`,
			ours: spread(p.ours, 3),
			http: spread(p.http, 3),
			reference: '',
			ratio: `${fmt(r)}×`,
			target: '≤ 1.0× HTTP',
			verdict: verdict(r <= 1),
		});
	}
	if (b) {
		const rt = ratio(b.oursTime.median, b.httpTime.median);
		const rf = ratio(b.oursTime.median, b.floorTime.median);
		const rm = ratio(b.oursRss.median, b.httpRss.median);
		const rows3 = `${options.rows.toLocaleString('en-US')} rows, pages of ${options.pageSize}`;
		rows.push({
			measure: `3a. Bulk pull, ${rows3}: node time (s)`,
			ours: spread(b.oursTime),
			http: spread(b.httpTime),
			reference: `floor (fetch loop): ${spread(b.floorTime)}`,
			ratio: `${fmt(rt)}× HTTP`,
			target: '≤ 1.0× HTTP',
			verdict: verdict(rt <= 1),
		});
		rows.push({
			measure: '3b. Bulk pull vs the floor',
			ours: spread(b.oursTime),
			http: `${fmt(ratio(b.httpTime.median, b.floorTime.median))}× floor`,
			reference: `floor: ${spread(b.floorTime)}`,
			ratio: `${fmt(rf)}× floor`,
			target: '≤ 1.5× floor',
			verdict: verdict(rf <= 1.5),
		});
		rows.push({
			measure: '3c. Bulk pull: peak RSS of the n8n process (MB)',
			ours: `${spread(b.oursRss, 0)}; +${fmt(b.oursRss.median - b.idleRss.median, 0)} over idle`,
			http: `${spread(b.httpRss, 0)}; +${fmt(b.httpRss.median - b.idleRss.median, 0)} over idle`,
			reference: `idle n8n execute: ${spread(b.idleRss, 0)}; floor process: ${spread(b.floorRss, 0)}`,
			ratio: `${fmt(rm)}×`,
			target: '≤ 1.0× HTTP',
			verdict: verdict(rm <= 1),
		});
	}
	if (tk) {
		const s = (rounds: Round[], key: Exclude<keyof Round, 'sample'>) => summarize(rounds.map((r) => r[key]));
		const total = options.executions * options.tokenItems;
		const tokensOurs = s(tk.ours, 'tokenRequests');
		const failedOurs = s(tk.ours, 'failedItems');
		rows.push({
			measure: `4a. ${options.executions} concurrent executions × ${options.tokenItems} items, one credential: token requests`,
			ours: spread(tokensOurs, 0),
			http: spread(s(tk.http, 'tokenRequests'), 0),
			reference: 'ideal: 1',
			ratio: '',
			target: '1',
			verdict: verdict(Math.max(...tk.ours.map((r) => r.tokenRequests)) <= 1),
		});
		rows.push({
			measure: `4b. … failed items (of ${total})`,
			ours: spread(failedOurs, 0),
			http: spread(s(tk.http, 'failedItems'), 0),
			reference: `401s seen by the PBX: 3CX ${spread(s(tk.ours, 'unauthorized'), 0)}, HTTP ${spread(s(tk.http, 'unauthorized'), 0)}`,
			ratio: '',
			target: '0',
			verdict: verdict(Math.max(...tk.ours.map((r) => r.failedItems)) === 0),
		});
	}
	return rows;
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	say(`runs ${options.runs}, items ${options.items}, rows ${options.rows}, page ${options.pageSize}, ${options.executions}×${options.tokenItems} concurrent`);
	const install = await ensureN8n();
	say(`n8n ${install.version} on Node ${install.node24.version}`);
	await buildIfStale();

	const description = options.only.has(1) ? descriptionCost(install) : undefined;
	const built = builtNames();
	options.userKeyIsLocator = built.userKeyIsLocator;
	options.userKeyName ??= built.userKeyName;
	options.callLogOptionsField = built.callLogOptionsField;

	const needN8n = [2, 3, 4, 5].some((s) => options.only.has(s));
	let latencyResult: LatencyRow[] | undefined;
	let perItemResult: PerItem | undefined;
	let bulkResult: Bulk | undefined;
	let tokensResult: Tokens | undefined;
	if (needN8n) {
		// One simulator per contender (own client, own token), same seed and data; the floor has its own too.
		const simOptions = { port: 0, users: options.users, callLogRows: options.rows, latencyMs: 0, seed: 1 };
		const sims = {
			ours: await startSimulator({ ...simOptions, clientId: 'bench-3cx', apiKey: 'bench-3cx-key' }),
			http: await startSimulator({ ...simOptions, clientId: 'bench-http', apiKey: 'bench-http-key' }),
			floor: await startSimulator({ ...simOptions, clientId: 'bench-floor', apiKey: 'bench-floor-key' }),
		};
		const userFolder = await mkdtemp(join(tmpdir(), 'n8n-bench-'));
		try {
			const cli = await N8nCli.create(install, { userFolder, logLevel: 'info' });
			say(`n8n user folder ${userFolder}; installing the package`);
			const installed = await packAndInstall(userFolder, cli.env);
			if (options.overlay) {
				await cp(options.overlay, installed, { recursive: true });
				say(`overlay ${options.overlay} copied over ${installed}`);
			}
			await cli.importCredentials(credentials(sims.ours, sims.http));
			await cli.importWorkflows([...workflows(sims.http, options), ...latencyWorkflows(sims.http, options.callLogOptionsField)]);
			for (const id of [WF.tokensOurs, WF.tokensHttp]) await cli.runChecked(['publish:workflow', `--id=${id}`]);
			profileDir = options.profile;
			// Warm-up (not counted): first execution of each contender, also stores each credential's token.
			say('warm-up');
			await execute(cli, WF.primeOurs);
			await execute(cli, WF.primeHttp);
			await execute(cli, WF.usersOurs);
			await execute(cli, WF.usersHttp);

			if (options.only.has(2)) {
				say('scenario 2: per-item overhead');
				perItemResult = await perItem(cli, options, sims);
			}
			if (options.only.has(3)) {
				say('scenario 3: bulk pull');
				bulkResult = await bulkPull(cli, options, sims);
			}
			if (options.only.has(4)) {
				say('scenario 4: concurrent executions and tokens');
				tokensResult = await tokens(cli, options, sims);
			}
			if (options.only.has(5)) {
				say('scenario 5: bulk pull at 0, 20 and 50 ms latency');
				latencyResult = await latencyScenario(options.runs, options.rows, options.users, sims, async (workflowId, node) => {
					const { result, maxRssKb } = await execute(cli, workflowId, 600_000);
					const run = nodeRun(result, node);
					const summary = result.data.resultData.runData[node][0] as unknown as { rowsHash?: string };
					return { executionTime: run.executionTime, rows: node === NODE_NAME.http ? run.valueRows : run.items, rowsHash: summary.rowsHash, maxRssKb };
				}, say);
			}
		} finally {
			await Promise.all(Object.values(sims).map((sim) => sim.close()));
			if (!options.keep) await rm(userFolder, { recursive: true, force: true });
			else say(`kept ${userFolder}`);
		}
	}

	const queueResult = options.only.has(6) ? await queueModeScenario(install, QUEUE_MODE_DEFAULTS, say) : undefined;

	const rows = buildRows(options, description, perItemResult, bulkResult, tokensResult);
	if (latencyResult) rows.push(...latencyTableRows(options.rows, latencyResult));
	if (queueResult) rows.push(...queueModeRows(queueResult));
	const markdown = [
		`n8n ${install.version} on Node ${install.node24.version}, ${process.arch}, simulator on 127.0.0.1 (latency 0 ms); ` +
			`median (min–max) of ${options.runs} interleaved runs.`,
		'',
		table(rows),
		'',
		'Reproduce: `npm run bench` (or `npx tsx tools/bench/index.ts --runs 5`).',
		'',
	].join('\n');
	console.log(`\n${markdown}`);
	for (const row of latencyResult ?? []) console.log(machineLine(row));
	const outDir = __dirname;
	await writeFile(join(outDir, 'results.md'), markdown);
	await writeFile(
		join(outDir, 'results.json'),
		JSON.stringify({ when: new Date().toISOString(), options: { ...options, only: [...options.only] }, description, perItem: perItemResult, bulk: bulkResult, tokens: tokensResult, latency: latencyResult, queueMode: queueResult }, null, 2),
	);
	say(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s; table written to tools/bench/results.md`);
	void existsSync;
}

main().catch((error) => {
	console.error(error instanceof Error ? error.stack ?? error.message : error);
	process.exit(1);
});
