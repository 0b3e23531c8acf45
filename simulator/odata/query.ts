/** The system query options of a collection: parsing them and applying them to rows. */
import { ODataError } from './errors';
import { FilterNode, filterProps, matches, parseFilter } from './filter';

/** One entity or report row. */
export type Row = Record<string, unknown>;

export interface QueryOptions {
	top?: number;
	skip: number;
	count: boolean;
	filter?: FilterNode;
	orderby: Array<{ prop: string; desc: boolean }>;
	select?: string[];
	expand: string[];
	search?: string;
}

const KNOWN_OPTIONS = new Set(['$top', '$skip', '$count', '$filter', '$orderby', '$select', '$expand', '$search', '$format']);

function nonNegInt(name: string, v: string | null): number | undefined {
	if (v === null) return undefined;
	if (!/^\d+$/.test(v.trim())) throw new ODataError(400, `Invalid value '${v}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`);
	return Number(v.trim());
}

function splitList(v: string): string[] {
	return v
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/**
 * Parses the system query options. `props` are the structural properties of the type, `nav`
 * the navigation properties; unknown names give the OData 400. `topCap` is the PBX's `$top` cap.
 */
export function parseQueryOptions(
	params: URLSearchParams,
	typeName: string,
	props: ReadonlySet<string>,
	nav: ReadonlySet<string>,
	topCap?: number,
): QueryOptions {
	for (const key of params.keys()) {
		if (key.startsWith('$') && !KNOWN_OPTIONS.has(key)) throw new ODataError(400, `The query parameter '${key}' is not supported.`);
	}
	const unknown = (p: string) =>
		new ODataError(400, `Could not find a property named '${p}' on type '${typeName}'.`);
	const top = nonNegInt('$top', params.get('$top'));
	if (top !== undefined && topCap !== undefined && top > topCap)
		throw new ODataError(400, `The limit of '${topCap}' for Top query has been exceeded. The value from the incoming request is '${top}'.`);
	const skip = nonNegInt('$skip', params.get('$skip')) ?? 0;
	const countRaw = params.get('$count');
	if (countRaw !== null && countRaw !== 'true' && countRaw !== 'false')
		throw new ODataError(400, `Invalid value '${countRaw}' for $count query option found. Valid values are 'true' and 'false'.`);
	let filter: FilterNode | undefined;
	const f = params.get('$filter');
	if (f !== null) {
		filter = parseFilter(f);
		for (const p of filterProps(filter)) if (!props.has(p)) throw unknown(p);
	}
	const orderby: QueryOptions['orderby'] = [];
	const ob = params.get('$orderby');
	if (ob !== null) {
		for (const item of splitList(ob)) {
			const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?$/.exec(item);
			if (!m) throw new ODataError(400, `The query specified in the URI is not valid. Invalid $orderby item '${item}'.`);
			if (!props.has(m[1])) throw unknown(m[1]);
			orderby.push({ prop: m[1], desc: m[2] === 'desc' });
		}
	}
	let select: string[] | undefined;
	const sel = params.get('$select');
	if (sel !== null) {
		select = splitList(sel);
		for (const p of select) if (p !== '*' && !props.has(p) && !nav.has(p)) throw unknown(p);
		if (select.includes('*')) select = undefined;
	}
	const expand: string[] = [];
	const ex = params.get('$expand');
	if (ex !== null) {
		for (const item of splitList(ex)) {
			const name = item.split('(')[0].trim();
			if (name === '*') {
				expand.push(...nav);
				continue;
			}
			if (!nav.has(name)) throw new ODataError(400, `Property '${name}' on type '${typeName}' is not a navigation property or complex property. Only navigation properties can be expanded.`);
			expand.push(name);
		}
	}
	const search = params.get('$search') ?? undefined;
	return { top, skip, count: countRaw === 'true', filter, orderby, select, expand, search };
}

/** Functions whose `$top` the PBX caps below what other reports accept [field: NOTES.md]. */
const FUNCTION_TOP_CAPS: Record<string, number> = { 'Pbx.GetInboundRulesData': 100 };

/** The 400 a PBX answers when `$top` exceeds a capped function's limit (entity sets check their own). */
export function checkFunctionTopCap(segments: string[], params: URLSearchParams): void {
	const fn = /^(Pbx\.\w+)/.exec(segments[segments.length - 1] ?? '')?.[1];
	const cap = fn === undefined ? undefined : FUNCTION_TOP_CAPS[fn];
	const top = Number(params.get('$top'));
	if (cap !== undefined && top > cap) {
		throw new ODataError(400, `The limit of '${cap}' for Top query has been exceeded. The value from the incoming request is '${top}'.`);
	}
}

export function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1; // nulls first (ascending), like SQL Server
	if (b === null || b === undefined) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
	const sa = String(a);
	const sb = String(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function rowComparator(orderby: QueryOptions['orderby']): (a: Row, b: Row) => number {
	return (a, b) => {
		for (const o of orderby) {
			const c = compareValues(a[o.prop], b[o.prop]);
			if (c !== 0) return o.desc ? -c : c;
		}
		return 0;
	};
}

function searchHit(row: Row, term: string): boolean {
	const t = term.replace(/^"|"$/g, '').toLowerCase();
	return Object.values(row).some((v) => typeof v === 'string' && v.toLowerCase().includes(t));
}

/** Does the row pass `$filter` and `$search`? */
export function passes(q: QueryOptions, row: Row): boolean {
	return (!q.filter || matches(q.filter, row)) && (!q.search || searchHit(row, q.search));
}

/** The index after the last row of the page `$skip`/`$top` ask for, out of `total`. */
export function pageEnd(q: QueryOptions, total: number): number {
	return q.top === undefined ? total : Math.min(total, q.skip + q.top);
}

export function project(row: Row, q: QueryOptions, nav: ReadonlySet<string>): Row {
	const out: Row = {};
	const keys = q.select ?? Object.keys(row).filter((k) => !nav.has(k));
	for (const k of keys) if (!nav.has(k) && k in row) out[k] = row[k];
	for (const e of q.expand) out[e] = row[e] ?? [];
	return out;
}

/** One page of a collection and, for `$count`, how many rows passed the filter. */
export interface Page {
	value: Row[];
	count: number;
}

/** Applies filter, search, count, orderby, skip, top and select to an in-memory collection. */
export function applyQuery(rows: Iterable<Row>, q: QueryOptions, nav: ReadonlySet<string> = new Set()): Page {
	let list: Row[] = [];
	for (const r of rows) if (passes(q, r)) list.push(r);
	const count = list.length;
	if (q.orderby.length) list = [...list].sort(rowComparator(q.orderby));
	list = list.slice(q.skip, pageEnd(q, count));
	return { value: list.map((r) => project(r, q, nav)), count };
}

/** `$metadata#Set(Prop1,Prop2)` style context. */
export function contextUrl(base: string, set: string, q?: QueryOptions): string {
	const sel = q?.select ? `(${q.select.join(',')})` : '';
	return `${base}/xapi/v1/$metadata#${set}${sel}`;
}
