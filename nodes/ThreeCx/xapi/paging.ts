/**
 * $top/$skip paging plan. XAPI has no nextLink: pages run until a short page. The PBX rejects
 * $top over 100 on several entity sets, so 100 is their page size; report functions accept larger
 * pages, and a bulk pull of a report is mostly per-request cost, so they get 1000. A Top the user
 * sets is honoured either way.
 */
const ENTITY_PAGE_SIZE = 100;
const FUNCTION_PAGE_SIZE = 1000;

/** Page size when Options → Top is not set: functions are paths with a `/Pbx.Fn(…)` segment. */
export function defaultPageSize(path: string): number {
	return /\/Pbx\.\w+\(/.test(path) ? FUNCTION_PAGE_SIZE : ENTITY_PAGE_SIZE;
}

export interface PagingPlan {
	pageSize: number;
	/** Offset of the first row (Options → Skip). */
	start: number;
	/** Rows wanted; undefined = all (Return All). */
	max?: number;
}

export interface Page {
	top: number;
	skip: number;
}

export function planPaging(input: {
	returnAll: boolean;
	limit: number;
	top?: number;
	skip?: number;
	defaultPageSize: number;
}): PagingPlan {
	return {
		pageSize: input.top ?? input.defaultPageSize,
		start: input.skip ?? 0,
		max: input.returnAll ? undefined : input.limit,
	};
}

/**
 * The next page to request after `fetched` rows, `last` being the previous page; undefined when
 * done. Offsets advance by the rows actually received, so none is lost or repeated.
 */
export function nextPage(plan: PagingPlan, fetched: number, last?: { top: number; rows: number }): Page | undefined {
	if (last && (last.rows === 0 || last.rows < last.top)) return undefined;
	// A page larger than asked means $top was ignored: further offsets would repeat rows.
	if (last && last.rows > last.top) return undefined;
	const remaining = plan.max === undefined ? Infinity : plan.max - fetched;
	if (remaining <= 0) return undefined;
	return { top: Math.min(plan.pageSize, remaining), skip: plan.start + fetched };
}
