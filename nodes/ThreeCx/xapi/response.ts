import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
} from 'n8n-workflow';
import type { XapiOperationTable } from './types';
import { readCall, readPathValues, withInputErrors } from './context';
import { fileNameFor, isJsonContentType, mimeTypeOf } from './files';
import { isSecretKey, rowsOf, stripSecrets } from './output';
import { operationName } from './url';
import { toText } from './values';

/** postReceive hook: bytes → items. JSON rows/entities/values become items paired with the
 * input item, 204 becomes `{ success: true, ...key }`, any other Content-Type a binary file. */
export function responseShaper(table: XapiOperationTable) {
	return async function shapeXapiResponse(
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const { op, options } = readCall(this, table);
		const pairedItem = { item: this.getItemIndex() };
		const bytes = toBytes(response.body);
		const contentType = response.headers['content-type'];
		const keys = () => primitives(readPathValues(this, op));

		if (bytes?.length && !isJsonContentType(contentType) && !(contentType === undefined && parsesAsJson(bytes))) {
			const property = withInputErrors(this, () =>
				toText(options.binaryPropertyName ?? 'data', 'binaryPropertyName').trim(),
			) || 'data';
			const mimeType = mimeTypeOf(contentType) || 'application/octet-stream';
			const single = op.params.length === 1 ? Object.values(keys())[0] : undefined;
			const base = single === undefined ? operationName(op.path) : `${operationName(op.path)}-${single}`;
			const fileName = fileNameFor(response.headers['content-disposition'], mimeType, base);
			const binary = await this.helpers.prepareBinaryData(bytes, fileName, mimeType);
			return [{ json: { fileName, mimeType, fileSize: bytes.length }, binary: { [property]: binary }, pairedItem }];
		}

		const parsed = bytes ? parseJson(this, bytes) : response.body;
		const body = options.includeSecrets === true ? parsed : stripSecrets(parsed);
		if (response.statusCode === 204 || body === undefined || body === null || body === '') {
			return [{ json: { success: true, ...keys() }, pairedItem }];
		}
		if (options.rawResponse === true) {
			const json = typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : { value: body };
			return [{ json, pairedItem }];
		}
		return rowsOf(body).map((json) => ({ json, pairedItem }));
	};
}

/** Response body as bytes; undefined when something already parsed it. */
function toBytes(body: unknown): Buffer | undefined {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return undefined;
}

function parsesAsJson(bytes: Buffer): boolean {
	try {
		JSON.parse(bytes.toString('utf8'));
		return true;
	} catch {
		return false;
	}
}

function parseJson(ctx: IExecuteSingleFunctions, bytes: Buffer): unknown {
	const text = bytes.toString('utf8');
	if (!text.trim()) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		throw new NodeOperationError(ctx.getNode(), 'The PBX answered with invalid JSON', {
			itemIndex: ctx.getItemIndex(),
		});
	}
}

/** Key and parameter values that can be echoed in outputs (no objects such as dates, no secrets). */
function primitives(values: Record<string, unknown>): IDataObject {
	return Object.fromEntries(
		Object.entries(values).filter(
			([name, value]) => ['string', 'number', 'boolean'].includes(typeof value) && !isSecretKey(name),
		),
	) as IDataObject;
}
