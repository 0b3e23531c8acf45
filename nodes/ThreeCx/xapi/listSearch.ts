import {
	NodeApiError,
	type IDataObject,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
	type JsonObject,
} from 'n8n-workflow';
import { serverRoot } from '../auth/serverUrl';
import { describeFailure, httpFailureOf, odataProblems } from './errors';
import type { XapiPicker } from './types';

/** Rows per page of a picker list (the PBX caps $top at 100 on several sets). */
export const PICKER_PAGE_SIZE = 100;

const CREDENTIAL_TYPE = 'threeCxApi';

type ListSearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** OData string literal: quoted, `'` doubled, so no search text can leave its quotes. */
export function odataString(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** `$filter` of a search: any display property contains the text (case-insensitive); undefined
 * when the text is blank. */
export function searchFilter(picker: XapiPicker, text: string | undefined): string | undefined {
	const needle = (text ?? '').trim().toLowerCase();
	if (needle === '') return undefined;
	const literal = odataString(needle);
	return picker.display
		.flat()
		.map((property) => `contains(tolower(${property}),${literal})`)
		.join(' or ');
}

/** `$skip` of a pagination token (absent or not a count → 0). */
export function skipOf(paginationToken: string | undefined): number {
	const skip = Number(paginationToken);
	return Number.isInteger(skip) && skip > 0 ? skip : 0;
}

/** Query of one page: Id and the display properties, the search filter, $top/$skip. */
export function pickerQuery(picker: XapiPicker, filter?: string, paginationToken?: string): IDataObject {
	const qs: IDataObject = {
		$select: ['Id', ...picker.display.flat()].join(','),
		$top: PICKER_PAGE_SIZE,
	};
	const skip = skipOf(paginationToken);
	if (skip > 0) qs.$skip = skip;
	const search = searchFilter(picker, filter);
	if (search) qs.$filter = search;
	return qs;
}

/** `100 – Ann Lee`: non-empty groups joined by ` – `; `ID 29` when every property is empty. */
export function displayText(picker: XapiPicker, row: IDataObject): string {
	const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
	const groups = picker.display
		.map((group) => group.map((property) => text(row[property])).filter((part) => part !== '').join(' '))
		.filter((group) => group !== '');
	return groups.length > 0 ? groups.join(' – ') : `ID ${text(row.Id)}`;
}

/** The list answer for one page of rows fetched with `skip`. */
export function searchResult(picker: XapiPicker, rows: IDataObject[], skip: number): INodeListSearchResult {
	const results: INodeListSearchItems[] = rows
		.filter((row) => typeof row.Id === 'number' || typeof row.Id === 'string')
		.map((row) => ({ name: displayText(picker, row), value: row.Id as number | string }));
	const result: INodeListSearchResult = { results };
	if (rows.length >= PICKER_PAGE_SIZE) result.paginationToken = String(skip + rows.length);
	return result;
}

/** One page of a picker: GET {server}/xapi/v1/<Set> through the credential (token handling is
 * the credential's: n8n fetches and refreshes it). */
export async function searchEntities(
	ctx: ILoadOptionsFunctions,
	picker: XapiPicker,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const request: IHttpRequestOptions = {
		method: 'GET',
		url: `${serverRoot(credentials.server)}/xapi/v1${picker.path}`,
		qs: pickerQuery(picker, filter, paginationToken),
		headers: { Accept: 'application/json' },
		json: true,
		skipSslCertificateValidation: credentials.allowUnauthorizedCerts === true,
	};
	let body: unknown;
	try {
		body = await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, request);
	} catch (error) {
		throw listError(ctx, error, picker);
	}
	const rows = (body as { value?: unknown } | undefined)?.value;
	return searchResult(picker, Array.isArray(rows) ? (rows as IDataObject[]) : [], skipOf(paginationToken));
}

function listError(ctx: ILoadOptionsFunctions, error: unknown, picker: XapiPicker): Error {
	const failure = httpFailureOf(error);
	if (!failure) {
		const message = (error as Error)?.message || 'Request failed';
		return new NodeApiError(ctx.getNode(), { message }, { message });
	}
	const { message, description } = describeFailure(failure, { method: 'GET', path: picker.path });
	const response = { status: failure.status, problems: odataProblems(failure.body) } as unknown as JsonObject;
	return new NodeApiError(ctx.getNode(), response, { message, description, httpCode: String(failure.status) });
}

/** `methods.listSearch` of the node: one method per picker. */
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
