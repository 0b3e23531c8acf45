import { defaultPageSize, nextPage, planPaging, type Page, type PagingPlan } from '../../../nodes/ThreeCx/xapi/paging';

/** Runs a plan against a server holding `total` rows that caps $top at `cap` (or ignores it). */
function simulate(plan: PagingPlan, total: number, cap = Infinity, ignoresTop = false) {
	const pages: Page[] = [];
	const rows: number[] = [];
	let page = nextPage(plan, 0);
	while (page) {
		pages.push(page);
		if (page.top > cap) throw new Error('over cap');
		const end = ignoresTop ? total : Math.min(total, page.skip + page.top);
		const got = Array.from({ length: Math.max(0, end - (ignoresTop ? 0 : page.skip)) }, (_, i) => (ignoresTop ? 0 : page!.skip) + i);
		rows.push(...got);
		page = nextPage(plan, rows.length, { top: page.top, rows: got.length });
		if (pages.length > 100) throw new Error('runaway');
	}
	return { pages, rows: plan.max === undefined ? rows : rows.slice(0, plan.max) };
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

	test('plan defaults: page size from the operation, start 0', () => {
		expect(planPaging({ returnAll: true, limit: 50, defaultPageSize: 100 })).toEqual({ pageSize: 100, start: 0, max: undefined });
		expect(planPaging({ returnAll: false, limit: 50, top: 500, skip: 7, defaultPageSize: 100 })).toEqual({ pageSize: 500, start: 7, max: 50 });
	});

	test.each<[string, Omit<Parameters<typeof planPaging>[0], 'defaultPageSize'>, number, number, number]>([
		['return all 250 in pages of 100', { returnAll: true, limit: 50 }, 250, 250, 3],
		['return all, exact multiple needs a final empty page', { returnAll: true, limit: 50 }, 200, 200, 3],
		['limit 120 of 250', { returnAll: false, limit: 120 }, 250, 120, 2],
		['limit 50 of 250, one request', { returnAll: false, limit: 50 }, 250, 50, 1],
		['limit 500 of 250', { returnAll: false, limit: 500 }, 250, 250, 3],
		['page size 30', { returnAll: true, limit: 0, top: 30 }, 95, 95, 4],
		['skip 240', { returnAll: true, limit: 0, skip: 240 }, 250, 10, 1],
		['empty set', { returnAll: true, limit: 0 }, 0, 0, 1],
		['limit 0', { returnAll: false, limit: 0 }, 250, 0, 0],
		['top 0 (count only)', { returnAll: true, limit: 0, top: 0 }, 250, 0, 1],
	])('%s', (_, input, total, expectedRows, expectedPages) => {
		const { pages, rows } = simulate(planPaging({ ...input, defaultPageSize: 100 }), total, input.top ?? 100);
		expect(rows.length).toBe(expectedRows);
		expect(new Set(rows).size).toBe(rows.length);
		expect(rows[0] ?? input.skip ?? 0).toBe(input.skip ?? 0);
		expect(pages.length).toBe(expectedPages);
	});

	test('limit 120 asks 100 then 20', () => {
		expect(simulate(planPaging({ returnAll: false, limit: 120, defaultPageSize: 100 }), 250).pages).toEqual([
			{ top: 100, skip: 0 },
			{ top: 20, skip: 100 },
		]);
	});

	test('a server that ignores $top is read once', () => {
		const { pages, rows } = simulate(planPaging({ returnAll: false, limit: 120, defaultPageSize: 100 }), 250, Infinity, true);
		expect(pages).toHaveLength(1);
		expect(rows).toHaveLength(120);
	});
});
