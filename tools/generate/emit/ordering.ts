/**
 * The global property order. n8n shows an operation's properties in the order of the node's
 * `properties` array, so one array must list every operation's properties in its own (spec) order.
 *
 * Input: per operation, its items (property specs) in spec order; equal keys are one property.
 * Output: one slot per distinct property, in display order, with the operations that show it.
 *
 * 1. Operations vote "a before b". Properties the operations order both ways form a cycle (a
 *    strongly connected component): components come in topological order (ties: first seen
 *    first), each ordered within by majority (`majorityOrder`).
 * 2. Single properties move to where the fewest operations show them out of order
 *    (`fewestDetached`).
 * 3. Where operations still disagree (Client Time Zone first in one report, last in another), the
 *    operations that follow the majority keep the property; each other operation's items out of
 *    order (the fewest, keeping pinned items and the most widely shared) become a property of
 *    their own: a variant key, one per item and round. Repeated until no operation shows an item
 *    out of order. Naming then tells the variants apart (`nameUnits`).
 */
import { majorityOrder } from './majorityOrder';
import { stronglyConnected } from './stronglyConnected';

/** What the ordering reads of a property spec. */
export interface OrderItem {
	key: string;
	/** For error messages. */
	name: string;
	/** Fixed name or picker key: never split off (`pinned`). */
	fixed?: boolean;
	primary?: boolean;
}

export interface OperationItems<T extends OrderItem> {
	resource: string;
	operation: string;
	/** In the operation's own order. */
	items: T[];
}

export interface SlotUse<T extends OrderItem> {
	resource: string;
	operation: string;
	/** This operation's item. */
	item: T;
}

/** One distinct property of the global order. */
export interface Slot<T extends OrderItem> {
	/** The items' key; a split-off variant has `\u0000<round>` appended. */
	key: string;
	/** The first operation's item. */
	item: T;
	/** Operations showing it, in input order. */
	uses: Array<SlotUse<T>>;
}

/** One operation's items under the keys of the current round. */
interface Sequence<T extends OrderItem> {
	id: string;
	resource: string;
	entries: Array<Entry<T>>;
}

interface Entry<T extends OrderItem> {
	key: string;
	item: T;
}

const MAX_ROUNDS = 20;
const pinned = (item: OrderItem) => !!(item.fixed || item.primary);

/** Slots in display order such that every operation's items come in its own order. */
export function orderSlots<T extends OrderItem>(operations: Array<OperationItems<T>>): Array<Slot<T>> {
	/** `resource.operation\u0000key` → variant: the property a split-off item moved to. */
	const variant = new Map<string, number>();
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const { order: first, sequences } = orderOnce(operations, variant);
		const order = fewestDetached(first, sequences);
		const position = new Map(order.map((slot, i) => [slot.key, i]));
		const uses = new Map(order.map((slot) => [slot.key, slot.uses.length]));
		const detach = sequences.flatMap(({ id, entries }) => outOfOrder(entries, position, uses).map((e) => [id, e] as const));
		if (detach.length === 0) return order;
		for (const [id, { item }] of detach) {
			if (pinned(item)) throw new Error(`${id}: ${item.name} out of spec order (fixed name or picker key)`);
			variant.set(`${id}\u0000${item.key}`, round + 1);
		}
	}
	throw new Error(`Property order: operations still disagree after ${MAX_ROUNDS} rounds`);
}

/**
 * An operation's entries out of `position` order: the fewest, keeping pinned items (ties: keeping
 * the properties more operations share). A heaviest increasing subsequence is kept.
 */
function outOfOrder<T extends OrderItem>(
	entries: Array<Entry<T>>,
	position: Map<string, number>,
	uses: Map<string, number>,
): Array<Entry<T>> {
	const at = entries.map((e) => position.get(e.key)!);
	if (at.every((p, i) => i === 0 || at[i - 1] < p)) return [];
	const weight = (e: Entry<T>) => (pinned(e.item) ? 1e9 : 1e4 + (uses.get(e.key) ?? 0));
	const best: number[] = [];
	const prev: number[] = [];
	for (let i = 0; i < entries.length; i++) {
		best[i] = weight(entries[i]);
		prev[i] = -1;
		for (let j = 0; j < i; j++) {
			if (at[j] < at[i] && best[j] + weight(entries[i]) > best[i]) [best[i], prev[i]] = [best[j] + weight(entries[i]), j];
		}
	}
	let end = 0;
	for (let i = 1; i < entries.length; i++) if (best[i] > best[end]) end = i;
	const keep = new Set<number>();
	for (let i = end; i >= 0; i = prev[i]) keep.add(i);
	return entries.filter((_, i) => !keep.has(i));
}

/**
 * Improves an order for the fewest properties to split off: moves single properties that some
 * operation shows out of order to where the fewest (resource, property) pairs are out of order
 * (then the fewest operation items), while that helps.
 */
function fewestDetached<T extends OrderItem>(order: Array<Slot<T>>, sequences: Array<Sequence<T>>): Array<Slot<T>> {
	const keys = order.map((s) => s.key);
	const slotOf = new Map(order.map((s) => [s.key, s]));
	const uses = new Map(order.map((s) => [s.key, s.uses.length]));
	const byKey = new Map<string, number[]>();
	sequences.forEach((q, i) => q.entries.forEach((e) => byKey.set(e.key, [...(byKey.get(e.key) ?? []), i])));
	const start = new Map(keys.map((k, i) => [k, i]));
	const detached = sequences.map((q) => outOfOrder(q.entries, start, uses));
	const cost = (sets: Array<Array<Entry<T>>>) => {
		const pairs = new Set<string>();
		let items = 0;
		sets.forEach((set, i) => {
			for (const e of set) pairs.add(`${sequences[i].resource}\u0000${e.key}`);
			items += set.length;
		});
		return pairs.size * 1e6 + items;
	};
	let current = cost(detached);
	for (let pass = 0, moved = true; moved && pass < 20; pass++) {
		moved = false;
		const candidates = [...new Set(detached.flatMap((set, i) => (set.length > 0 ? sequences[i].entries.map((e) => e.key) : [])))];
		for (const k of candidates) {
			const ops = byKey.get(k)!;
			const rest = keys.filter((x) => x !== k);
			let bestAt = -1;
			let bestCost = current;
			let bestSets: Array<Array<Entry<T>>> = [];
			const pos = new Map(rest.map((x, i) => [x, i]));
			for (let j = 0; j <= rest.length; j++) {
				pos.set(k, j - 0.5);
				const sets = [...detached];
				for (const i of ops) sets[i] = outOfOrder(sequences[i].entries, pos, uses);
				const c = cost(sets);
				if (c < bestCost) [bestAt, bestCost, bestSets] = [j, c, sets];
			}
			if (bestAt < 0) continue;
			keys.splice(0, keys.length, ...rest.slice(0, bestAt), k, ...rest.slice(bestAt));
			detached.splice(0, detached.length, ...bestSets);
			current = bestCost;
			moved = true;
		}
	}
	return keys.map((k) => slotOf.get(k)!);
}

/** Step 1, for one round: slots under this round's variants, and the sequences they came from. */
function orderOnce<T extends OrderItem>(
	operations: Array<OperationItems<T>>,
	variant: Map<string, number>,
): { order: Array<Slot<T>>; sequences: Array<Sequence<T>> } {
	const slots = new Map<string, Slot<T>>();
	/** after.get(a).get(b): operations listing a before b. */
	const after = new Map<string, Map<string, number>>();
	const sequences: Array<Sequence<T>> = [];
	for (const { resource, operation, items } of operations) {
		const id = `${resource}.${operation}`;
		const entries = items.map((item) => {
			const v = variant.get(`${id}\u0000${item.key}`);
			return { key: v === undefined ? item.key : `${item.key}\u0000${v}`, item };
		});
		sequences.push({ id, resource, entries });
		for (const [i, { key, item }] of entries.entries()) {
			if (!slots.has(key)) {
				slots.set(key, { key, item, uses: [] });
				after.set(key, new Map());
			}
			slots.get(key)!.uses.push({ resource, operation, item });
			const later = after.get(key)!;
			for (const t of entries.slice(i + 1)) later.set(t.key, (later.get(t.key) ?? 0) + 1);
		}
	}
	const keys = [...slots.keys()];
	const rank = new Map(keys.map((k, i) => [k, i]));
	const component = stronglyConnected(keys, (k) => [...after.get(k)!.keys()]);
	const members = new Map<number, string[]>();
	for (const k of keys) members.set(component.get(k)!, [...(members.get(component.get(k)!) ?? []), k]);
	const pending = new Map<number, number>([...members.keys()].map((c) => [c, 0]));
	const edges = new Map<number, Set<number>>([...members.keys()].map((c) => [c, new Set<number>()]));
	for (const [a, later] of after) {
		for (const b of later.keys()) {
			const [ca, cb] = [component.get(a)!, component.get(b)!];
			if (ca === cb || edges.get(ca)!.has(cb)) continue;
			edges.get(ca)!.add(cb);
			pending.set(cb, pending.get(cb)! + 1);
		}
	}
	const first = (c: number) => Math.min(...members.get(c)!.map((k) => rank.get(k)!));
	const ready = [...pending.keys()].filter((c) => pending.get(c) === 0);
	const order: Array<Slot<T>> = [];
	while (ready.length > 0) {
		ready.sort((x, y) => first(x) - first(y));
		const c = ready.shift()!;
		order.push(...majorityOrder(members.get(c)!, after, rank).map((k) => slots.get(k)!));
		for (const n of edges.get(c)!) {
			pending.set(n, pending.get(n)! - 1);
			if (pending.get(n) === 0) ready.push(n);
		}
	}
	return { order, sequences };
}
