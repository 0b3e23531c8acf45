/**
 * Pins what n8n receives: the sha256 of the node description and of the operation table, in
 * test/generator/description.lock.json (checked by test/generator/description.test.ts).
 * `npm run generate:lock` rewrites the lock; run it only when a description change is intended.
 */
import { createHash } from 'crypto';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { OPERATIONS } from '../../nodes/ThreeCx/generated';
import { REPO_ROOT } from '../spec/locate';

export const LOCK_FILE = path.join(REPO_ROOT, 'test', 'generator', 'description.lock.json');
export const LOCK_COMMAND = 'npm run generate:lock';

export interface DescriptionLock {
	description: { sha256: string; properties: number };
	operations: { sha256: string; operations: number };
}

/** JSON with object keys sorted (arrays keep their order) and functions as "[function]". */
export function stableJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => {
		if (typeof v === 'function') return '[function]';
		if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
		const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return Object.fromEntries(entries);
	});
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The lock of a node description (`new ThreeCx().description`) and operation table (`OPERATIONS`). */
export function lockOf(description: { properties: unknown[] }, operations: Record<string, object>): DescriptionLock {
	return {
		description: { sha256: sha256(stableJson(description)), properties: description.properties.length },
		operations: {
			sha256: sha256(stableJson(operations)),
			operations: Object.values(operations).reduce((n, ops) => n + Object.keys(ops).length, 0),
		},
	};
}

function main(): void {
	// Explicit `.ts`: tsx would resolve `ThreeCx.node` to ThreeCx.node.json.
	const node = path.join(REPO_ROOT, 'nodes', 'ThreeCx', 'ThreeCx.node.ts');
	const { ThreeCx } = require(node) as typeof import('../../nodes/ThreeCx/ThreeCx.node');
	const lock = lockOf(new ThreeCx().description, OPERATIONS);
	writeFileSync(LOCK_FILE, `${JSON.stringify(lock, null, '\t')}\n`);
	const { description, operations } = lock;
	console.log(`Wrote ${path.relative(REPO_ROOT, LOCK_FILE)}: description ${description.sha256}, operations ${operations.sha256}.`);
}

if (require.main === module) main();
