import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import {
	defaultPageSize,
	countOf,
	limitRows,
	PageWindow,
	pageQuery,
	parallelRequests,
	planPaging,
	type Page,
	type PagingPlan,
} from '../../../nodes/ThreeCx/xapi/odata/paging';
import type { XapiOperation } from '../../../nodes/ThreeCx/xapi/types';
import { InputProblem } from '../../../nodes/ThreeCx/xapi/odata/values';

type Op = Pick<XapiOperation, 'output' | 'paged' | 'path'>;
const USERS: Op = { output: 'collection', paged: true, path: '/Users' };
const REPORT: Op = { output: 'collection', paged: true, path: '/ReportCallLogData/Pbx.GetCallLogData(periodFrom={periodFrom})' };

interface Input {
	returnAll?: boolean;
	limit?: unknown;
	/** Options → Top/Skip as the request builder put them in the query. */
	top?: number;
	skip?: number;
}

/** The plan for node parameters `returnAll`/`limit` (absent ones take planPaging's fallbacks). */
function plan({ top, skip, ...parameters }: Input, op: Op = USERS): PagingPlan {
	const read = (name: string, fallback: unknown) => (name in parameters ? (parameters as IDataObject)[name] : fallback);
	const qs: IDataObject = { $filter: 'x' };
	if (top !== undefined) qs.$top = top;
	if (skip) qs.$skip = skip;
	return planPaging(op, read, qs);
}

/** Runs a plan one page at a time against a server holding `total` rows that caps $top at `cap`
 * (or ignores it), reporting no count: pages run until a short page. */
function simulate(paging: PagingPlan, total: number, cap = Infinity, ignoresTop = false) {
	const pages: Page[] = [];
	const rows: number[] = [];
	if (!paging.pages) return { pages, rows };
	const window = new PageWindow({ ...paging, pages: paging.pages }, 1);
	for (let page = window.next(0); page; page = window.next(0)) {
		pages.push(page);
		if (page.top > cap) throw new Error('over cap');
		const from = ignoresTop ? 0 : page.skip;
		const end = ignoresTop ? total : Math.min(total, page.skip + page.top);
		const got = Array.from({ length: Math.max(0, end - from) }, (_, i) => from + i);
		rows.push(...got);
		if (window.received(page, got.length) === 'done') break;
		if (pages.length > 100) throw new Error('runaway');
	}
	return { pages, rows: paging.max === undefined ? rows : rows.slice(0, paging.max) };
}

/**
 * A pull through PageWindow with `parallel` pages in flight, answered out of order (the last one
 * sent first) by a PBX holding `total` rows that reports @odata.count, names `namedCap` (400) or
 * silently answers at most `silentCap` rows. Rows are taken in page order, like the hook does.
 */
function pull(paging: PagingPlan, total: number, parallel: number, pbx: { namedCap?: number; silentCap?: number } = {}) {
	const window = new PageWindow({ ...paging, pages: paging.pages! }, parallel);
	const sent: Page[] = [];
	const rows: number[] = [];
	let inFlight: Page[] = [];
	let maxInFlight = 0;
	for (let guard = 0; guard < 1000; guard++) {
		for (let page = window.next(inFlight.length); page; page = window.next(inFlight.length)) {
			sent.push(page);
			inFlight.push(page);
		}
		maxInFlight = Math.max(maxInFlight, inFlight.length);
		const head = inFlight.shift();
		if (!head) break;
		if (pbx.namedCap !== undefined && head.top > pbx.namedCap) {
			inFlight = [];
			window.capped(head, pbx.namedCap);
			continue;
		}
		const size = Math.min(head.top, pbx.silentCap ?? Infinity);
		const got = Array.from({ length: Math.max(0, Math.min(total, head.skip + size) - head.skip) }, (_, i) => head.skip + i);
		rows.push(...got);
		const verdict = window.received(head, got.length, total);
		if (verdict !== 'continue') inFlight = [];
		if (verdict === 'done') break;
	}
	return { sent, rows, maxInFlight };
}

describe('paging', () => {
	test.each([
		['/Users', 100],
		['/Users({Id})/Groups', 100],
		['/ReportCallLogData/Pbx.GetCallLogData(periodFrom={periodFrom},periodTo={periodTo})', 1000],
		['/Users({Id})/Pbx.GetPhoneSecret()', 1000],
	])('default page size of %s is %d', (path, size) => {
		expect(defaultPageSize(path)).toBe(size);
	});

	test('plan defaults: page size from the operation, start 0, Limit 50', () => {
		expect(plan({ returnAll: true })).toEqual({ max: undefined, pages: { size: 100, start: 0, userTop: false } });
		expect(plan({ returnAll: false, limit: 50, top: 500, skip: 7 })).toEqual({ max: 50, pages: { size: 500, start: 7, userTop: true } });
		expect(plan({ returnAll: false })).toEqual({ max: 50, pages: { size: 100, start: 0, userTop: false } });
		expect(plan({ returnAll: true }, { ...USERS, path: '/ReportCallLogData/Pbx.GetCallLogData(a={a})' }).pages?.size).toBe(1000);
	});

	test('paged operations are Limit-ed unless Return All is on; one-piece collections keep everything unless Limit-ed', () => {
		expect(plan({})).toEqual({ max: 50, pages: { size: 100, start: 0, userTop: false } });
		const onePiece: Op = { output: 'collection', path: '/Users/Pbx.GetDuplicatedEmails' };
		expect(plan({}, onePiece)).toEqual({ max: undefined });
		expect(plan({ returnAll: false, limit: 3 }, onePiece)).toEqual({ max: 3 });
	});

	test('anything but a collection is one request, whatever the parameters say', () => {
		for (const output of ['entity', 'value', 'none', 'file'] as const) {
			expect(plan({ returnAll: false, limit: -1 }, { output, path: '/Users({Id})' })).toEqual({});
		}
	});

	test('Limit is read only without Return All, and must be a whole number of 0 or more', () => {
		expect(plan({ returnAll: true, limit: 'junk' }).max).toBeUndefined();
		expect(plan({ returnAll: false, limit: '120' }).max).toBe(120);
		for (const limit of [-3, 1.5, 'ten', null]) {
			expect(() => plan({ returnAll: false, limit })).toThrow(InputProblem);
			expect(() => plan({ returnAll: false, limit })).toThrow(/^Invalid "limit": expected a whole number of 0 or more/);
		}
	});

	test.each<[string, Input, number, number, number]>([
		['return all 250 in pages of 100', { returnAll: true }, 250, 250, 3],
		['return all, exact multiple needs a final empty page', { returnAll: true }, 200, 200, 3],
		['limit 120 of 250', { returnAll: false, limit: 120 }, 250, 120, 2],
		['limit 50 of 250, one request', { returnAll: false, limit: 50 }, 250, 50, 1],
		['limit 500 of 250', { returnAll: false, limit: 500 }, 250, 250, 3],
		['page size 30', { returnAll: true, top: 30 }, 95, 95, 4],
		['skip 240', { returnAll: true, skip: 240 }, 250, 10, 1],
		['empty set', { returnAll: true }, 0, 0, 1],
		['limit 0', { returnAll: false, limit: 0 }, 250, 0, 0],
		['top 0 (count only)', { returnAll: true, top: 0 }, 250, 0, 1],
	])('%s', (_, input, total, expectedRows, expectedPages) => {
		const { pages, rows } = simulate(plan(input), total, input.top ?? 100);
		expect(rows.length).toBe(expectedRows);
		expect(new Set(rows).size).toBe(rows.length);
		expect(rows[0] ?? input.skip ?? 0).toBe(input.skip ?? 0);
		expect(pages.length).toBe(expectedPages);
	});

	test('limit 120 asks 100 then 20', () => {
		expect(simulate(plan({ returnAll: false, limit: 120 }), 250).pages).toEqual([
			{ top: 100, skip: 0 },
			{ top: 20, skip: 100 },
		]);
	});

	test('a server that ignores $top is read once', () => {
		const { pages, rows } = simulate(plan({ returnAll: false, limit: 120 }), 250, Infinity, true);
		expect(pages).toHaveLength(1);
		expect(rows).toHaveLength(120);
	});

	test('Limit 0 asks for nothing', () => {
		expect(new PageWindow({ max: 0, pages: { size: 100, start: 0 } }, 4).next(0)).toBeUndefined();
	});

	test("a page's query: the call's options with this page's $top and $skip", () => {
		const qs = { $filter: 'Id gt 0', $top: 30, $skip: 10 };
		expect(pageQuery(qs, { top: 30, skip: 10 })).toEqual({ $filter: 'Id gt 0', $top: 30, $skip: 10 });
		expect(pageQuery(qs, { top: 20, skip: 0 })).toEqual({ $filter: 'Id gt 0', $top: 20 });
		expect(pageQuery(undefined, { top: 100, skip: 200 })).toEqual({ $top: 100, $skip: 200 });
		expect(qs).toEqual({ $filter: 'Id gt 0', $top: 30, $skip: 10 });
	});
});

describe('PageWindow: count, parallel pages, caps', () => {
	const all = (op = REPORT) => plan({ returnAll: true }, op);

	test.each([
		[50_000, 4, 50],
		[50_000, 1, 50],
		[1, 4, 1],
		[0, 4, 1],
		[3000, 8, 3],
	])('%i rows with %i in flight: every row once, in order, in %i requests', (total, parallel, requests) => {
		const { sent, rows, maxInFlight } = pull(all(), total, parallel);
		expect(rows).toEqual(Array.from({ length: total }, (_, i) => i));
		expect(sent).toHaveLength(requests);
		expect(maxInFlight).toBeLessThanOrEqual(parallel);
	});

	test('one page at a time until the first page told the total, then up to the window', () => {
		const window = new PageWindow({ ...all(), pages: all().pages! }, 4);
		expect(window.next(0)).toEqual({ top: 1000, skip: 0 });
		expect(window.next(1)).toBeUndefined();
		expect(window.received({ top: 1000, skip: 0 }, 1000, 4500)).toBe('continue');
		expect([window.next(0), window.next(1), window.next(2), window.next(3), window.next(4)]).toEqual([
			{ top: 1000, skip: 1000 },
			{ top: 1000, skip: 2000 },
			{ top: 1000, skip: 3000 },
			{ top: 500, skip: 4000 },
			undefined,
		]);
	});

	test('Limit and Skip bound the pages with a count', () => {
		const { sent, rows } = pull(plan({ returnAll: false, limit: 2500, skip: 100 }, REPORT), 10_000, 4);
		expect(rows).toEqual(Array.from({ length: 2500 }, (_, i) => 100 + i));
		expect(sent.map((page) => page.top)).toEqual([1000, 1000, 500]);
	});

	test('a cap the PBX names: the page is asked again at the cap, nothing lost or repeated', () => {
		const { sent, rows } = pull(all(), 1234, 4, { namedCap: 100 });
		expect(rows).toEqual(Array.from({ length: 1234 }, (_, i) => i));
		expect(sent[0]).toEqual({ top: 1000, skip: 0 });
		expect(sent[1]).toEqual({ top: 100, skip: 0 });
		expect(sent.slice(1).every((page) => page.top <= 100)).toBe(true);
	});

	test('a cap the PBX applies silently (short page before the count): go on at that size', () => {
		const { rows } = pull(all(), 2345, 4, { silentCap: 300 });
		expect(rows).toEqual(Array.from({ length: 2345 }, (_, i) => i));
	});

	test('the plan starts at a cap learned before; Options → Top above it is refused before sending', () => {
		expect(planPaging(REPORT, () => true, {}, 100).pages).toEqual({ size: 100, start: 0, userTop: false });
		expect(() => planPaging(REPORT, () => true, { $top: 500 }, 100)).toThrow(
			'Invalid "top": expected 100 or less: the PBX returns at most 100 rows per request for this list, got 500',
		);
		expect(planPaging(REPORT, () => true, { $top: 50 }, 100).pages).toEqual({ size: 50, start: 0, userTop: true });
	});

	test('a page larger than asked ($top ignored) ends the pull', () => {
		const window = new PageWindow({ ...all(), pages: all().pages! }, 4);
		const page = window.next(0)!;
		expect(window.received(page, 5000, 5000)).toBe('done');
		expect(window.next(0)).toBeUndefined();
	});

	test('Parallel Requests: 1 to 16, default 4', () => {
		expect(parallelRequests(undefined)).toBe(4);
		expect(parallelRequests('')).toBe(4);
		expect(parallelRequests(1)).toBe(1);
		expect(parallelRequests('8')).toBe(8);
		for (const bad of [0, 17, 2.5, 'many']) expect(() => parallelRequests(bad)).toThrow(/^Invalid "parallelRequests"/);
	});

	test('@odata.count from the head of an answer read as bytes, or from parsed JSON', () => {
		expect(countOf(Buffer.from('{"@odata.context":"x","@odata.count":50000,"value":[]}'))).toBe(50000);
		expect(countOf(Buffer.from('{"@odata.context":"x","value":[]}'))).toBeUndefined();
		expect(countOf({ '@odata.count': 7, value: [] })).toBe(7);
		expect(countOf(undefined)).toBeUndefined();
	});
});

describe('limitRows', () => {
	const items = (n: number): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: { Id: i } }));

	test('rows as items: the first max', () => {
		expect(limitRows(items(7), 3, false)).toEqual(items(3));
		expect(limitRows(items(2), 3, false)).toEqual(items(2));
	});

	test('Raw Response: the first max rows of the envelope, other properties kept', () => {
		const envelope = { json: { '@odata.count': 7, value: items(7).map((item) => item.json) } };
		expect(limitRows([envelope], 2, true)).toEqual([{ json: { '@odata.count': 7, value: [{ Id: 0 }, { Id: 1 }] } }]);
		expect(limitRows([{ json: { value: 'x' } }], 2, true)).toEqual([{ json: { value: 'x' } }]);
	});
});
