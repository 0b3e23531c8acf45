import type { IDataObject, ILoadOptionsFunctions, IHttpRequestOptions, INodeListSearchResult } from 'n8n-workflow';
import { sendWithTokenRetry } from '../auth/tokenRetry';
import { PICKERS } from '../generated/pickers';
import { callError } from '../xapi/nodeErrors';
import { pickerQuery, searchResult, skipOf } from '../xapi/odata/picker';
import type { XapiPicker } from '../xapi/types';

const CREDENTIAL_TYPE = 'threeCxApi';

type ListSearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** One page of a picker: GET <Set> through the credential, which adds the server's /xapi/v1 base
 * URL, its TLS choice and the token (n8n fetches and refreshes it). */
export async function searchEntities(
	ctx: ILoadOptionsFunctions,
	picker: XapiPicker,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const request: IHttpRequestOptions = {
		method: 'GET',
		url: picker.path,
		qs: pickerQuery(picker, filter, paginationToken),
		headers: { Accept: 'application/json' },
		json: true,
	};
	let body: unknown;
	try {
		body = await sendWithTokenRetry(request, async (attempt) => await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, attempt));
	} catch (error) {
		throw callError(ctx.getNode(), error, { method: 'GET', path: picker.path });
	}
	const rows = (body as { value?: unknown } | undefined)?.value;
	return searchResult(picker, Array.isArray(rows) ? (rows as IDataObject[]) : [], skipOf(paginationToken));
}

/** One list search method per picker. */
export function listSearchMethods(pickers: Record<string, XapiPicker>): Record<string, ListSearchMethod> {
	return Object.fromEntries(
		Object.entries(pickers).map(([name, picker]) => {
			const method: ListSearchMethod = async function (this: ILoadOptionsFunctions, filter, paginationToken) {
				return await searchEntities(this, picker, filter, paginationToken);
			};
			return [name, method];
		}),
	);
}

/** `methods.listSearch` of the node: the "From List" of every entity key picker (generated/pickers.ts). */
export const listSearch = listSearchMethods(PICKERS);
