import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError, sleep, type NodeApiError } from 'n8n-workflow';
import type { XapiOperationTable } from '../types';
import { sendWithTokenRetry } from '../../auth/tokenRetry';
import { callError, type FailedRequest } from '../nodeErrors';
import { httpFailureOf, topCapOf } from '../odata/errors';
import {
	countOf,
	limitRows,
	PageWindow,
	pageQuery,
	parallelRequests,
	planPaging,
	type Page,
	type PagingPlan,
} from '../odata/paging';
import { requestFault, retryDelay } from '../odata/retry';
import { timeoutSeconds } from '../odata/timeout';
import { readCall, withInputErrors } from './context';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

const CREDENTIAL_TYPE = 'threeCxApi';

/** `$top` caps the PBX named, by operation path, for the life of the process: later calls start
 * at the cap instead of being refused again. */
const learnedCaps = new Map<string, number>();

/** One call as the sending code needs it. */
interface Call {
	ctx: IExecutePaginationFunctions;
	requestData: RequestData;
	timeoutSeconds: number;
}

/** Pagination hook, run for every request: one call, or $top/$skip pages for collections
 * (Return All / Limit, planned by odata/paging.ts), each request with the node's timeout and
 * retries of transient faults (odata/retry.ts), and readable errors. 401 stays with n8n's
 * refresh-and-retry, which happens inside each request before an error reaches this hook. */
export function requestPaginator(table: XapiOperationTable) {
	return async function paginateXapiRequest(
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		const { op, options } = readCall(this, table);
		// Before the first request, so bad input fails with nothing sent.
		const settings = withInputErrors(this, () => ({
			plan: planPaging(
				op,
				(name, fallback) => this.getNodeParameter(name, fallback),
				requestData.options.qs,
				learnedCaps.get(op.path),
			),
			timeoutSeconds: timeoutSeconds(op, options.timeout),
			parallel: parallelRequests(options.parallelRequests),
		}));
		const { plan } = settings;
		const call: Call = { ctx: this, requestData, timeoutSeconds: settings.timeoutSeconds };
		const raw = options.rawResponse === true;
		if (plan.pages) return await fetchPages(call, { ...plan, pages: plan.pages }, raw, settings.parallel, op.path);
		const answer = await send(call, requestData.options.qs);
		if (!answer.ok) throw answer.error;
		return plan.max === undefined ? answer.items : limitRows(answer.items, plan.max, raw);
	};
}

/** A request's outcome: its items and @odata.count, or the error for the user (never thrown by
 * send, so parallel pages cannot reject unobserved) and the $top cap the PBX named, if any. */
type Settled = { ok: true; items: INodeExecutionData[]; count?: number } | { ok: false; error: NodeApiError | NodeOperationError; cap?: number };

/** Pages in offset order, up to `parallel` in flight once the first page told the total. */
async function fetchPages(
	call: Call,
	plan: PagingPlan & Required<Pick<PagingPlan, 'pages'>>,
	raw: boolean,
	parallel: number,
	path: string,
): Promise<INodeExecutionData[]> {
	const qs = call.requestData.options.qs;
	const userCount = qs?.$count === true;
	// The total lets later pages go out together; without parallelism it buys nothing.
	let askCount = parallel > 1 && !userCount && (plan.max === undefined || plan.max > plan.pages.size);
	const window = new PageWindow(plan, parallel);
	const rows: unknown[] = [];
	let envelope: IDataObject | undefined;
	let inFlight: Array<{ page: Page; result: Promise<Settled> }> = [];
	for (;;) {
		for (let page = window.next(inFlight.length); page; page = window.next(inFlight.length)) {
			const query = pageQuery(qs, page);
			if (askCount) query.$count = true;
			askCount = false;
			inFlight.push({ page, result: send(call, query) });
		}
		const head = inFlight.shift();
		if (!head) break;
		const settled = await head.result;
		if (!settled.ok) {
			const { cap } = settled;
			if (cap === undefined || cap < 1 || cap >= head.page.top) throw settled.error;
			learnedCaps.set(path, cap);
			// Options → Top is the user's: the error says the cap (and the next run fails before sending).
			if (plan.pages.userTop) throw settled.error;
			inFlight = [];
			window.capped(head.page, cap);
			// The refused first page brought no count: ask again with the page that replaces it.
			if (!rows.length) askCount = parallel > 1 && !userCount;
			continue;
		}
		let pageRows: unknown[] = settled.items;
		if (raw) {
			const json = settled.items[0]?.json;
			if (!Array.isArray(json?.value)) return settled.items;
			envelope ??= json;
			pageRows = json.value;
		}
		for (const row of pageRows) rows.push(row);
		const verdict = window.received(head.page, pageRows.length, settled.count);
		if (verdict !== 'continue') inFlight = [];
		if (verdict === 'done') break;
	}
	const kept = plan.max === undefined || rows.length <= plan.max ? rows : rows.slice(0, plan.max);
	if (!raw) return kept as INodeExecutionData[];
	if (!envelope) return [];
	const json: IDataObject = { ...envelope, value: kept as IDataObject[] };
	if (!userCount) delete json['@odata.count'];
	return [{ json, pairedItem: { item: call.ctx.getItemIndex() } }];
}

/** One request with the node's timeout, retried on transient faults, shaped by the node's
 * postReceive hooks (as n8n's own makeRoutingRequest would) and with the answer's @odata.count.
 * A failure for good comes back as the error naming this request. */
async function send(call: Call, qs: IDataObject | undefined): Promise<Settled> {
	// The routing options are n8n's IHttpRequestOptions once preSend ran (its type is looser).
	const options = {
		...call.requestData.options,
		qs,
		timeout: call.timeoutSeconds * 1000,
		returnFullResponse: true,
	} as IHttpRequestOptions;
	for (let tries = 1; ; tries++) {
		let response: IN8nHttpFullResponse;
		try {
			// A rejected token is sent again (bounded): each send reads the credential anew, so a token
			// another n8n process (queue-mode worker) stored meanwhile is used.
			response = (await sendWithTokenRetry(options, async (attempt) =>
				await call.ctx.helpers.httpRequestWithAuthentication.call(call.ctx, CREDENTIAL_TYPE, attempt),
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const delay = retryDelay(requestFault(error, options.method ?? 'GET'), tries);
			if (delay === undefined) {
				const { ctx } = call;
				const failed = callError(ctx.getNode(), error, describeRequest(call, qs), ctx.getItemIndex());
				return { ok: false, error: failed, cap: topCapOf(httpFailureOf(error)) };
			}
			await sleep(delay);
			continue;
		}
		try {
			return { ok: true, items: await shape(call, response), count: countOf(response.body) };
		} catch (error) {
			// The answer could not be shaped: NodeOperationErrors pass through callError.
			return { ok: false, error: callError(call.ctx.getNode(), error, describeRequest(call, qs), call.ctx.getItemIndex()) };
		}
	}
}

async function shape(call: Call, response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
	for (const { actions } of call.requestData.postReceive) {
		for (const action of actions) {
			if (typeof action !== 'function') {
				throw new NodeOperationError(call.ctx.getNode(), 'Only function postReceive actions are supported');
			}
			items = await action.call(call.ctx, items, response);
		}
	}
	return items;
}

/** The request as errors name it: method, path with its values, and the query. */
function describeRequest(call: Call, qs: IDataObject | undefined): FailedRequest {
	const query = Object.entries(qs ?? {})
		.map(([key, value]) => `${key}=${String(value)}`)
		.join('&');
	const url = call.requestData.options.url ?? '';
	return {
		method: call.requestData.options.method ?? 'GET',
		path: query ? `${url}?${query}` : url,
		timeoutSeconds: call.timeoutSeconds,
	};
}
