/**
 * HTTP for the trigger: every request goes through the 3CX credential (token, `{server}/xapi/v1`,
 * TLS choice), and every failure becomes the same readable error the 3CX node gives.
 */
import type { IBinaryData, IDataObject, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sendWithTokenRetry } from '../ThreeCx/auth/tokenRetry';
import { fileNameFor, mimeTypeOf, responseBytes } from '../ThreeCx/xapi/odata/files';
import { rowsOf, stripSecrets } from '../ThreeCx/xapi/odata/output';
import { callError } from '../ThreeCx/xapi/nodeErrors';
import { MAX_PAGES, hasMorePages, recordingFileUrl, type RowsRequest } from './poll/requests';

async function call(context: IPollFunctions, options: IHttpRequestOptions): Promise<unknown> {
	try {
		return await sendWithTokenRetry(options, async (attempt) => await context.helpers.httpRequestWithAuthentication.call(context, 'threeCxApi', attempt));
	} catch (error) {
		throw callError(context.getNode(), error, { method: options.method ?? 'GET', path: options.url });
	}
}

/**
 * Rows of a list or report, page by page, until a short page (or, for lists sorted newest
 * first, a page reaching back before `fromMs`). `maxPages` caps the pages read; a window that
 * needs more fails rather than silently losing events.
 */
export async function fetchRows(context: IPollFunctions, request: RowsRequest, fromMs: number, maxPages = MAX_PAGES): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (let page = 0; ; page++) {
		if (page === maxPages) {
			if (maxPages < MAX_PAGES) return rows;
			throw new NodeOperationError(context.getNode(), `The PBX returned more than ${maxPages * 100} rows for one poll`, {
				description: 'Lower Options → Overlap (Minutes), narrow the filters, or poll more often. The next poll repeats this window.',
			});
		}
		const top = Number(request.qs.$top);
		const body = await call(context, {
			method: 'GET',
			url: request.url,
			qs: { ...request.qs, ...(page ? { $skip: page * top } : {}) },
			headers: { Accept: 'application/json' },
			json: true,
		});
		const pageRows = stripSecrets(rowsOf(body));
		rows.push(...pageRows);
		if (!hasMorePages(request, pageRows, fromMs)) return rows;
	}
}

/** The recording's audio as n8n binary data. */
export async function downloadRecording(context: IPollFunctions, id: unknown): Promise<IBinaryData> {
	const url = recordingFileUrl(id);
	const response = (await call(context, {
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		json: false,
	})) as { body: unknown; headers: Record<string, unknown> };
	const bytes = responseBytes(response.body) ?? Buffer.alloc(0);
	const mimeType = mimeTypeOf(response.headers['content-type']) || 'audio/x-wav';
	const fileName = fileNameFor(response.headers['content-disposition'], mimeType, `recording-${String(id)}`);
	return await context.helpers.prepareBinaryData(bytes, fileName, mimeType);
}
