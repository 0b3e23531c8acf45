import type { IDataObject, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import type { XapiPicker } from '../types';
import { odataString } from './literals';

/**
 * A "From List" picker's pages: the OData query of one page and the list answer built from its
 * rows. The request itself is sent by methods/listSearch.ts.
 */

/** Rows per page of a picker list (the PBX caps $top at 100 on several sets). */
export const PICKER_PAGE_SIZE = 100;

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
