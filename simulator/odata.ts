/**
 * OData v4 pieces the simulator needs: error bodies, literals, key / function-call segments,
 * a small `$filter` parser (tokenizer + recursive descent) and the collection query options.
 * Behaviour follows /work/shared/3cx-xapi/NOTES.md (what the 3CX PBX does on the wire).
 */

export interface ODataErrorDetail {
	code: string;
	message: string;
	target: string;
}

/** An error answered as `{"error":{"code","message","target"?,"details"}}`. */
export class ODataError extends Error {
	constructor(
		public readonly status: number,
		message: string,
		public readonly details: ODataErrorDetail[] = [],
		public readonly target?: string,
		public readonly code = '',
	) {
		super(message);
	}

	body(): { error: { code: string; message: string; target?: string; details: ODataErrorDetail[] } } {
		const error: { code: string; message: string; target?: string; details: ODataErrorDetail[] } = {
			code: this.code,
			message: this.message,
			details: this.details,
		};
		if (this.target !== undefined) error.target = this.target;
		return { error };
	}
}

/** The PBX's validation error: `Number:\nWARNINGS.XAPI.ALREADY_IN_USE` with one detail per field. */
export function warning(target: string, key: string, status = 400): ODataError {
	return new ODataError(status, `${target}:\n${key}`, [{ code: '', message: key, target }]);
}

// ---------------------------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------------------------

export type Literal =
	| { kind: 'string'; value: string }
	| { kind: 'int'; value: number }
	| { kind: 'decimal'; value: number }
	| { kind: 'bool'; value: boolean }
	| { kind: 'null'; value: null }
	| { kind: 'datetime'; value: number; text: string }
	| { kind: 'date'; value: string }
	| { kind: 'guid'; value: string }
	| { kind: 'duration'; value: string }
	| { kind: 'invalid'; value: string };

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,12})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function validDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return d <= days;
}

/** Parses an ISO date-time with zone (OData DateTimeOffset); undefined when malformed. */
export function parseDateTimeOffset(text: string): number | undefined {
	const m = DATETIME_RE.exec(text);
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
	if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
	const ms = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
	return Number.isNaN(ms) ? undefined : ms;
}

/** Parses one OData literal as it appears in a URL (already percent-decoded). */
export function parseLiteral(raw: string): Literal {
	const text = raw.trim();
	if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) {
		const inner = text.slice(1, -1);
		// every quote inside must be doubled
		if (/'/.test(inner.replace(/''/g, ''))) return { kind: 'invalid', value: text };
		return { kind: 'string', value: inner.replace(/''/g, "'") };
	}
	if (text === 'null') return { kind: 'null', value: null };
	if (text === 'true' || text === 'false') return { kind: 'bool', value: text === 'true' };
	if (/^-?\d+$/.test(text)) return { kind: 'int', value: Number(text) };
	if (/^-?\d+\.\d+(?:[eE][+-]?\d+)?[mMdDfF]?$/.test(text) || /^-?\d+[eE][+-]?\d+$/.test(text))
		return { kind: 'decimal', value: Number.parseFloat(text) };
	if (DATETIME_RE.test(text)) {
		const ms = parseDateTimeOffset(text);
		return ms === undefined ? { kind: 'invalid', value: text } : { kind: 'datetime', value: ms, text };
	}
	const dm = DATE_RE.exec(text);
	if (dm) {
		return validDate(Number(dm[1]), Number(dm[2]), Number(dm[3]))
			? { kind: 'date', value: text }
			: { kind: 'invalid', value: text };
	}
	if (GUID_RE.test(text)) return { kind: 'guid', value: text.toLowerCase() };
	const dur = /^duration'(-?P[0-9DTHMS.]+)'$/.exec(text);
	if (dur) return { kind: 'duration', value: dur[1] };
	return { kind: 'invalid', value: text };
}

/** Decodes one path segment the way the PBX does: `+` is a space, `%XX` is decoded. */
export function decodeSegment(raw: string): string {
	try {
		return decodeURIComponent(raw.replace(/\+/g, ' '));
	} catch {
		throw new ODataError(400, `The request URI is not valid: malformed percent-encoding in '${raw}'.`);
	}
}

export interface CallArg {
	name?: string;
	raw: string;
}

export interface CallSegment {
	name: string;
	args: CallArg[];
}

/**
 * Splits `Name(a=1,b='x,y')` (decoded) into its name and arguments; undefined when the segment
 * has no parenthesised part. Commas inside quoted strings do not split.
 */
export function parseCallSegment(segment: string): CallSegment | undefined {
	const open = segment.indexOf('(');
	if (open <= 0 || !segment.endsWith(')')) return undefined;
	const name = segment.slice(0, open);
	const inner = segment.slice(open + 1, -1);
	const args: CallArg[] = [];
	if (inner.trim() === '') return { name, args };
	const parts: string[] = [];
	let cur = '';
	let inQuote = false;
	for (let i = 0; i < inner.length; i++) {
		const c = inner[i];
		if (c === "'") {
			inQuote = !inQuote; // a doubled quote toggles twice
			cur += c;
		} else if (c === ',' && !inQuote) {
			parts.push(cur);
			cur = '';
		} else cur += c;
	}
	parts.push(cur);
	for (const p of parts) {
		const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/s.exec(p);
		// a quoted string may contain '=': only treat as named when the name part is unquoted
		if (m && !p.trimStart().startsWith("'")) args.push({ name: m[1], raw: m[2] });
		else args.push({ raw: p });
	}
	return { name, args };
}

export type ParamKind = 'string' | 'datetime' | 'int' | 'bool' | 'guid' | 'number';

export interface ParamDef {
	name: string;
	kind: ParamKind;
	nullable?: boolean;
}

export type BoundValue = string | number | boolean | null;

function kindMessage(def: ParamDef, lit: Literal): string {
	switch (def.kind) {
		case 'datetime':
			return `The DateTimeOffset text '${lit.value}' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range.`;
		case 'int':
			return `The value '${lit.value}' is not a valid Edm.Int32 literal for parameter '${def.name}'.`;
		case 'bool':
			return `The value '${lit.value}' is not a valid Edm.Boolean literal for parameter '${def.name}'.`;
		case 'guid':
			return `The value '${lit.value}' is not a valid Edm.Guid literal for parameter '${def.name}'.`;
		default:
			return `The value '${lit.value}' is not a valid Edm.String literal for parameter '${def.name}'; strings must be single-quoted.`;
	}
}

/**
 * Binds function arguments strictly like the PBX: every parameter present, named, in spec order
 * (else 404); each literal of the right kind (else 500).
 */
export function bindFunctionArgs(fn: string, defs: ParamDef[], args: CallArg[]): Record<string, BoundValue> {
	const names = args.map((a) => a.name);
	const ok = names.length === defs.length && defs.every((d, i) => names[i] === d.name);
	if (!ok) {
		throw new ODataError(
			404,
			`No HTTP resource was found that matches the request URI: function '${fn}' expects the parameters (${defs
				.map((d) => d.name)
				.join(',')}) in this order.`,
		);
	}
	const out: Record<string, BoundValue> = {};
	defs.forEach((def, i) => {
		const lit = parseLiteral(args[i].raw);
		let value: BoundValue | undefined;
		if (lit.kind === 'null') {
			if (def.nullable || def.kind === 'string') value = null;
		} else if (def.kind === 'string') {
			if (lit.kind === 'string') value = lit.value;
		} else if (def.kind === 'datetime') {
			if (lit.kind === 'datetime') value = new Date(lit.value).toISOString();
		} else if (def.kind === 'int') {
			if (lit.kind === 'int' && lit.value >= -2147483648 && lit.value <= 2147483647) value = lit.value;
		} else if (def.kind === 'number') {
			if (lit.kind === 'int' || lit.kind === 'decimal') value = lit.value;
		} else if (def.kind === 'bool') {
			if (lit.kind === 'bool') value = lit.value;
		} else if (def.kind === 'guid') {
			if (lit.kind === 'guid') value = lit.value;
		}
		if (value === undefined) throw new ODataError(500, kindMessage(def, lit));
		out[def.name] = value;
	});
	return out;
}

// ---------------------------------------------------------------------------------------------
// $filter
// ---------------------------------------------------------------------------------------------

type Token =
	| { t: 'lp' | 'rp' | 'comma' }
	| { t: 'ident'; v: string }
	| { t: 'lit'; v: Literal };

export type FilterNode =
	| { t: 'lit'; v: Literal }
	| { t: 'prop'; name: string }
	| { t: 'call'; fn: 'contains' | 'startswith' | 'tolower' | 'date'; args: FilterNode[] }
	| { t: 'cmp'; op: CmpOp; l: FilterNode; r: FilterNode }
	| { t: 'and' | 'or'; l: FilterNode; r: FilterNode };

type CmpOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
const CMP_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCS: Record<string, number> = { contains: 2, startswith: 2, tolower: 1, date: 1 };
const UNSUPPORTED_WORDS = new Set([
	'not', 'has', 'in', 'add', 'sub', 'mul', 'div', 'divby', 'mod', 'any', 'all', 'endswith', 'toupper',
	'substring', 'length', 'indexof', 'trim', 'concat', 'year', 'month', 'day', 'hour', 'minute', 'second',
	'time', 'now', 'round', 'floor', 'ceiling', 'cast', 'isof', 'matchesPattern',
]);

function filterError(msg: string): ODataError {
	return new ODataError(400, `The query specified in the URI is not valid. ${msg}`);
}

function tokenize(src: string): Token[] {
	const out: Token[] = [];
	let i = 0;
	while (i < src.length) {
		const c = src[i];
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
			i++;
			continue;
		}
		if (c === '(') {
			out.push({ t: 'lp' });
			i++;
			continue;
		}
		if (c === ')') {
			out.push({ t: 'rp' });
			i++;
			continue;
		}
		if (c === ',') {
			out.push({ t: 'comma' });
			i++;
			continue;
		}
		if (c === "'") {
			let j = i + 1;
			let s = '';
			for (;;) {
				if (j >= src.length) throw filterError(`Unterminated string literal at position ${i} in '${src}'.`);
				if (src[j] === "'") {
					if (src[j + 1] === "'") {
						s += "'";
						j += 2;
						continue;
					}
					break;
				}
				s += src[j++];
			}
			out.push({ t: 'lit', v: { kind: 'string', value: s } });
			i = j + 1;
			continue;
		}
		// date-time / date / guid / number literals
		const rest = src.slice(i);
		const dt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?:Z|[+-]\d{2}:\d{2})/.exec(rest);
		const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/.exec(rest);
		const date = /^\d{4}-\d{2}-\d{2}(?![\dT])/.exec(rest);
		const num = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
		const m = dt ?? guid ?? date ?? num;
		if (m && /^[-\d]/.test(c)) {
			const lit = parseLiteral(m[0]);
			if (lit.kind === 'invalid') throw filterError(`Invalid literal '${m[0]}' at position ${i}.`);
			out.push({ t: 'lit', v: lit });
			i += m[0].length;
			continue;
		}
		const id = /^[A-Za-z_$][A-Za-z0-9_.$]*(?:\/[A-Za-z_][A-Za-z0-9_.]*)*/.exec(rest);
		if (id) {
			out.push({ t: 'ident', v: id[0] });
			i += id[0].length;
			continue;
		}
		throw filterError(`Syntax error: character '${c}' is not valid at position ${i} in '${src}'.`);
	}
	return out;
}

class FilterParser {
	private pos = 0;
	constructor(private readonly toks: Token[], private readonly src: string) {}

	parse(): FilterNode {
		if (this.toks.length === 0) throw filterError('The $filter expression is empty.');
		const node = this.or();
		if (this.pos < this.toks.length) throw filterError(`Syntax error at position ${this.pos} in '${this.src}'.`);
		return node;
	}

	private peek(): Token | undefined {
		return this.toks[this.pos];
	}

	private word(w: string): boolean {
		const t = this.peek();
		return !!t && t.t === 'ident' && t.v === w;
	}

	private or(): FilterNode {
		let l = this.and();
		while (this.word('or')) {
			this.pos++;
			l = { t: 'or', l, r: this.and() };
		}
		return l;
	}

	private and(): FilterNode {
		let l = this.cmp();
		while (this.word('and')) {
			this.pos++;
			l = { t: 'and', l, r: this.cmp() };
		}
		return l;
	}

	private cmp(): FilterNode {
		const l = this.primary();
		const t = this.peek();
		if (t && t.t === 'ident' && CMP_OPS.has(t.v)) {
			this.pos++;
			return { t: 'cmp', op: t.v as CmpOp, l, r: this.primary() };
		}
		if (t && t.t === 'ident' && UNSUPPORTED_WORDS.has(t.v))
			throw filterError(`The operator '${t.v}' is not supported by this service.`);
		return l;
	}

	private primary(): FilterNode {
		const t = this.peek();
		if (!t) throw filterError(`Expression expected at the end of '${this.src}'.`);
		if (t.t === 'lp') {
			this.pos++;
			const e = this.or();
			if (this.peek()?.t !== 'rp') throw filterError(`')' expected in '${this.src}'.`);
			this.pos++;
			return e;
		}
		if (t.t === 'lit') {
			this.pos++;
			return { t: 'lit', v: t.v };
		}
		if (t.t === 'ident') {
			this.pos++;
			if (t.v === 'null') return { t: 'lit', v: { kind: 'null', value: null } };
			if (t.v === 'true' || t.v === 'false') return { t: 'lit', v: { kind: 'bool', value: t.v === 'true' } };
			if (this.peek()?.t === 'lp') {
				if (!(t.v in FUNCS)) throw filterError(`Unknown or unsupported function '${t.v}'.`);
				this.pos++;
				const args: FilterNode[] = [];
				if (this.peek()?.t !== 'rp') {
					args.push(this.or());
					while (this.peek()?.t === 'comma') {
						this.pos++;
						args.push(this.or());
					}
				}
				if (this.peek()?.t !== 'rp') throw filterError(`')' expected after the arguments of '${t.v}'.`);
				this.pos++;
				if (args.length !== FUNCS[t.v])
					throw filterError(`The function '${t.v}' takes ${FUNCS[t.v]} argument(s), ${args.length} given.`);
				return { t: 'call', fn: t.v as 'contains', args };
			}
			if (UNSUPPORTED_WORDS.has(t.v) || CMP_OPS.has(t.v) || t.v === 'and' || t.v === 'or')
				throw filterError(`The operator '${t.v}' is not supported here.`);
			if (t.v.includes('/')) throw filterError(`Property paths ('${t.v}') are not supported in $filter.`);
			return { t: 'prop', name: t.v };
		}
		throw filterError(`Unexpected token in '${this.src}'.`);
	}
}

export function parseFilter(src: string): FilterNode {
	return new FilterParser(tokenize(src), src).parse();
}

/** Property names a filter refers to (to validate them against the entity type). */
export function filterProps(node: FilterNode, out: Set<string> = new Set()): Set<string> {
	switch (node.t) {
		case 'prop':
			out.add(node.name);
			break;
		case 'call':
			node.args.forEach((a) => filterProps(a, out));
			break;
		case 'cmp':
		case 'and':
		case 'or':
			filterProps(node.l, out);
			filterProps(node.r, out);
			break;
	}
	return out;
}

type Val = string | number | boolean | null | undefined | { dt: number } | { d: string };

const ISO_PROP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function evalNode(node: FilterNode, row: Record<string, unknown>): Val {
	switch (node.t) {
		case 'lit': {
			const l = node.v;
			if (l.kind === 'datetime') return { dt: l.value };
			if (l.kind === 'date') return { d: l.value };
			return l.value as Val;
		}
		case 'prop': {
			const v = row[node.name];
			if (v === undefined || v === null) return null;
			if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
			return JSON.stringify(v);
		}
		case 'call': {
			const a = node.args.map((x) => evalNode(x, row));
			if (node.fn === 'tolower') return typeof a[0] === 'string' ? a[0].toLowerCase() : null;
			if (node.fn === 'date') {
				if (typeof a[0] === 'string' && ISO_PROP_RE.test(a[0])) return { d: new Date(Date.parse(a[0])).toISOString().slice(0, 10) };
				if (a[0] && typeof a[0] === 'object' && 'dt' in a[0]) return { d: new Date(a[0].dt).toISOString().slice(0, 10) };
				return null;
			}
			if (typeof a[0] !== 'string' || typeof a[1] !== 'string') return false;
			return node.fn === 'contains' ? a[0].includes(a[1]) : a[0].startsWith(a[1]);
		}
		case 'and':
			return evalNode(node.l, row) === true && evalNode(node.r, row) === true;
		case 'or':
			return evalNode(node.l, row) === true || evalNode(node.r, row) === true;
		case 'cmp':
			return compare(node.op, evalNode(node.l, row), evalNode(node.r, row));
	}
}

function norm(a: Val, other: Val): string | number | boolean | null {
	if (a === undefined) return null;
	if (a !== null && typeof a === 'object') return 'dt' in a ? a.dt : a.d;
	// an ISO string property compared with a date-time literal compares as instants
	if (typeof a === 'string' && other !== null && typeof other === 'object' && 'dt' in other) {
		const ms = Date.parse(a);
		return Number.isNaN(ms) ? a : ms;
	}
	return a;
}

function compare(op: CmpOp, la: Val, ra: Val): boolean {
	const l = norm(la, ra);
	const r = norm(ra, la);
	if (l === null || r === null) {
		if (op === 'eq') return l === r;
		if (op === 'ne') return l !== r;
		return false;
	}
	if (typeof l !== typeof r) return op === 'ne';
	switch (op) {
		case 'eq':
			return l === r;
		case 'ne':
			return l !== r;
		case 'gt':
			return l > r;
		case 'ge':
			return l >= r;
		case 'lt':
			return l < r;
		case 'le':
			return l <= r;
	}
}

export function matches(node: FilterNode, row: Record<string, unknown>): boolean {
	return evalNode(node, row) === true;
}

// ---------------------------------------------------------------------------------------------
// Query options
// ---------------------------------------------------------------------------------------------

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

export function rowComparator(orderby: QueryOptions['orderby']): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
	return (a, b) => {
		for (const o of orderby) {
			const c = compareValues(a[o.prop], b[o.prop]);
			if (c !== 0) return o.desc ? -c : c;
		}
		return 0;
	};
}

function searchHit(row: Record<string, unknown>, term: string): boolean {
	const t = term.replace(/^"|"$/g, '').toLowerCase();
	return Object.values(row).some((v) => typeof v === 'string' && v.toLowerCase().includes(t));
}

export function project(row: Record<string, unknown>, q: QueryOptions, nav: ReadonlySet<string>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const keys = q.select ?? Object.keys(row).filter((k) => !nav.has(k));
	for (const k of keys) if (!nav.has(k) && k in row) out[k] = row[k];
	for (const e of q.expand) out[e] = row[e] ?? [];
	return out;
}

/**
 * Applies filter, search, count, orderby, skip, top and select to an in-memory collection.
 */
export function applyQuery(
	rows: Iterable<Record<string, unknown>>,
	q: QueryOptions,
	nav: ReadonlySet<string> = new Set(),
): { value: Record<string, unknown>[]; count: number } {
	let list: Record<string, unknown>[] = [];
	for (const r of rows) {
		if (q.filter && !matches(q.filter, r)) continue;
		if (q.search && !searchHit(r, q.search)) continue;
		list.push(r);
	}
	const count = list.length;
	if (q.orderby.length) list = [...list].sort(rowComparator(q.orderby));
	const end = q.top === undefined ? undefined : q.skip + q.top;
	list = list.slice(q.skip, end);
	return { value: list.map((r) => project(r, q, nav)), count };
}

/** `$metadata#Set(Prop1,Prop2)` style context. */
export function contextUrl(base: string, set: string, q?: QueryOptions): string {
	const sel = q?.select ? `(${q.select.join(',')})` : '';
	return `${base}/xapi/v1/$metadata#${set}${sel}`;
}
