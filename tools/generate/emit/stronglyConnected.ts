/** Tarjan's strongly connected components of a directed graph. */

/** node → component number; components are numbered in the order they complete (sinks first). */
export function stronglyConnected(nodes: string[], next: (node: string) => string[]): Map<string, number> {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const component = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	let counter = 0;
	let components = 0;
	const enter = (node: string) => {
		index.set(node, counter);
		low.set(node, counter++);
		stack.push(node);
		onStack.add(node);
	};
	const visit = (root: string) => {
		// Iterative depth-first search: [node, next child index].
		const work: Array<[string, number]> = [[root, 0]];
		enter(root);
		while (work.length > 0) {
			const top = work[work.length - 1];
			const [node, i] = top;
			const children = next(node);
			if (i < children.length) {
				top[1]++;
				const child = children[i];
				if (!index.has(child)) {
					enter(child);
					work.push([child, 0]);
				} else if (onStack.has(child)) low.set(node, Math.min(low.get(node)!, index.get(child)!));
				continue;
			}
			work.pop();
			if (work.length > 0) {
				const parent = work[work.length - 1][0];
				low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
			}
			if (low.get(node) === index.get(node)) {
				let member: string;
				do {
					member = stack.pop()!;
					onStack.delete(member);
					component.set(member, components);
				} while (member !== node);
				components++;
			}
		}
	};
	for (const n of nodes) if (!index.has(n)) visit(n);
	return component;
}
