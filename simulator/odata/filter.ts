/** A small `$filter` parser (tokenizer + recursive descent) and its evaluation against a row. */
import { ODataError } from './errors';
import { Literal, parseLiteral } from './literals';

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
