import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { sendWithTokenRetry } from '../auth/tokenRetry';
import { callError } from '../xapi/nodeErrors';
import { isTimeZone } from '../xapi/odata/period';

/**
 * `methods.loadOptions` of the node: the report filters' choices loaded from the PBX at edit time
 * (queues, users, ring groups, trunks, departments, time zones), so the node description carries
 * no PBX-sized list. Values are the numbers the report functions take.
 */

const CREDENTIAL_TYPE = 'threeCxApi';
/** Rows per request: the PBX caps $top at 100 on several sets. */
export const OPTIONS_PAGE_SIZE = 100;
/** Pages read at most (10 000 rows), so a PBX that ignores $skip cannot loop forever. */
const MAX_PAGES = 100;

/** How one set's rows become choices: the properties read, the value and the label. */
export interface ChoiceSource {
	path: string;
	select: string[];
	value: (row: IDataObject) => unknown;
	label: (row: IDataObject) => string;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
const numberAndName = (row: IDataObject, ...names: string[]) =>
	[text(row.Number), names.map((name) => text(row[name])).filter(Boolean).join(' ')].filter(Boolean).join(' – ');

export const CHOICE_SOURCES: Record<string, ChoiceSource> = {
	getQueues: { path: '/Queues', select: ['Number', 'Name'], value: (row) => row.Number, label: (row) => numberAndName(row, 'Name') },
	getUsers: {
		path: '/Users',
		select: ['Number', 'FirstName', 'LastName'],
		value: (row) => row.Number,
		label: (row) => numberAndName(row, 'FirstName', 'LastName'),
	},
	getRingGroups: { path: '/RingGroups', select: ['Number', 'Name'], value: (row) => row.Number, label: (row) => numberAndName(row, 'Name') },
	getTrunks: {
		path: '/Trunks',
		select: ['Number', 'Gateway'],
		value: (row) => row.Number,
		label: (row) => [text(row.Number), text((row.Gateway as IDataObject | undefined)?.Name)].filter(Boolean).join(' – '),
	},
	getGroups: {
		path: '/Groups',
		select: ['Number', 'Name', 'IsDefault'],
		value: (row) => row.Number,
		label: (row) => `${text(row.Name) || text(row.Number)}${row.IsDefault === true ? ' (default department)' : ''}`,
	},
};

/** Choices of one page of rows; rows without a value are skipped. */
export function rowChoices(source: ChoiceSource, rows: IDataObject[]): INodePropertyOptions[] {
	return rows
		.filter((row) => text(source.value(row)) !== '')
		.map((row) => ({ name: source.label(row) || text(source.value(row)), value: text(source.value(row)) }));
}

/** Query of page `page` (0-based). */
export function pageQuery(source: ChoiceSource, page: number): IDataObject {
	const qs: IDataObject = { $select: source.select.join(','), $orderby: 'Number', $top: OPTIONS_PAGE_SIZE };
	if (page > 0) qs.$skip = page * OPTIONS_PAGE_SIZE;
	return qs;
}

async function getRows(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject): Promise<IDataObject[]> {
	let body: unknown;
	try {
		const request: IHttpRequestOptions = { method: 'GET', url: path, qs, headers: { Accept: 'application/json' }, json: true };
		body = await sendWithTokenRetry(request, async (attempt) => await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, attempt));
	} catch (error) {
		throw callError(ctx.getNode(), error, { method: 'GET', path });
	}
	const rows = (body as { value?: unknown } | undefined)?.value;
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}

/** Every row of a set, page by page past the $top cap. */
export async function loadChoices(ctx: ILoadOptionsFunctions, source: ChoiceSource): Promise<INodePropertyOptions[]> {
	const choices: INodePropertyOptions[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const rows = await getRows(ctx, source.path, pageQuery(source, page));
		choices.push(...rowChoices(source, rows));
		if (rows.length < OPTIONS_PAGE_SIZE) break;
	}
	return choices;
}

/** UTC offsets in the editor's list: whole hours from -12:00 to +14:00 and the usual half and quarter hours. */
const EXTRA_OFFSETS = ['-09:30', '-03:30', '+03:30', '+04:30', '+05:30', '+05:45', '+06:30', '+08:45', '+09:30', '+10:30', '+12:45', '+13:45'];

export function offsetChoices(): INodePropertyOptions[] {
	const whole = Array.from({ length: 27 }, (_, i) => i - 12).map(
		(hours) => `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`,
	);
	const offsets = [...whole, ...EXTRA_OFFSETS].sort((a, b) => offsetMinutes(a) - offsetMinutes(b));
	return offsets.map((offset) => ({ name: `UTC${offset}`, value: offset }));
}

function offsetMinutes(offset: string): number {
	const sign = offset.startsWith('-') ? -1 : 1;
	return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/**
 * The time zone choices: the workflow's zone (empty value), UTC, the PBX's own list (Defs → Time
 * Zones, by IANA name) or, where the PBX gives none, the runtime's IANA zones, then UTC offsets.
 */
export function timeZoneChoices(pbxRows: IDataObject[], runtimeZones: string[]): INodePropertyOptions[] {
	const fromPbx = pbxRows
		.filter((row) => isTimeZone(text(row.IanaName)) && text(row.IanaName) !== 'UTC')
		.map((row) => ({ name: text(row.Name) ? `${text(row.Name)} (${text(row.IanaName)})` : text(row.IanaName), value: text(row.IanaName) }));
	const named = fromPbx.length > 0 ? fromPbx : runtimeZones.filter((zone) => zone !== 'UTC').map((zone) => ({ name: zone, value: zone }));
	const unique = [...new Map(named.map((choice) => [choice.value, choice])).values()];
	return [{ name: "Workflow's Time Zone", value: '' }, { name: 'UTC', value: 'UTC' }, ...unique, ...offsetChoices()];
}

async function getTimeZones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let rows: IDataObject[] = [];
	try {
		rows = await getRows(this, '/Defs/TimeZones', { $select: 'IanaName,Name' });
	} catch {
		// Older PBXes lack the list: the runtime's zones are offered instead.
	}
	return timeZoneChoices(rows, Intl.supportedValuesOf('timeZone'));
}

type LoadOptionsMethod = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

export const loadOptions: Record<string, LoadOptionsMethod> = {
	...Object.fromEntries(
		Object.entries(CHOICE_SOURCES).map(([name, source]) => {
			const method: LoadOptionsMethod = async function (this: ILoadOptionsFunctions) {
				return await loadChoices(this, source);
			};
			return [name, method];
		}),
	),
	getTimeZones,
};
