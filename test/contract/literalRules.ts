/**
 * The OData literal rules of NOTES.md, checked on the raw request path: every path/function
 * parameter present, in spec order, each written as its type demands.
 */
import type { XapiOperation, XapiValueType } from '../../nodes/ThreeCx/xapi/types';

const QUOTED = "'(?:[^']|'')*'";
const LITERAL = `(${QUOTED}|[^,()'/]*)`;

const BARE_RULES: Partial<Record<XapiValueType, RegExp>> = {
	int32: /^-?\d+$/,
	int64: /^-?\d+$/,
	number: /^-?\d+(\.\d+)?$/,
	boolean: /^(true|false)$/,
	dateTime: /^\d{4}-\d\d-\d\dT\d\d(:|%3A)\d\d(:|%3A)\d\dZ$/i,
	date: /^\d{4}-\d\d-\d\d$/,
	guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** Characters that must travel percent-encoded inside a path literal. */
const UNSAFE_RAW = /[/?#+ \u0080-\uffff]/;

function templatePattern(path: string): RegExp {
	const escaped = path
		.split(/\{[^}]+\}/)
		.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^/xapi/v1${escaped.join(LITERAL)}$`);
}

/** Problems with the request path, or [] when it follows every rule. */
export function literalProblems(operation: XapiOperation, rawUrl: string): string[] {
	const path = rawUrl.split('?')[0];
	const match = templatePattern(operation.path).exec(path);
	if (!match) return [`path ${path} does not fit ${operation.path}`];
	const problems: string[] = [];
	operation.params.forEach((param, index) => {
		const raw = match[index + 1];
		const bare = BARE_RULES[param.type];
		if (bare) {
			if (!bare.test(raw)) problems.push(`${param.name}=${raw} is not a bare ${param.type} literal`);
			return;
		}
		if (!new RegExp(`^${QUOTED}$`).test(raw)) {
			problems.push(`${param.name}=${raw} is not a quoted string literal`);
		} else if (UNSAFE_RAW.test(raw)) {
			problems.push(`${param.name}=${raw} carries a character that must be percent-encoded`);
		}
	});
	return problems;
}
