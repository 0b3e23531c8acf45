/**
 * README.md says what the editor shows: every "Resource → Operation" it mentions exists under
 * those names, the operation and resource counts are the description's, and the "From List"
 * examples are rows the demo's simulator lists.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { INodePropertyOptions } from 'n8n-workflow';
import { OPERATION_IDS } from '../../nodes/ThreeCx/generated';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import { startSimulator, type Simulator } from '../../simulator';
import { CredentialStore, searchList } from '../support/n8n-harness';

const README = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const { properties } = new ThreeCx().description;
const resources = properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];
/** Resource display name → its operations' display names. */
const operationNames = new Map(
	resources.map((r) => {
		const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value));
		return [r.name, (operation!.options as INodePropertyOptions[]).map((o) => o.name)];
	}),
);
const operationCount = [...operationNames.values()].reduce((n, ops) => n + ops.length, 0);

/** Resource names longest first, so "Report Call Log Data" wins over a shorter name it starts with. */
const resourceNames = [...operationNames.keys()].sort((a, b) => b.length - a.length);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The operation names `text` (what follows "Resource → ") starts with, and a problem when it
 * starts with none: the name must end where a word ends and not run on into a capitalised word
 * ("Get Call Log Data" when the editor says "Get Call Log"). "A, then B" and "A / B" name two.
 * The check is strict on purpose: prose after a name starts lower case or with punctuation.
 */
function operationsAt(resource: string, text: string): { names: string[]; problem?: string } {
	const names: string[] = [];
	let rest = text;
	for (;;) {
		const name = [...operationNames.get(resource)!]
			.sort((a, b) => b.length - a.length)
			.find((n) => rest.startsWith(n) && !/^ ?[A-Z0-9]|^\w/.test(rest.slice(n.length)));
		if (!name) return { names, problem: `${resource} → ${rest.split(/[|\n]/)[0].trim()}` };
		names.push(name);
		rest = rest.slice(name.length);
		const next = /^(, then | \/ )/.exec(rest);
		if (!next) return { names };
		rest = rest.slice(next[0].length);
		// "…, then Trunks → Create": a mention of its own
		if (resourceNames.some((r) => rest.startsWith(`${r} → `))) return { names };
	}
}

/** Every "Resource → …" in the README whose left side is a resource name. */
function mentions(): { resource: string; text: string }[] {
	const pattern = new RegExp(`(?<![\\w-])(${resourceNames.map(escape).join('|')}) → (?:\\*\\*)?`, 'g');
	return [...README.matchAll(pattern)].map((m) => ({ resource: m[1], text: README.slice(m.index! + m[0].length) }));
}

describe('README.md', () => {
	it('names every Resource → Operation as the editor does', () => {
		const found = mentions().map(({ resource, text }) => operationsAt(resource, text));
		expect(found.flatMap((f) => (f.problem ? [f.problem] : []))).toEqual([]);
		expect(found.flatMap((f) => f.names)).toEqual(expect.arrayContaining(['Get User Activity', 'Get Call Log', 'Get by Number']));
	});

	it('has a resource in every cell of its "Resource → Operation" columns', () => {
		const cells: string[] = [];
		for (const table of README.split(/\n(?!\|)/)) {
			const rows = table.split('\n').filter((l) => l.startsWith('|'));
			const column = rows[0]?.split('|').findIndex((cell) => cell.trim() === 'Resource → Operation') ?? -1;
			if (column > 0) cells.push(...rows.slice(2).map((row) => row.split('|')[column].trim()));
		}
		expect(cells.length).toBeGreaterThan(5);
		expect(cells.filter((cell) => !resourceNames.some((r) => cell.startsWith(`${r} → `)))).toEqual([]);
	});

	it('gives the counts of the description: N operations, N spec operations, N resources', () => {
		const counts = [...README.matchAll(/(\d[\d,]*) (spec )?(operations|resources)\b/g)].map((m) => ({
			said: `${m[1]} ${m[2] ?? ''}${m[3]}`,
			is: `${m[3] === 'resources' ? resources.length : m[2] ? Object.keys(OPERATION_IDS).length : operationCount} ${m[2] ?? ''}${m[3]}`,
		}));
		expect(counts.length).toBeGreaterThan(1);
		expect(counts.filter((c) => c.said.replace(/,/g, '') !== c.is)).toEqual([]);
	});

	describe('From List examples', () => {
		let sim: Simulator;
		let credentials: CredentialStore;
		// The demo's simulator: default seed, 250 users (tools/demo/start.ts).
		beforeAll(async () => {
			sim = await startSimulator({ clientId: 'readme', users: 250 });
			credentials = new CredentialStore({ server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey });
		});
		afterAll(async () => await sim.close());

		it('are rows the simulator lists, as the picker names them', async () => {
			const examples = [...README.matchAll(/`(\d+ – [^`]+)` for (\w+)/g)].map((m) => ({ label: m[1], set: m[2] }));
			expect(examples.map((e) => e.set)).toEqual(expect.arrayContaining(['users', 'queues']));
			for (const { label, set } of examples) {
				const method = `search${set.charAt(0).toUpperCase()}${set.slice(1)}`;
				const { results } = await searchList({ method, credentials, filter: label.split(' – ')[0] });
				expect({ label, listed: results.map((r) => r.name).includes(label) }).toEqual({ label, listed: true });
			}
		});
	});
});
