import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NODE_PARAMETER, type XapiOperation } from '../types';
import { toCount } from './query';

/**
 * $top/$skip paging plan. XAPI has no nextLink: pages run until a short page. The PBX rejects
 * $top over 100 on several entity sets, so 100 is their page size; report functions accept larger
 * pages, and a bulk pull of a report is mostly per-request cost, so they get 1000. A Top the user
 * sets is honoured either way.
 */
const ENTITY_PAGE_SIZE = 100;
const FUNCTION_PAGE_SIZE = 1000;
const DEFAULT_LIMIT = 50;

/** Page size when Options → Top is not set: functions are paths with a `/Pbx.Fn(…)` segment. */
export function defaultPageSize(path: string): number {
	return /\/Pbx\.\w+\(/.test(path) ? FUNCTION_PAGE_SIZE : ENTITY_PAGE_SIZE;
}

/** What one call fetches: one request (no `pages`), or $top/$skip pages. */
export interface PagingPlan {
	/** Rows kept (Limit); undefined = all. */
	max?: number;
	pages?: {
		size: number;
		/** Offset of the first row (Options → Skip). */
		start: number;
	};
}

export interface Page {
	top: number;
	skip: number;
}

/** A node parameter by name, `fallback` when it is not set. */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

/**
 * The paging plan of a call, decided here only. Return All and Limit apply to collections;
 * collections the PBX pages (`paged`) are fetched in pages sized by Options → Top, from Options →
 * Skip, which the request builder has put in `qs` as `$top`/`$skip`. A bad Limit throws
 * InputProblem. Limit is read only when Return All is off, as n8n shows it only then.
 */
export function planPaging(
	op: Pick<XapiOperation, 'output' | 'paged' | 'path'>,
	read: ParameterReader,
	qs: IDataObject = {},
): PagingPlan {
	if (op.output !== 'collection') return {};
	// Return All is shown for paged operations; answers that come in one piece keep everything.
	const returnAll = read(NODE_PARAMETER.returnAll, !op.paged) === true;
	const max = returnAll ? undefined : toCount(read(NODE_PARAMETER.limit, DEFAULT_LIMIT), NODE_PARAMETER.limit);
	if (!op.paged) return { max };
	const size = typeof qs.$top === 'number' ? qs.$top : defaultPageSize(op.path);
	const start = typeof qs.$skip === 'number' ? qs.$skip : 0;
	return { max, pages: { size, start } };
}

/**
 * The next page to request after `fetched` rows, `last` being the previous page; undefined when
 * done. Offsets advance by the rows actually received, so none is lost or repeated.
 */
export function nextPage(plan: PagingPlan, fetched: number, last?: { top: number; rows: number }): Page | undefined {
	if (!plan.pages) return undefined;
	if (last && (last.rows === 0 || last.rows < last.top)) return undefined;
	// A page larger than asked means $top was ignored: further offsets would repeat rows.
	if (last && last.rows > last.top) return undefined;
	const remaining = plan.max === undefined ? Infinity : plan.max - fetched;
	if (remaining <= 0) return undefined;
	return { top: Math.min(plan.pages.size, remaining), skip: plan.pages.start + fetched };
}

/** The query of one page: the call's query with this page's $top and $skip ($skip=0 left out). */
export function pageQuery(qs: IDataObject | undefined, page: Page): IDataObject {
	const query: IDataObject = { ...qs, $top: page.top };
	if (page.skip) query.$skip = page.skip;
	else delete query.$skip;
	return query;
}

/** Limit on a collection answered in one piece: the first `max` items, or the first `max` rows of
 * each `{ value }` envelope (Raw Response). */
export function limitRows(items: INodeExecutionData[], max: number, raw: boolean): INodeExecutionData[] {
	if (!raw) return items.slice(0, max);
	return items.map((item) =>
		Array.isArray(item.json.value) ? { ...item, json: { ...item.json, value: item.json.value.slice(0, max) } } : item,
	);
}
