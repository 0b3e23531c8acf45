import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';
import { NODE_PARAMETER, type XapiOperation, type XapiOperationTable } from './types';
import { readCall } from './context';
import { buildQuery, toCount } from './query';
import { defaultPageSize, nextPage, planPaging, type PagingPlan } from './paging';
import { describeFailure, httpFailureOf, odataProblems } from './errors';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** Pagination hook, run for every request: one call, or $top/$skip pages for collections
 * (Return All / Limit), and readable errors. 401 stays with n8n's refresh-and-retry, which
 * happens inside each request before an error reaches this hook. */
export function requestRunner(table: XapiOperationTable) {
	return async function runXapiRequest(
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		const { op, options } = readCall(this, table);
		try {
			if (op.output !== 'collection') return await this.makeRoutingRequest(requestData);
			// Return All is shown for paged operations; answers that come in one piece keep everything.
			const returnAll = this.getNodeParameter(NODE_PARAMETER.returnAll, !op.paged) === true;
			const limit = returnAll ? 0 : toCount(this.getNodeParameter(NODE_PARAMETER.limit, 50), NODE_PARAMETER.limit);
			const raw = options.rawResponse === true;
			if (!op.paged) {
				const items = await this.makeRoutingRequest(requestData);
				return returnAll ? items : keepRows(items, limit, raw);
			}
			const { top, skip } = buildQuery(options, op.query);
			const plan = planPaging({ returnAll, limit, top, skip, defaultPageSize: defaultPageSize(op.path) });
			return await fetchPages(this, requestData, plan, raw);
		} catch (error) {
			throw toNodeError(this, error, op);
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
		const qs: IDataObject = { ...requestData.options.qs, $top: page.top };
		if (page.skip) qs.$skip = page.skip;
		else delete qs.$skip;
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

/** Limit on a collection answered in one piece. */
function keepRows(items: INodeExecutionData[], limit: number, raw: boolean): INodeExecutionData[] {
	if (!raw) return items.slice(0, limit);
	return items.map((item) =>
		Array.isArray(item.json.value) ? { ...item, json: { ...item.json, value: item.json.value.slice(0, limit) } } : item,
	);
}

/**
 * A fresh error built only from the status and the PBX's answer: the caught one carries the
 * axios request (with the Authorization header) in its cause.
 */
function toNodeError(ctx: IExecutePaginationFunctions, error: unknown, op: XapiOperation) {
	if (error instanceof NodeOperationError) return error;
	const itemIndex = ctx.getItemIndex();
	const failure = httpFailureOf(error);
	if (!failure) {
		// Network failures and the credential's own token errors: their words, not their request.
		const { message = 'Request failed', description } = thrownWords(error);
		return withMessage(new NodeApiError(ctx.getNode(), { message }, { message, description, itemIndex }), message);
	}
	const { message, description } = describeFailure(failure, { method: op.method, path: op.path });
	const response = { status: failure.status, problems: odataProblems(failure.body) } as unknown as JsonObject;
	const httpCode = String(failure.status);
	return withMessage(new NodeApiError(ctx.getNode(), response, { message, description, httpCode, itemIndex }), message);
}

/** n8n wraps a credential's own error (e.g. "Cannot reach the 3CX server") in a NodeApiError
 * with a generic message; the wrapped error says more. An axios cause would carry the request. */
function thrownWords(error: unknown): { message?: string; description?: string } {
	const cause = (error as { cause?: unknown })?.cause;
	const own = error instanceof NodeApiError && cause instanceof Error && !('isAxiosError' in cause);
	return (own ? cause : error) as { message?: string; description?: string };
}

/** NodeApiError swaps messages containing words like ECONNREFUSED for generic ones; ours say more. */
function withMessage(error: NodeApiError, message: string): NodeApiError {
	error.message = message;
	return error;
}
