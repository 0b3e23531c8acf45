import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import type { XapiOperationTable } from '../types';
import { operationError } from '../nodeErrors';
import { fileNameFor, isFileAnswer, mimeTypeOf, responseBytes } from '../odata/files';
import { parseJsonText } from '../odata/json';
import { isSecretKey, isTemplateAnswer, rowsOf, stripSecrets } from '../odata/output';
import { operationName } from '../odata/url';
import { toText } from '../odata/values';
import { readCall, readPathValues, withInputErrors } from './context';

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
		const bytes = responseBytes(response.body);
		const contentType = response.headers['content-type'];
		const keys = () => primitives(readPathValues(this, op));

		if (bytes && isFileAnswer(bytes, contentType)) {
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
		const keepSecrets = options.includeSecrets === true || isTemplateAnswer(op.path);
		const body = keepSecrets ? parsed : stripSecrets(parsed);
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

function parseJson(ctx: IExecuteSingleFunctions, bytes: Buffer): unknown {
	const text = bytes.toString('utf8');
	if (!text.trim()) return undefined;
	const json = parseJsonText(text);
	if (json === undefined) throw operationError(ctx.getNode(), 'The PBX answered with invalid JSON', ctx.getItemIndex());
	return json;
}

/** Key and parameter values that can be echoed in outputs (no objects such as dates, no secrets). */
function primitives(values: Record<string, unknown>): IDataObject {
	return Object.fromEntries(
		Object.entries(values).filter(
			([name, value]) => ['string', 'number', 'boolean'].includes(typeof value) && !isSecretKey(name),
		),
	) as IDataObject;
}
