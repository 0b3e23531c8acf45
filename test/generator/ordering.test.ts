/**
 * The global property order (tools/generate/emit/ordering.ts) on small hand-made inputs: which
 * order it gives, that every operation keeps its own order, and how it breaks cycles.
 */
import { majorityOrder } from '../../tools/generate/emit/majorityOrder';
import { orderSlots, type OperationItems, type OrderItem, type Slot } from '../../tools/generate/emit/ordering';
import { stronglyConnected } from '../../tools/generate/emit/stronglyConnected';

/** `op('users.get', 'id name', { fixed: ['id'] })`: an operation showing properties id, name. */
function op(id: string, keys: string, pinned: { fixed?: string[]; primary?: string[] } = {}): OperationItems<OrderItem> {
	const [resource, operation] = id.split('.');
	const items = keys.split(' ').map((key) => ({
		key,
		name: key,
		fixed: pinned.fixed?.includes(key),
		primary: pinned.primary?.includes(key),
	}));
	return { resource, operation, items };
}

/** Keys in order, a split-off variant shown as `key'round`. */
const keysOf = (slots: Array<Slot<OrderItem>>) => slots.map((s) => s.key.replace('\u0000', "'"));
const usesOf = (slot: Slot<OrderItem>) => slot.uses.map((u) => `${u.resource}.${u.operation}`);

/** Every operation's items appear in slot order, each in exactly one slot. */
function expectOperationOrderKept(operations: Array<OperationItems<OrderItem>>, slots: Array<Slot<OrderItem>>): void {
	for (const { resource, operation, items } of operations) {
		const at = items.map((item) =>
			slots.findIndex((s) => s.uses.some((u) => u.resource === resource && u.operation === operation && u.item === item)),
		);
		const where = `${resource}.${operation}`;
		expect({ where, found: at.every((i) => i >= 0) }).toEqual({ where, found: true });
		expect({ where, increasing: at.every((p, i) => i === 0 || at[i - 1] < p) }).toEqual({ where, increasing: true });
	}
	const uses = slots.reduce((n, s) => n + s.uses.length, 0);
	expect(uses).toBe(operations.reduce((n, o) => n + o.items.length, 0));
}

describe('orderSlots', () => {
	test('without disagreement: a topological order, ties first seen first, one slot per shared property', () => {
		const operations = [op('r.list', 'a b c'), op('r.get', 'a c'), op('s.list', 'd b')];
		const slots = orderSlots(operations);
		// d is seen after c, but b needs it first.
		expect(keysOf(slots)).toEqual(['a', 'd', 'b', 'c']);
		expect(slots.map(usesOf)).toEqual([['r.list', 'r.get'], ['s.list'], ['r.list', 's.list'], ['r.list', 'r.get']]);
		expect(slots[2].item).toBe(operations[0].items[1]);
		expectOperationOrderKept(operations, slots);
	});

	test('unrelated operations keep input order', () => {
		expect(keysOf(orderSlots([op('r.a', 'x y'), op('s.b', 'z'), op('t.c', 'w')]))).toEqual(['x', 'y', 'z', 'w']);
	});

	test('a cycle: the majority order stays, the minority operation gets its own property', () => {
		const operations = [op('r.list', 'a b'), op('r.get', 'a b'), op('r.delete', 'b a')];
		const slots = orderSlots(operations);
		expect(keysOf(slots)).toEqual(['a', 'b', "a'1"]);
		expect(slots.map(usesOf)).toEqual([['r.list', 'r.get'], ['r.list', 'r.get', 'r.delete'], ['r.delete']]);
		expectOperationOrderKept(operations, slots);
	});

	test('a cycle with a pinned property: the other property is split off', () => {
		const pinned = { fixed: ['a'] };
		const operations = [op('r.list', 'a b', pinned), op('r.get', 'a b', pinned), op('r.delete', 'b a', pinned)];
		const slots = orderSlots(operations);
		expect(keysOf(slots)).toEqual(["b'1", 'a', 'b']);
		expect(usesOf(slots[0])).toEqual(['r.delete']);
		expectOperationOrderKept(operations, slots);
	});

	test('a cycle between pinned properties cannot be broken', () => {
		const pinned = { fixed: ['a'], primary: ['b'] };
		expect(() => orderSlots([op('r.list', 'a b', pinned), op('r.get', 'b a', pinned)])).toThrow(
			'r.get: a out of spec order (fixed name or picker key)',
		);
	});

	test('of two properties out of order, the one fewer operations share is split off', () => {
		// Most operations want c before a; r.c shows a first. c is shown by 4 operations, a by 3:
		// r.c's a becomes a property of its own (placed before c), although a comes first in r.c.
		const operations = [op('r.a', 'c a'), op('r.b', 'c a'), op('r.c', 'a c'), op('s.a', 'c')];
		const slots = orderSlots(operations);
		expect(keysOf(slots)).toEqual(["a'1", 'c', 'a']);
		expect(usesOf(slots[0])).toEqual(['r.c']);
		expectOperationOrderKept(operations, slots);
	});

	test('every operation keeps its own order on many overlapping operations', () => {
		// A fixed pseudo-random mix: 40 operations over 12 properties, in varying orders.
		let state = 2463534242;
		/** xorshift32: 0 … n-1. */
		const next = (n: number) => {
			state = (state ^ (state << 13)) >>> 0;
			state = (state ^ (state >>> 17)) >>> 0;
			state = (state ^ (state << 5)) >>> 0;
			return state % n;
		};
		const keys = 'a b c d e f g h i j k l'.split(' ');
		const operations = Array.from({ length: 40 }, (_, i) => {
			const chosen = keys.filter(() => next(3) === 0);
			const order = chosen.length > 1 && next(4) === 0 ? [...chosen].reverse() : chosen;
			return op(`r${i % 5}.op${i}`, (order.length > 0 ? order : ['a']).join(' '));
		});
		const slots = orderSlots(operations);
		expectOperationOrderKept(operations, slots);
		expect(new Set(slots.map((s) => s.key)).size).toBe(slots.length);
		// The reversed operations disagree with the others: some properties were split off.
		expect(slots.length).toBeGreaterThan(keys.length);
	});
});

describe('majorityOrder', () => {
	test('each next the property most operations want before the rest; ties by rank', () => {
		// Votes: a before b twice, b before a once; c before a and b once each.
		const after = new Map([
			['a', new Map([['b', 2]])],
			['b', new Map([['a', 1]])],
			['c', new Map([['a', 1], ['b', 1]])],
		]);
		expect(majorityOrder(['a', 'b', 'c'], after, new Map([['a', 0], ['b', 1], ['c', 2]]))).toEqual(['c', 'a', 'b']);
		const tie = new Map([['x', new Map([['y', 1]])], ['y', new Map([['x', 1]])]]);
		expect(majorityOrder(['x', 'y'], tie, new Map([['x', 1], ['y', 0]]))).toEqual(['y', 'x']);
	});
});

describe('stronglyConnected', () => {
	test('nodes on one cycle share a component; others have their own', () => {
		const edges: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['a'], e: [] };
		const component = stronglyConnected(Object.keys(edges), (n) => edges[n]);
		expect(component.get('a')).toBe(component.get('b'));
		expect(component.get('b')).toBe(component.get('c'));
		expect(new Set([component.get('a'), component.get('d'), component.get('e')]).size).toBe(3);
	});

	test('a long chain does not overflow the stack', () => {
		const nodes = Array.from({ length: 50000 }, (_, i) => `n${i}`);
		const component = stronglyConnected(nodes, (n) => {
			const i = Number(n.slice(1));
			return i + 1 < nodes.length ? [`n${i + 1}`] : [];
		});
		expect(new Set(component.values()).size).toBe(nodes.length);
	});
});
