import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NODE_PARAMETER, type XapiOperation } from '../types';
import { toCount } from './query';
import { InputProblem } from './values';

/**
 * $top/$skip paging plan. XAPI has no nextLink: pages run until a short page, or until the
 * `@odata.count` the first page reports. The PBX rejects $top over 100 on several entity sets, so
 * 100 is their page size; most report functions accept 1000 (the largest size seen accepted on
 * real PBXs), and a bulk pull of a report is mostly per-request cost, so they start there and
 * shrink to the cap a PBX names. A Top the user sets is honoured, never shrunk.
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
		/** The size is Options → Top: a cap the PBX names is an error, not a cue to shrink. */
		userTop?: boolean;
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
	knownCap?: number,
): PagingPlan {
	if (op.output !== 'collection') return {};
	// Return All is shown for paged operations; answers that come in one piece keep everything.
	const returnAll = read(NODE_PARAMETER.returnAll, !op.paged) === true;
	const max = returnAll ? undefined : toCount(read(NODE_PARAMETER.limit, DEFAULT_LIMIT), NODE_PARAMETER.limit);
	if (!op.paged) return { max };
	const userTop = typeof qs.$top === 'number';
	if (userTop && knownCap !== undefined && (qs.$top as number) > knownCap) throw topAboveCap(knownCap, qs.$top);
	const size = userTop ? (qs.$top as number) : Math.min(defaultPageSize(op.path), knownCap ?? Infinity);
	const start = typeof qs.$skip === 'number' ? qs.$skip : 0;
	return { max, pages: { size, start, userTop } };
}

/** Options → Top above the cap the PBX named for this list. */
export function topAboveCap(cap: number, top: unknown): InputProblem {
	return new InputProblem('top', `${cap} or less: the PBX returns at most ${cap} rows per request for this list`, top);
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

/** What the hook does after a page's rows were taken, in page order. */
export type PageVerdict =
	/** later pages (in flight or not) stay valid */
	| 'continue'
	/** the list is complete: drop what is in flight */
	| 'done'
	/** offsets moved (a cap): drop what is in flight and ask the planner again */
	| 'replan';

/**
 * Which pages to request, up to `parallel` at once, with no row lost or repeated. Without a total
 * one page at a time, until a short page; once the first page reported `@odata.count`, the pages
 * up to that total are known and several can be in flight. Pages are taken in offset order, so
 * rows come out in PBX order. No I/O here: the pagination hook sends and reports back.
 */
export class PageWindow {
	private size: number;
	private nextSkip: number;
	private end: number;
	private counted = false;
	private finished = false;

	constructor(
		private readonly plan: Required<Pick<PagingPlan, 'pages'>> & PagingPlan,
		private readonly parallel: number,
	) {
		this.size = plan.pages.size;
		this.nextSkip = plan.pages.start;
		this.end = plan.max === undefined ? Infinity : plan.pages.start + plan.max;
	}

	/** The page size in use (shrinks to a cap the PBX names). */
	get pageSize(): number {
		return this.size;
	}

	/** The next page to send while `inFlight` pages are pending; undefined: wait (or done). */
	next(inFlight: number): Page | undefined {
		if (this.finished || this.nextSkip >= this.end) return undefined;
		if (inFlight >= (this.counted ? this.parallel : 1)) return undefined;
		// Limit 0 asks nothing; Top 0 asks once (count only).
		if (this.plan.max === 0) return undefined;
		const page = { top: Math.min(this.size, this.end - this.nextSkip), skip: this.nextSkip };
		if (page.top === 0) this.finished = true;
		else this.nextSkip += page.top;
		return page;
	}

	/** A page's rows arrived (`total`: its @odata.count, if any). */
	received(page: Page, rows: number, total?: number): PageVerdict {
		if (total !== undefined && !this.counted) {
			this.counted = true;
			this.end = Math.min(this.end, total);
		}
		// More rows than asked: $top was ignored, further offsets would repeat rows.
		if (rows > page.top || rows === 0 || page.top === 0) return this.finish();
		if (rows === page.top) return 'continue';
		// A short page ends the list, unless the count says more rows follow: the PBX capped
		// the page without saying so. Go on from there at the size it answered.
		if (!this.counted || page.skip + rows >= this.end) return this.finish();
		this.size = rows;
		this.nextSkip = page.skip + rows;
		return 'replan';
	}

	/** The PBX refused the page's $top and named a smaller cap: go on from this page at that size. */
	capped(page: Page, cap: number): PageVerdict {
		this.size = cap;
		this.nextSkip = page.skip;
		return 'replan';
	}

	private finish(): PageVerdict {
		this.finished = true;
		return 'done';
	}
}

export const DEFAULT_PARALLEL_REQUESTS = 4;
const MAX_PARALLEL_REQUESTS = 16;

/** Options → Parallel Requests: pages in flight at once once the total is known (1 = one by one). */
export function parallelRequests(option: unknown): number {
	if (option === undefined || option === null || option === '') return DEFAULT_PARALLEL_REQUESTS;
	const n = typeof option === 'string' ? Number(option) : option;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_PARALLEL_REQUESTS) {
		throw new InputProblem('parallelRequests', `a whole number from 1 to ${MAX_PARALLEL_REQUESTS}`, option);
	}
	return n;
}

/** `@odata.count` of an answer read as bytes (it precedes `value`, so the head suffices) or parsed. */
export function countOf(body: unknown): number | undefined {
	if (Buffer.isBuffer(body)) {
		const head = /"@odata\.count"\s*:\s*(\d+)/.exec(body.subarray(0, 512).toString('utf8'));
		return head ? Number(head[1]) : undefined;
	}
	const count = (body as { '@odata.count'?: unknown } | undefined)?.['@odata.count'];
	return typeof count === 'number' ? count : undefined;
}
