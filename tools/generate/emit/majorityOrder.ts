/** Orders properties the operations order both ways (a cycle of "a before b" votes). */

/**
 * Each next, the one the most operations want before the remaining ones, less those that want it
 * after them (ties: lower `rank`, i.e. first seen); then single properties move to where they
 * disagree with the fewest operations, while that helps. `after.get(a).get(b)`: operations that
 * list a before b.
 */
export function majorityOrder(
	keys: string[],
	after: Map<string, Map<string, number>>,
	rank: Map<string, number>,
): string[] {
	const want = (x: string, y: string) => after.get(x)?.get(y) ?? 0;
	const remaining = new Set(keys);
	const order: string[] = [];
	while (remaining.size > 0) {
		let best: string | undefined;
		let bestLead = -Infinity;
		for (const k of [...remaining].sort((x, y) => rank.get(x)! - rank.get(y)!)) {
			let lead = 0;
			for (const other of remaining) if (other !== k) lead += want(k, other) - want(other, k);
			if (lead > bestLead) [best, bestLead] = [k, lead];
		}
		remaining.delete(best!);
		order.push(best!);
	}
	for (let pass = 0, moved = true; moved && pass < 50; pass++) {
		moved = false;
		for (const k of [...order]) {
			const rest = order.filter((x) => x !== k);
			// cost(i): operations wanting k after something placed after it, or before something before it.
			let cost = rest.reduce((sum, x) => sum + want(x, k), 0);
			let best = 0;
			let bestCost = cost;
			for (let i = 0; i < rest.length; i++) {
				cost += want(k, rest[i]) - want(rest[i], k);
				if (cost < bestCost) [best, bestCost] = [i + 1, cost];
			}
			const current = order.indexOf(k);
			let currentCost = 0;
			for (let i = 0; i < rest.length; i++) currentCost += i < current ? want(k, rest[i]) : want(rest[i], k);
			if (bestCost < currentCost) {
				rest.splice(best, 0, k);
				order.splice(0, order.length, ...rest);
				moved = true;
			}
		}
	}
	return order;
}
