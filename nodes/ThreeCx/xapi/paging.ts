/**
 * $top/$skip paging plan. XAPI has no nextLink: pages run until a short page. The PBX rejects
 * $top over 100 on several sets, so 100 is the default page size; a Top the user sets is
 * honoured (report functions accept more).
 */
const DEFAULT_PAGE_SIZE = 100;

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

export function planPaging(input: { returnAll: boolean; limit: number; top?: number; skip?: number }): PagingPlan {
	return {
		pageSize: input.top ?? DEFAULT_PAGE_SIZE,
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
