/**
 * Which `show: { resource: R, operation: O }` rules a property needs. n8n shows a property for
 * every (resource, operation) in R × O, so one rule serves a set of operations only when every
 * pair of R × O that is a real operation is one of them (pairs naming no operation of that
 * resource never occur).
 */

/** One `displayOptions.show` rule: resources × operations. */
export interface ShowGroup {
	resources: string[];
	operations: string[];
}

export interface OperationRef {
	resource: string;
	operation: string;
}

/** `resource` → its operation values. */
export type OperationsByResource = Map<string, Set<string>>;

export const inGroup = (g: ShowGroup, use: OperationRef): boolean =>
	g.resources.includes(use.resource) && g.operations.includes(use.operation);

/**
 * The fewest rules the greedy merge finds for the operations `uses`: one group per resource first,
 * then merged pairwise in a fixed order while the product stays exact. Operations come out sorted.
 */
export function showGroups(uses: OperationRef[], allOps: OperationsByResource): ShowGroup[] {
	const used = new Set(uses.map((u) => `${u.resource}.${u.operation}`));
	const groups: ShowGroup[] = [];
	for (const u of uses) {
		let g = groups.find((x) => x.resources.length === 1 && x.resources[0] === u.resource);
		if (!g) {
			g = { resources: [u.resource], operations: [] };
			groups.push(g);
		}
		if (!g.operations.includes(u.operation)) g.operations.push(u.operation);
	}
	const exact = (resources: string[], operations: string[]) =>
		resources.every((r) => operations.every((o) => !allOps.get(r)!.has(o) || used.has(`${r}.${o}`)));
	for (let i = 0; i < groups.length; i++) {
		for (let j = i + 1; j < groups.length; j++) {
			const resources = [...groups[i].resources, ...groups[j].resources];
			const operations = [...new Set([...groups[i].operations, ...groups[j].operations])];
			if (exact(resources, operations)) {
				groups[i] = { resources, operations };
				groups.splice(j, 1);
				j = i;
			}
		}
	}
	return groups.map((g) => ({ resources: g.resources, operations: [...g.operations].sort() }));
}
