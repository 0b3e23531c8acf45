import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NODE_PARAMETER, type XapiBody, type XapiField, type XapiOperationTable } from '../types';
import { addedFieldsBody, fieldsBody, parseJsonBody } from '../odata/body';
import { extensionFor, multipartBody } from '../odata/files';
import { buildQuery } from '../odata/query';
import { buildPath } from '../odata/url';
import { toText } from '../odata/values';
import { readCall, readParameter, readPathValues, withInputErrors } from './context';

/** preSend hook: validates every input, then sets method, URL, query, body. Nothing is sent
 * when an input is bad. Every answer is read as bytes: the Content-Type decides JSON or file.
 * Return All and Limit are the pagination hook's (paginate.ts). */
export function requestBuilder(table: XapiOperationTable) {
	return async function buildXapiRequest(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { op, options } = readCall(this, table);
		const timeZone = this.getTimezone();
		const built = withInputErrors(this, () => {
			const url = buildPath(op.path, op.params, readPathValues(this, op), timeZone);
			const query = buildQuery(options, op.query);
			// Options → Top/Skip: the first page; the pagination hook reads them back from here.
			const qs: IDataObject = { ...query.qs };
			if (query.top !== undefined) qs.$top = query.top;
			if (query.skip) qs.$skip = query.skip;
			return { url, qs, body: op.body?.kind === 'upload' ? undefined : jsonBody(this, op.body, timeZone) };
		});
		const headers: IDataObject = { ...requestOptions.headers };
		// The node asks for JSON by default; file answers must not be refused by negotiation.
		if (op.output === 'file') headers.Accept = '*/*';
		const request: IHttpRequestOptions = {
			...requestOptions,
			method: op.method,
			url: built.url,
			qs: built.qs,
			headers,
			encoding: 'arraybuffer',
			body: built.body,
		};
		if (op.body?.kind === 'upload') {
			const upload = await uploadBody(this, op.body.part);
			request.body = upload.body;
			headers['Content-Type'] = upload.contentType;
		} else if (built.body !== undefined) {
			// As text: n8n's HTTP layer drops an empty object body, and `{}` must still go out.
			request.body = JSON.stringify(built.body);
			headers['Content-Type'] = 'application/json';
		}
		if (request.body === undefined) delete request.body;
		return request;
	};
}

/** The JSON body, or undefined when none goes out: JSON mode sends what it is given; fields mode
 * sends the fields set, and `{}` when none is but the spec requires a body. */
function jsonBody(ctx: IExecuteSingleFunctions, body: XapiBody | undefined, timeZone: string) {
	if (!body || body.kind === 'upload') return undefined;
	if (ctx.getNodeParameter(NODE_PARAMETER.bodyMode, 'fields') === 'json') {
		return parseJsonBody(ctx.getNodeParameter(NODE_PARAMETER.jsonBody, '{}'), NODE_PARAMETER.jsonBody);
	}
	const topLevel = (field: XapiField) => field.required || body.kind === 'action';
	const fields = fieldsBody(body.fields.filter(topLevel), (field) => readParameter(ctx, field.field), timeZone);
	if (body.kind === 'entity') {
		const added = (ctx.getNodeParameter(body.collection, {}) ?? {}) as IDataObject;
		Object.assign(fields, addedFieldsBody(body.fields.filter((field) => !topLevel(field)), added, timeZone));
	}
	return body.required || Object.keys(fields).length > 0 ? fields : undefined;
}

async function uploadBody(ctx: IExecuteSingleFunctions, part: string) {
	const property = withInputErrors(ctx, () =>
		toText(ctx.getNodeParameter(NODE_PARAMETER.inputBinaryProperty, 'data'), NODE_PARAMETER.inputBinaryProperty),
	);
	const meta = ctx.helpers.assertBinaryData(property);
	const data = await ctx.helpers.getBinaryDataBuffer(property);
	const mimeType = meta.mimeType || 'application/octet-stream';
	const fileName = meta.fileName || `upload.${meta.fileExtension || extensionFor(mimeType)}`;
	return multipartBody(part, { data, fileName, mimeType });
}
