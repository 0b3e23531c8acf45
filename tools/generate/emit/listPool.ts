/**
 * Lists that recur in the output (collection options, parameter and body field lists of the
 * operation table), each emitted once as a const and referenced where it recurs. The description
 * object graph is the same; only the source is shorter, and n8n holds one array instead of many.
 */
import { Code, lit, raw } from './literal';

/**
 * Where a generated const lives: a resource value (that resource's file), SHARED_PROPERTIES
 * (properties shown by several resources) or SHARED_LISTS (lists used by several files).
 */
export const SHARED_PROPERTIES = '#sharedProperties';
export const SHARED_LISTS = '#sharedLists';

/** Shortest list worth a const of its own. */
const MIN_SHARED_ITEMS = 3;
/** Most elements a list may add to a shared list and still be written as that list plus them. */
const MAX_INSERTED = 2;

export type ListKind = 'options' | 'params' | 'body';

const LIST_TYPES: Record<ListKind, string> = {
	options: 'INodeProperties[]',
	params: 'XapiField[]',
	body: 'XapiField[]',
};

interface ListUse {
	kind: ListKind;
	/** Home of the code that holds the literal. */
	file: string;
	items: unknown[];
	keys: string[];
	key: string;
	names: string[];
}

interface SharedList {
	name: string;
	kind: ListKind;
	items: unknown[];
	keys: string[];
	key: string;
	/** The one file that uses it, or SHARED_LISTS. */
	home: string;
}

interface Run {
	/** Index of an element of the list itself. */
	own?: number;
	/** Slice [from, to) of the shared list. */
	from: number;
	to: number;
}

/**
 * A list of at least MIN_SHARED_ITEMS elements becomes a const when two lists are it, or it with
 * up to MAX_INSERTED elements inserted; such a list is then written as the const (sliced where
 * needed) plus its own elements. Parameter lists are shared within a file only (a name read in
 * another resource would mislead); collection options and body fields across files, through
 * SHARED_LISTS. Two passes: `note` every list in emission order, `plan`, then `ref` each.
 */
export class ListPool {
	private readonly noted: ListUse[] = [];
	private readonly shared: SharedList[] = [];
	private readonly byKey = new Map<string, SharedList>();
	/** file → names it reads from SHARED_LISTS. */
	private readonly imports = new Map<string, Set<string>>();

	private static scope(kind: ListKind, file: string): string {
		return kind === 'params' ? `${kind}:${file}` : kind;
	}

	private static use(kind: ListKind, file: string, items: unknown[], names: string[]): ListUse {
		const keys = items.map((v) => (v instanceof Code ? v.print() : JSON.stringify(v)));
		return { kind, file, items, keys, key: `${ListPool.scope(kind, file)}\n${keys.join('\n')}`, names };
	}

	/** Pass 1: a list as it will be emitted, with const names for it (most preferred first). */
	note(kind: ListKind, file: string, items: unknown[], names: string[]): void {
		this.noted.push(ListPool.use(kind, file, items, names));
	}

	/** Picks the shared lists and their names, after every list is noted. */
	plan(): void {
		const distinct = new Map<string, ListUse>();
		for (const u of this.noted) if (u.keys.length >= MIN_SHARED_ITEMS && !distinct.has(u.key)) distinct.set(u.key, u);
		const taken = new Set<string>();
		for (const d of distinct.values()) {
			const scope = ListPool.scope(d.kind, d.file);
			const users = this.noted.filter(
				(u) => ListPool.scope(u.kind, u.file) === scope && (u.key === d.key || compose(u.keys, d.keys) !== undefined),
			);
			if (users.length < 2) continue;
			const files = new Set(users.map((u) => u.file));
			let name = d.names.find((n) => !taken.has(n));
			for (let i = 2; !name; i++) if (!taken.has(`${d.names[0]}${i}`)) name = `${d.names[0]}${i}`;
			taken.add(name);
			const { kind, items, keys, key } = d;
			const list: SharedList = { name, kind, items, keys, key, home: files.size === 1 ? d.file : SHARED_LISTS };
			this.shared.push(list);
			this.byKey.set(d.key, list);
		}
	}

	/** Pass 2: the list as code for `file`: a shared const, a shared const plus own elements, or itself. */
	ref(kind: ListKind, file: string, items: unknown[]): unknown {
		const u = ListPool.use(kind, file, items, []);
		const exact = this.byKey.get(u.key);
		if (exact) return raw(this.reference(exact, file));
		return this.composed(u, file, undefined) ?? items;
	}

	private reference(list: SharedList, file: string): string {
		if (list.home !== file) {
			if (!this.imports.has(file)) this.imports.set(file, new Set());
			this.imports.get(file)!.add(list.name);
		}
		return list.name;
	}

	/** `[...base.slice(0, 38), own, ...base.slice(38)]` from the longest shared list it extends. */
	private composed(u: ListUse, file: string, self: SharedList | undefined): unknown[] | undefined {
		let best: { list: SharedList; runs: Run[] } | undefined;
		for (const list of this.shared) {
			if (list === self || list.kind !== u.kind) continue;
			// A file reads its own consts and those of SHARED_LISTS (which reads only its own).
			if (list.home !== file && list.home !== SHARED_LISTS) continue;
			if (list.keys.length >= u.keys.length || (best && list.keys.length <= best.list.keys.length)) continue;
			const runs = compose(u.keys, list.keys);
			if (runs) best = { list, runs };
		}
		if (!best) return undefined;
		const { list, runs } = best;
		const name = this.reference(list, file);
		return runs.flatMap((r) => {
			if (r.own !== undefined) return [u.items[r.own]];
			// A slice of one element reads worse than the element.
			if (r.to - r.from === 1) return [list.items[r.from]];
			const whole = r.from === 0 && r.to === list.keys.length;
			return [raw(whole ? `...${name}` : `...${name}.slice(${r.from}${r.to === list.keys.length ? '' : `, ${r.to}`})`)];
		});
	}

	/** Consts `file` defines, in dependency order, as source lines. */
	definitions(file: string): string[] {
		const own = this.shared.filter((l) => l.home === file).sort((a, b) => a.keys.length - b.keys.length);
		return own.map((l) => {
			const value = this.composed(ListPool.use(l.kind, file, l.items, []), file, l) ?? l.items;
			return `${file === SHARED_LISTS ? 'export ' : ''}const ${l.name}: ${LIST_TYPES[l.kind]} = ${lit(value)};\n`;
		});
	}

	/** Names of the consts `file` defines. */
	definedNames(file: string): string[] {
		return this.shared.filter((l) => l.home === file).map((l) => l.name);
	}

	/** Names `file` reads from SHARED_LISTS, sorted. */
	importedNames(file: string): string[] {
		return [...(this.imports.get(file) ?? [])].sort();
	}
}

/** `list` as runs of `base` and at most MAX_INSERTED own elements, or undefined. */
function compose(list: string[], base: string[]): Run[] | undefined {
	if (list.length <= base.length || list.length - base.length > MAX_INSERTED) return undefined;
	const runs: Run[] = [];
	let j = 0;
	for (let i = 0; i < list.length; i++) {
		if (j < base.length && list[i] === base[j]) {
			const last = runs[runs.length - 1];
			if (last && last.own === undefined && last.to === j) last.to = j + 1;
			else runs.push({ from: j, to: j + 1 });
			j++;
		} else {
			runs.push({ own: i, from: 0, to: 0 });
		}
	}
	return j === base.length ? runs : undefined;
}
