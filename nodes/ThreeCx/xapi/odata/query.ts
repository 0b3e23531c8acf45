import type { IDataObject } from 'n8n-workflow';
import type { ODataOption } from '../types';
import { InputProblem, isBlank, toBoolean, toText } from './values';

export interface ODataQuery {
	/** `$search`, `$filter`, `$count`, `$select`, `$orderby`, `$expand`; axios encodes them. */
	qs: IDataObject;
	top?: number;
	skip?: number;
}

const LISTS = ['select', 'orderby', 'expand'] as const;

/** OData query options from the node's Options collection, limited to those the operation lists. */
export function buildQuery(options: IDataObject, allowed: ODataOption[]): ODataQuery {
	const has = (option: ODataOption) => allowed.includes(option) && !isBlank(options[option]);
	const query: ODataQuery = { qs: {} };
	if (has('top')) query.top = toCount(options.top, 'top');
	if (has('skip')) query.skip = toCount(options.skip, 'skip');
	for (const option of ['search', 'filter'] as const) {
		const text = has(option) ? toText(options[option], option).trim() : '';
		if (text) query.qs[`$${option}`] = text;
	}
	if (has('count') && toBoolean(options.count, 'count')) query.qs.$count = true;
	for (const option of LISTS) {
		const list = has(option) ? commaList(options[option], option) : '';
		if (list) query.qs[`$${option}`] = list;
	}
	return query;
}

/** Whole number ≥ 0 (Top, Skip, Limit). */
export function toCount(value: unknown, parameter: string): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
		throw new InputProblem(parameter, 'a whole number of 0 or more', value);
	}
	return n;
}

/** `a, b ,c` or `['a','b']` → `a,b,c`. Commas inside parentheses (`Groups($select=Id,Name)`)
 * belong to a nested option and are kept. */
export function commaList(value: unknown, parameter: string): string {
	const parts = Array.isArray(value) ? value.map((part) => toText(part, parameter)) : [toText(value, parameter)];
	return parts.flatMap(splitTopLevel).map((part) => part.trim()).filter(Boolean).join(',');
}

function splitTopLevel(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '(') depth++;
		else if (char === ')') depth = Math.max(0, depth - 1);
		else if (char === ',' && depth === 0) {
			parts.push(text.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(text.slice(start));
	return parts;
}
