/**
 * Contract between the generator (tools/generate) and the runtime request helper.
 * The generator writes one `XapiOperation` per spec operation into nodes/ThreeCx/generated/;
 * the runtime reads it to build the request, page, and shape the output.
 */

/** How a value is written as an OData literal (URL) or converted for a JSON body. */
export type XapiValueType =
	| 'string'
	| 'int32'
	| 'int64'
	| 'number'
	| 'boolean'
	| 'dateTime'
	| 'date'
	| 'guid'
	| 'interval'
	| 'enum'
	| 'json'
	| 'stringList'
	| 'intList'
	/** JSON array of members of `enumValues` (n8n multiOptions). */
	| 'enumList'
	/** ISO 8601 duration text (`PT1H30M`), as the spec's `format: duration`. */
	| 'duration'
	/** Time of day `HH:MM:SS[.fff]`, as the spec's `format: time`. */
	| 'timeOfDay';

export type ODataOption =
	| 'top'
	| 'skip'
	| 'search'
	| 'filter'
	| 'count'
	| 'select'
	| 'orderby'
	| 'expand';

export interface XapiField {
	/** Name on the wire: path parameter name, or JSON property of the request body. */
	name: string;
	/** Name of the n8n node parameter (or collection option) that holds the value. */
	field: string;
	type: XapiValueType;
	required: boolean;
	/** Member names for `enum` and `enumList`. */
	enumValues?: string[];
	/** Longest accepted text (characters), from the spec's `maxLength`. */
	maxLength?: number;
	/** The spec allows `null` (spec `nullable: true`); only set when true. */
	nullable?: boolean;
}

export type XapiBody =
	/** Entity create/update: required fields top-level, the rest in a collection; or a JSON body.
	 * `collection` is the node parameter of that collection, unique to the resource's entity
	 * (`userAdditionalFields`, `userUpdateFields`): n8n evaluates every top-level property by
	 * name, so no two properties share one. */
	| { kind: 'entity'; fields: XapiField[]; collection: string; required?: boolean }
	/** Action parameters (`{"dn","destination"}`, `{"ids":[...]}`): each a typed node field.
	 * `required` (only set when true): the spec requires a body, so `{}` at least goes out. */
	| { kind: 'action'; fields: XapiField[]; required?: boolean }
	/** Multipart upload of an input item's binary property (custom prompts). */
	| { kind: 'upload'; part: string };

/**
 * - collection: `{ value: [...] }`, one item per row; `paged` when the operation accepts $top/$skip.
 * - entity: one object. - value: `{ value: x }` unwrapped. - none: 204 or empty.
 * - file: expected to answer with a file; the runtime still decides by Content-Type.
 */
export type XapiOutput = 'collection' | 'entity' | 'value' | 'none' | 'file';

export interface XapiOperation {
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	/** Spec path with `{name}` placeholders, no quotes: `/Users({Id})`, `/Users(Number={Number})`,
	 * `/ReportUserActivity/Pbx.GetUserActivity(clientTimeZone={clientTimeZone},...)`. */
	path: string;
	/** Path and function parameters, in spec order. */
	params: XapiField[];
	/** OData query options the spec lists for this operation. */
	query: ODataOption[];
	body?: XapiBody;
	output: XapiOutput;
	/** Collection answered in pages with $top/$skip: Return All and Limit apply. */
	paged?: boolean;
	/** Wire names of the function parameters that bound a report period: the Period preset
	 * (`NODE_PARAMETER.period`) fills them unless it is `custom`. */
	period?: { from: string; to: string };
	/** Node parameter of the operation's Options collection (displayed "Options"), when it has one:
	 * the OData options listed in `query` (same names as `ODataOption`), plus `rawResponse`,
	 * `includeSecrets` and `binaryPropertyName` (output binary) where they apply. Named after the
	 * set of options it holds (`listQueryOptions`, `entityOptions`, …), so that no two
	 * differently-defined properties share a name. */
	optionsField?: string;
}

/** resource value → operation value → operation. */
export type XapiOperationTable = Record<string, Record<string, XapiOperation>>;

/**
 * Node parameter names shared by the descriptors and the runtime. Operation-specific fields use
 * the names recorded in `XapiOperation` (`field`, `body.collection`, `optionsField`).
 */
export const NODE_PARAMETER = {
	resource: 'resource',
	operation: 'operation',
	returnAll: 'returnAll',
	limit: 'limit',
	/** 'fields' | 'json' for operations with an entity or action body. */
	bodyMode: 'bodyMode',
	jsonBody: 'jsonBody',
	/** Input binary property of an upload. */
	inputBinaryProperty: 'inputBinaryPropertyName',
	/** Report period preset: 'yesterday', 'lastMonth', …, or 'custom' (the operation's own bounds). */
	period: 'period',
} as const;

/**
 * A "From List" picker of an entity set's rows, for the set's integer `Id` key (n8n resource
 * locator). The generator writes one per set (nodes/ThreeCx/generated/pickers.ts), keyed by the
 * node's `methods.listSearch` method name; the runtime (methods/listSearch.ts) reads it.
 */
export interface XapiPicker {
	/** Entity set path: `/Users`. */
	path: string;
	/** Display text as groups of string properties: groups joined by ` – `, properties within a
	 * group by a space (`[['Number'], ['FirstName', 'LastName']]` → `100 – Ann Lee`). Searched
	 * case-insensitively with `contains` on each property. */
	display: string[][];
}
