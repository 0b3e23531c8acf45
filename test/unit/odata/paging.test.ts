import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import {
	defaultPageSize,
	limitRows,
	nextPage,
	pageQuery,
	planPaging,
	type Page,
	type PagingPlan,
} from '../../../nodes/ThreeCx/xapi/odata/paging';
import type { XapiOperation } from '../../../nodes/ThreeCx/xapi/types';
import { InputProblem } from '../../../nodes/ThreeCx/xapi/odata/values';

type Op = Pick<XapiOperation, 'output' | 'paged' | 'path'>;
const USERS: Op = { output: 'collection', paged: true, path: '/Users' };

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

/** Runs a plan against a server holding `total` rows that caps $top at `cap` (or ignores it). */
function simulate(paging: PagingPlan, total: number, cap = Infinity, ignoresTop = false) {
	const pages: Page[] = [];
	const rows: number[] = [];
	let page = nextPage(paging, 0);
	while (page) {
		pages.push(page);
		if (page.top > cap) throw new Error('over cap');
		const end = ignoresTop ? total : Math.min(total, page.skip + page.top);
		const got = Array.from({ length: Math.max(0, end - (ignoresTop ? 0 : page.skip)) }, (_, i) => (ignoresTop ? 0 : page!.skip) + i);
		rows.push(...got);
		page = nextPage(paging, rows.length, { top: page.top, rows: got.length });
		if (pages.length > 100) throw new Error('runaway');
	}
	return { pages, rows: paging.max === undefined ? rows : rows.slice(0, paging.max) };
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
		expect(plan({ returnAll: true })).toEqual({ max: undefined, pages: { size: 100, start: 0 } });
		expect(plan({ returnAll: false, limit: 50, top: 500, skip: 7 })).toEqual({ max: 50, pages: { size: 500, start: 7 } });
		expect(plan({ returnAll: false })).toEqual({ max: 50, pages: { size: 100, start: 0 } });
		expect(plan({ returnAll: true }, { ...USERS, path: '/ReportCallLogData/Pbx.GetCallLogData(a={a})' }).pages?.size).toBe(1000);
	});

	test('paged operations are Limit-ed unless Return All is on; one-piece collections keep everything unless Limit-ed', () => {
		expect(plan({})).toEqual({ max: 50, pages: { size: 100, start: 0 } });
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

	test('a plan without pages asks for none', () => {
		expect(nextPage({ max: 10 }, 0)).toBeUndefined();
	});

	test("a page's query: the call's options with this page's $top and $skip", () => {
		const qs = { $filter: 'Id gt 0', $top: 30, $skip: 10 };
		expect(pageQuery(qs, { top: 30, skip: 10 })).toEqual({ $filter: 'Id gt 0', $top: 30, $skip: 10 });
		expect(pageQuery(qs, { top: 20, skip: 0 })).toEqual({ $filter: 'Id gt 0', $top: 20 });
		expect(pageQuery(undefined, { top: 100, skip: 200 })).toEqual({ $top: 100, $skip: 200 });
		expect(qs).toEqual({ $filter: 'Id gt 0', $top: 30, $skip: 10 });
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
