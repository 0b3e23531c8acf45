/**
 * Typed validation of parameter values, shared by URL literals and JSON bodies. Everything here
 * is pure and throws `InputProblem` naming the parameter and the expected form.
 */

/**
 * Bad input found before any request is sent. Not an n8n error: the hooks turn it into a
 * NodeOperationError (xapi/nodeErrors.ts), so the pure helpers need no n8n runtime.
 */
export class InputProblem extends Error {
	constructor(
		readonly parameter: string,
		readonly expected: string,
		got?: unknown,
	) {
		super(`Invalid "${parameter}": expected ${expected}${got === undefined ? '' : `, got ${show(got)}`}`);
		this.name = 'InputProblem';
	}
}

/** Short, single-line rendering of a rejected value for the error message. */
function show(value: unknown): string {
	const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** null, undefined and '' all mean "no value" for typed parameters. */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

const INT_BOUNDS = {
	int32: [-(2n ** 31n), 2n ** 31n - 1n],
	int64: [-(2n ** 63n), 2n ** 63n - 1n],
} as const;

/** Whole number within int32/int64; numeric strings from expressions are accepted. Returns the
 * digits as a string so int64 values beyond 2^53 survive. */
export function toInteger(value: unknown, parameter: string, kind: 'int32' | 'int64'): string {
	const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
	const expected = `a whole number (${kind})`;
	if (typeof text !== 'string' || !/^\s*-?\d+\s*$/.test(text)) {
		throw new InputProblem(parameter, expected, value);
	}
	const n = BigInt(text.trim());
	const [min, max] = INT_BOUNDS[kind];
	if (n < min || n > max) {
		throw new InputProblem(parameter, `${expected} between ${min} and ${max}`, value);
	}
	return n.toString();
}

export function toNumber(value: unknown, parameter: string): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n)) {
		throw new InputProblem(parameter, 'a number', value);
	}
	return n;
}

export function toBoolean(value: unknown, parameter: string): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new InputProblem(parameter, 'true or false', value);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGuid(value: unknown, parameter: string): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text !== 'string' || !GUID.test(text)) {
		throw new InputProblem(parameter, 'a GUID like 0f8fad5b-d9cb-469f-a165-70867728950e', value);
	}
	return text;
}

/** .NET TimeSpan text `[-][d.]h:mm[:ss[.fffffff]]`, the form the 3CX web client sends ('0:00:0'). */
const INTERVAL = /^-?(?:\d+\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d{1,7})?)?$/;

export function toInterval(value: unknown, parameter: string): string {
	const text = typeof value === 'string' ? value.trim() : value;
	const match = typeof text === 'string' ? INTERVAL.exec(text) : null;
	if (!match || +match[1] > 23 || +match[2] > 59 || +(match[3] ?? 0) > 59) {
		throw new InputProblem(parameter, 'a time interval like 0:30:00 (h:mm:ss)', value);
	}
	return text as string;
}

export function toEnum(value: unknown, parameter: string, members: string[] | undefined): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text !== 'string' || text === '' || (members?.length && !members.includes(text))) {
		throw new InputProblem(parameter, `one of ${(members ?? []).join(', ') || 'the listed values'}`, value);
	}
	return text;
}

/** Any text; numbers from expressions are written as text. Objects are refused so `[object
 * Object]` never reaches the PBX. */
export function toText(value: unknown, parameter: string): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new InputProblem(parameter, 'text', value);
}

/** Members of an enum list: an array (multiOptions, or an expression) or comma/newline-separated
 * text. Each must be a member; repeats are dropped. */
export function toEnumList(value: unknown, parameter: string, members: string[] | undefined): string[] {
	let items: unknown[];
	if (Array.isArray(value)) items = value;
	else if (typeof value === 'string') items = value.split(/[,\n]/).map((item) => item.trim()).filter(Boolean);
	else throw new InputProblem(parameter, `a list of ${(members ?? []).join(', ') || 'the listed values'}`, value);
	return [...new Set(items.map((item) => toEnum(item, parameter, members)))];
}

/** The spec's `format: duration` pattern; at least one number is required (`P`, `PT` mean nothing). */
const DURATION = /^-?P([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$/;

export function toDuration(value: unknown, parameter: string): string {
	const text = typeof value === 'string' ? value.trim().toUpperCase() : value;
	if (typeof text !== 'string' || !DURATION.test(text) || !/\d/.test(text) || text.endsWith('T')) {
		throw new InputProblem(parameter, 'an ISO 8601 duration like PT1H30M (days D, hours H, minutes M, seconds S)', value);
	}
	return text;
}

/** The spec's `format: time` pattern. */
const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?$/;

export function toTimeOfDay(value: unknown, parameter: string): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text !== 'string' || !TIME_OF_DAY.test(text)) {
		throw new InputProblem(parameter, 'a time of day like 08:30:00 (HH:MM:SS, 24-hour)', value);
	}
	return text;
}

/** Text within the spec's `maxLength`, counted in characters (code points) as JSON Schema does. */
export function checkLength(text: string, parameter: string, maxLength: number | undefined): string {
	if (maxLength !== undefined && [...text].length > maxLength) {
		throw new InputProblem(parameter, `at most ${maxLength} characters (got ${[...text].length})`);
	}
	return text;
}
