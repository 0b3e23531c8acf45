import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import type { XapiOperationTable } from '../types';
import { callError } from '../nodeErrors';
import { limitRows, nextPage, pageQuery, planPaging, type PagingPlan } from '../odata/paging';
import { readCall, withInputErrors } from './context';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** Pagination hook, run for every request: one call, or $top/$skip pages for collections
 * (Return All / Limit, planned by odata/paging.ts), and readable errors. 401 stays with n8n's
 * refresh-and-retry, which happens inside each request before an error reaches this hook. */
export function requestPaginator(table: XapiOperationTable) {
	return async function paginateXapiRequest(
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		const { op, options } = readCall(this, table);
		// Before the first request, so a bad Limit fails with nothing sent.
		const plan = withInputErrors(this, () =>
			planPaging(op, (name, fallback) => this.getNodeParameter(name, fallback), requestData.options.qs),
		);
		const raw = options.rawResponse === true;
		try {
			if (plan.pages) return await fetchPages(this, requestData, plan, raw);
			const items = await this.makeRoutingRequest(requestData);
			return plan.max === undefined ? items : limitRows(items, plan.max, raw);
		} catch (error) {
			throw callError(this.getNode(), error, op, this.getItemIndex());
		}
	};
}

async function fetchPages(
	ctx: IExecutePaginationFunctions,
	requestData: RequestData,
	plan: PagingPlan,
	raw: boolean,
): Promise<INodeExecutionData[]> {
	const rows: unknown[] = [];
	let envelope: IDataObject | undefined;
	for (let page = nextPage(plan, 0); page; ) {
		const qs = pageQuery(requestData.options.qs, page);
		const items = await ctx.makeRoutingRequest({ ...requestData, options: { ...requestData.options, qs } });
		let pageRows: unknown[] = items;
		if (raw) {
			const json = items[0]?.json;
			if (!Array.isArray(json?.value)) return items;
			envelope ??= json;
			pageRows = json.value;
		}
		for (const row of pageRows) rows.push(row);
		page = nextPage(plan, rows.length, { top: page.top, rows: pageRows.length });
	}
	const kept = plan.max === undefined || rows.length <= plan.max ? rows : rows.slice(0, plan.max);
	if (!raw) return kept as INodeExecutionData[];
	return envelope ? [{ json: { ...envelope, value: kept as IDataObject[] }, pairedItem: { item: ctx.getItemIndex() } }] : [];
}
