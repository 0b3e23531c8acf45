/**
 * Preloaded into the measured n8n process (`node --require preload.cjs n8n execute …`; a node
 * flag, not NODE_OPTIONS, so task-runner children do not inherit it).
 *
 * 1. At exit, writes the process's peak resident set size (the kernel's VmHWM, via
 *    process.resourceUsage().maxRSS, in KB) to the file named by BENCH_RSS_FILE.
 * 2. `n8n execute --rawOutput` ends by pretty-printing the whole run data (JSON.stringify(data,
 *    null, 2)): tens of MB for 50,000 rows, cut off when the process exits before the pipe drains,
 *    and a memory peak that `n8n start` never has. With BENCH_SUMMARY=1 that one call returns a
 *    summary instead: per node its executionTime, status, error, item count, items with a numeric
 *    `Id`, rows inside `value` arrays, and the first item. The execution itself (and saving it to
 *    the database) is untouched.
 */
'use strict';
const { writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');

const out = process.env.BENCH_RSS_FILE;
if (out) {
	process.on('exit', () => {
		try {
			writeFileSync(out, JSON.stringify({ pid: process.pid, maxRssKb: process.resourceUsage().maxRSS }));
		} catch {
			// nothing to report to
		}
	});
}

if (process.env.BENCH_SUMMARY === '1') {
	const stringify = JSON.stringify;
	const summarizeRun = (nodeRun) => {
		const items = (nodeRun && nodeRun.data && nodeRun.data.main && nodeRun.data.main[0]) || [];
		let withId = 0;
		let valueRows = 0;
		// The rows in order (items, or the rows of `value` pages), as tools/bench/latency.ts rowsHash.
		const rowsHash = createHash('sha1');
		for (const item of items) {
			const json = item && item.json;
			if (!json) continue;
			if (typeof json.Id === 'number') withId++;
			if (Array.isArray(json.value)) valueRows += json.value.length;
			for (const row of Array.isArray(json.value) ? json.value : [json]) rowsHash.update(`${stringify(row)}\n`);
		}
		return {
			startTime: nodeRun.startTime,
			executionTime: nodeRun.executionTime,
			executionStatus: nodeRun.executionStatus,
			error: nodeRun.error ? { message: nodeRun.error.message, description: nodeRun.error.description } : undefined,
			itemCount: items.length,
			withId,
			valueRows,
			rowsHash: rowsHash.digest('hex'),
			data: { main: [items.slice(0, 1).map((item) => ({ json: item.json }))] },
		};
	};
	JSON.stringify = function benchStringify(value, replacer, space) {
		const resultData = space === 2 && value && value.data && value.data.resultData;
		if (resultData && resultData.runData && typeof resultData.runData === 'object') {
			const runData = {};
			for (const [name, runs] of Object.entries(resultData.runData)) runData[name] = (runs || []).map(summarizeRun);
			const error = resultData.error ? { message: resultData.error.message } : undefined;
			return stringify({ status: value.status, finished: value.finished, data: { resultData: { runData, error, lastNodeExecuted: resultData.lastNodeExecuted } } }, null, 2);
		}
		return stringify.apply(this, arguments);
	};
}
