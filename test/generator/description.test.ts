/**
 * The description n8n receives is pinned: a change to the generator, the overlays or the node
 * file that changes any value, property or order in the node description or the operation table
 * fails here until the lock is updated on purpose (object key order aside).
 */
import { readFileSync } from 'fs';
import { OPERATIONS } from '../../nodes/ThreeCx/generated';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import { LOCK_COMMAND, LOCK_FILE, lockOf, stableJson, type DescriptionLock } from '../../tools/generate/descriptionLock';

describe('description lock', () => {
	test('the node description and the operation table are the locked ones', () => {
		const locked = JSON.parse(readFileSync(LOCK_FILE, 'utf8')) as DescriptionLock;
		const now = lockOf(new ThreeCx().description, OPERATIONS);
		const changed = (['description', 'operations'] as const)
			.filter((part) => JSON.stringify(now[part]) !== JSON.stringify(locked[part]))
			.map(
				(part) =>
					`The ${part === 'description' ? 'node description' : 'operation table (OPERATIONS)'} changed: ` +
					`${JSON.stringify(now[part])}, locked ${JSON.stringify(locked[part])}. If the change is intended, ` +
					`run \`${LOCK_COMMAND}\` and commit test/generator/description.lock.json with it.`,
			);
		expect(changed).toEqual([]);
	});
});

describe('stableJson', () => {
	test('sorts object keys at every depth and keeps array order', () => {
		expect(stableJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
	});

	test('writes functions as "[function]" and leaves out undefined values', () => {
		expect(stableJson({ hook: () => 1, list: [Math.max], gone: undefined })).toBe('{"hook":"[function]","list":["[function]"]}');
	});
});

describe('lockOf', () => {
	test('a changed value changes the hash, key order does not; counts properties and operations', () => {
		const description = { properties: [{ name: 'a', default: '' }] };
		const operations = { users: { get: { path: '/Users' }, getMany: { path: '/Users' } } };
		const lock = lockOf(description, operations);
		expect(lock.description.properties).toBe(1);
		expect(lock.operations.operations).toBe(2);
		expect(lock.description.sha256).toMatch(/^[0-9a-f]{64}$/);
		const edited = lockOf({ properties: [{ name: 'a', default: ' ' }] }, { users: { get: { path: '/Users2' }, getMany: { path: '/Users' } } });
		expect(edited.description.sha256).not.toBe(lock.description.sha256);
		expect(edited.operations.sha256).not.toBe(lock.operations.sha256);
		expect(lockOf({ properties: [{ default: '', name: 'a' }] }, operations)).toEqual(lock);
	});
});
