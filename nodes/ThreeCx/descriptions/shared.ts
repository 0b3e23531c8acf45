/**
 * Hand-written builders for the node properties every generated resource shares: the OData
 * Options collection, Return All / Limit, and the body mode switch. Generated files call these,
 * so each definition lives once here.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import type { ODataOption, XapiField } from '../xapi/types';
import { NODE_PARAMETER } from '../xapi/types';
import { indefiniteArticle } from './article';


/** Options collection entries beyond the OData query options. */
export type OutputOption = 'rawResponse' | 'includeSecrets' | 'binaryPropertyName';
/** How requests are sent; every Options collection has Timeout, paged lists Parallel Requests. */
type RequestOption = 'timeout' | 'parallelRequests';
export type OptionName = ODataOption | OutputOption;

const OPTION_DEFINITIONS: Record<OptionName | RequestOption, INodeProperties> = {
	timeout: {
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description: 'Seconds to wait for each answer; unset: 60, reports and files 300',
	},
	parallelRequests: {
		displayName: 'Parallel Requests',
		name: 'parallelRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 16 },
		default: 4,
		description: 'Pages fetched at once by Return All and Limit (1 = one by one)',
	},
	top: {
		displayName: 'Top',
		name: 'top',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 100,
		description:
			'Rows per request ($top), i.e. the page size. The PBX caps it at 100 on several sets. How many rows are returned in total is set by Return All and Limit where those are shown.',
	},
	skip: {
		displayName: 'Skip',
		name: 'skip',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Number of rows to skip first ($skip)',
	},
	search: {
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Free-text search ($search)',
	},
	filter: {
		displayName: 'Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: "e.g. Number eq '100'",
		description:
			'OData $filter expression, e.g. <code>contains(DisplayName,\'Smith\')</code> or <code>date(StartTime) ge 2025-03-01</code>',
	},
	count: {
		displayName: 'Count',
		name: 'count',
		type: 'boolean',
		default: false,
		description: 'Whether to ask for the total number of matching rows ($count); it is returned with Raw Response',
	},
	select: {
		displayName: 'Select',
		name: 'select',
		type: 'string',
		default: '',
		placeholder: 'e.g. Number,DisplayName',
		description: 'Comma-separated properties to return ($select)',
	},
	orderby: {
		displayName: 'Order By',
		name: 'orderby',
		type: 'string',
		default: '',
		placeholder: 'e.g. Number asc',
		description: 'Comma-separated properties to sort by, each optionally followed by asc or desc ($orderby)',
	},
	expand: {
		displayName: 'Expand',
		name: 'expand',
		type: 'string',
		default: '',
		placeholder: 'e.g. Groups',
		description: 'Comma-separated related entities to include ($expand)',
	},
	rawResponse: {
		displayName: 'Raw Response',
		name: 'rawResponse',
		type: 'boolean',
		default: false,
		description:
			'Whether to return the response envelope (with @odata.count and value) as one item instead of one item per row',
	},
	includeSecrets: {
		displayName: 'Include Secrets',
		name: 'includeSecrets',
		type: 'boolean',
		default: false,
		description: 'Whether to keep password and PIN fields in the output (they are removed by default)',
	},
	binaryPropertyName: {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
};

const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName, 'en');

/** An Options collection with exactly the given options (sorted by display name), as node
 * parameter `name` (`XapiOperation.optionsField`: one name per set of options). */
export function odataOptions(name: string, options: OptionName[], displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Options',
		name,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [...options, ...requestOptions(options)].map((name) => OPTION_DEFINITIONS[name]).sort(byDisplayName),
	};
}

function requestOptions(options: OptionName[]): RequestOption[] {
	return options.includes('top') ? ['parallelRequests', 'timeout'] : ['timeout'];
}

/** Return All and Limit, for operations answered in pages ($top/$skip). */
export function returnAllAndLimit(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: NODE_PARAMETER.returnAll,
			type: 'boolean',
			default: false,
			displayOptions,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: NODE_PARAMETER.limit,
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { ...displayOptions.show, [NODE_PARAMETER.returnAll]: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** Body mode (typed fields or raw JSON) and the JSON body, for operations with a request body. */
export function bodyMode(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Body Mode',
			name: NODE_PARAMETER.bodyMode,
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Fields', value: 'fields', description: 'Fill in typed fields' },
				{ name: 'JSON', value: 'json', description: 'Send a JSON body as written, for full control' },
			],
			default: 'fields',
			displayOptions,
		},
		{
			displayName: 'JSON Body',
			name: NODE_PARAMETER.jsonBody,
			type: 'json',
			default: '{}',
			displayOptions: { show: { ...displayOptions.show, [NODE_PARAMETER.bodyMode]: ['json'] } },
			description: 'Request body as JSON, sent as is (property names as in the 3CX API, e.g. DisplayName)',
		},
	];
}

/** Input binary property of an upload. */
export function inputBinaryProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: NODE_PARAMETER.inputBinaryProperty,
		type: 'string',
		default: 'data',
		required: true,
		displayOptions,
		hint: 'The name of the input binary field containing the file to upload',
	};
}

/**
 * A whole number from -2147483648 to 2147483647, surrounding spaces allowed. Without anchors:
 * n8n tests a mode's regex as `^(regex)$`.
 */
export const INT32_PATTERN =
	'\\s*(?:-?(?:[0-9]{1,9}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])|-2147483648)\\s*';

/**
 * The integer `Id` key of an entity set as a resource locator: "From List" (searchable rows of the
 * set, `listSearch` method `searchListMethod`) or "By ID". The value read at run time is the
 * locator's `value` (xapi/hooks/context.ts), checked as int32 like a plain number.
 */
export function entityLocator(
	fieldName: string,
	displayName: string,
	searchListMethod: string,
	displayOptions: IDisplayOptions,
): INodeProperties {
	const entity = displayName.toLowerCase();
	const article = indefiniteArticle(displayName);
	return {
		displayName,
		name: fieldName,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions,
		description: `The ${entity} to use`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${article} ${entity}...`,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 29',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: INT32_PATTERN,
							errorMessage: 'Not a valid ID: a whole number from -2147483648 to 2147483647',
						},
					},
				],
			},
		],
	};
}

/**
 * Operation metadata entry (see `XapiField`): wire name, node field name, value type, required,
 * enum members (`enum`, `enumList`), maximum text length, nullable. Always the same key order, without
 * absent optional keys, whatever the caller passes. The wire name arrives as `wireName` so that
 * n8n's lint does not take the call's argument for a node parameter.
 */
export function field({
	wireName,
	field,
	type,
	required,
	enumValues,
	maxLength,
	nullable,
}: Omit<XapiField, 'name'> & { wireName: string }): XapiField {
	const out: XapiField = { name: wireName, field, type, required };
	if (enumValues) out.enumValues = enumValues;
	if (maxLength !== undefined) out.maxLength = maxLength;
	if (nullable) out.nullable = true;
	return out;
}
