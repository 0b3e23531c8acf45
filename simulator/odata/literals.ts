/**
 * OData literals and the parenthesised parts of a URL: keys, function calls and their strictly
 * bound arguments. Behaviour follows /work/shared/3cx-xapi/NOTES.md (what the PBX does on the wire).
 */
import { ODataError } from './errors';

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
