/**
 * Report parameter sets shared by the tests, the end-to-end workflows and the benchmark, written
 * once. Values are as the node's fields take them; `functionArgs` spells them as the PBX reads
 * them in a function call. Plain data and pure functions: no jest, so tools/bench imports it too.
 */

export type ParamValue = string | number | boolean;

/** The whole of 2025: the period the e2e workflows and the benchmark pull. */
export const PERIOD_2025 = { periodFrom: '2025-01-01T00:00:00Z', periodTo: '2025-12-31T23:59:59Z' };

/** March 2025, the period of the simulator's own tests. */
export const PERIOD_MARCH_2025 = { periodFrom: '2025-03-01T00:00:00Z', periodTo: '2025-03-31T00:00:00Z' };

/**
 * GetCallLogData's parameters after the period, as the 3CX web report sends them (NOTES.md):
 * type codes 0 and empty filters = no filter, '0:00:0' = the whole day, P-calls hidden.
 */
export const CALL_LOG_NO_FILTERS = {
	sourceType: 0,
	sourceFilter: '',
	destinationType: 0,
	destinationFilter: '',
	callsType: 0,
	callTimeFilterType: 0,
	callTimeFilterFrom: '0:00:0',
	callTimeFilterTo: '0:00:0',
	hidePcalls: true,
};

/** The call log of 2025, unfiltered. */
export const CALL_LOG_2025 = { ...PERIOD_2025, ...CALL_LOG_NO_FILTERS };

/**
 * GetUserActivity's parameters after the period, as the web report sends them (NOTES.md): all
 * groups and extensions, queue calls included, both directions (callArea 0), groupingType 0.
 */
export const USER_ACTIVITY_NO_FILTERS = {
	// The default department: an empty group filter gives an empty list on a real PBX (NOTES.md).
	groupNumber: 'GRP0000',
	extensionDns: '',
	waitInterval: '0:00:0',
	includeQueueCalls: true,
	callArea: 0,
	groupingType: 0,
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * One value as an OData literal: numbers, booleans and ISO date-times bare, other strings quoted
 * with `'` doubled. Not percent-encoded: for plain values like the ones above.
 */
export function odataLiteral(value: ParamValue): string {
	if (typeof value !== 'string' || DATE_TIME.test(value)) return String(value);
	return `'${value.replace(/'/g, "''")}'`;
}

/**
 * `name=literal,…` in the object's order (3CX wants the spec's order). `overrides` are spelled
 * already: each replaces its parameter in place (undefined drops it) or is added at the end.
 */
export function functionArgs(params: Record<string, ParamValue>, overrides: Record<string, string | undefined> = {}): string {
	const literals: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(params)) literals[name] = odataLiteral(value);
	return Object.entries({ ...literals, ...overrides })
		.filter(([, literal]) => literal !== undefined)
		.map(([name, literal]) => `${name}=${literal}`)
		.join(',');
}
