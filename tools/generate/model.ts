/**
 * Builds the generator's model from the spec: resources (tags), operations, their fields and the
 * `XapiOperation` metadata the runtime reads. Pure data; emit.ts turns it into TypeScript.
 */
import type {
	ODataOption,
	XapiOperation,
	XapiOutput,
	XapiValueType,
} from '../../nodes/ThreeCx/xapi/types';
import { NODE_PARAMETER } from '../../nodes/ThreeCx/xapi/types';
import { REFERENCE_VERSION, SPEC_VERSIONS } from '../spec/locate';
import {
	flatten,
	listOperations,
	loadSpec,
	normalizePath,
	readSpecRaw,
	stripPlaceholderQuotes,
	type FlatSchema,
	type LoadedSpec,
	type Schema,
} from '../spec/load';
import { camelCase, pascalCase, sentenceCase, titleCase, words } from './names';
import { bodyOverlays } from './overlays/bodies';
import { extraOperations } from './overlays/extraOperations';
import { operationOverlays } from './overlays/operations';
import { parameterOverlays } from './overlays/parameters';
import { pickerOverlays } from './overlays/pickers';
import { resourceOverlays } from './overlays/resources';
import type { ParameterOverlay } from './overlays/types';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

export type FieldLocation = 'path' | 'action' | 'entity' | 'upload';

export interface FieldModel {
	/** Wire name. */
	name: string;
	/** Node parameter (top level) or collection option name. */
	field: string;
	type: XapiValueType;
	/** Required by the spec (path/function parameters): always sent. */
	required: boolean;
	/** Marked `required` in n8n (a nullable string may be empty, so it is not). */
	nodeRequired: boolean;
	enumValues?: string[];
	displayName: string;
	description?: string;
	placeholder?: string;
	hint?: string;
	default: string | number | boolean | string[];
	/** Longest accepted text, from the spec's `maxLength` (text fields). */
	maxLength?: number;
	minValue?: number;
	maxValue?: number;
	location: FieldLocation;
	/** Integer `Id` key of an entity set with a picker: shown as a resource locator. */
	picker?: PickerModel;
}

/** "From List" picker of an entity set's rows (see `XapiPicker`). */
export interface PickerModel {
	/** Entity set: `Users`. */
	set: string;
	/** `methods.listSearch` method: `searchUsers`. */
	method: string;
	path: string;
	display: string[][];
	/** Label of one row: `User`. */
	displayName: string;
}

export interface OperationModel {
	tag: string;
	resource: string;
	value: string;
	name: string;
	action: string;
	description: string;
	/** Spec identity; undefined for extra operations. */
	operationId?: string;
	specMethod?: string;
	specPath?: string;
	extra: boolean;
	sinceVersion?: string;
	params: FieldModel[];
	bodyKind?: 'entity' | 'action' | 'upload';
	bodyFields: FieldModel[];
	/** Spec schema of the request body (`Pbx.User`), when it is a named schema. */
	bodySchema?: string;
	/** Node parameter of the entity body collection (`userUpdateFields`); final after emit's naming. */
	collection?: string;
	uploadPart?: string;
	meta: XapiOperation;
}

export interface ResourceModel {
	tag: string;
	value: string;
	name: string;
	description: string;
	file: string;
	/** camelCase entity of the resource (`user`, `ringGroup`), unique among resources: prefixes the
	 * node parameters of this resource whose plain name another property uses. */
	entity: string;
	operations: OperationModel[];
}

/** Names no operation field may take: fixed node parameters, and the plain names of the
 * collections (`options` is kept reserved so old values under it are never read as a field). */
const RESERVED_NAMES = new Set<string>([
	...Object.values(NODE_PARAMETER),
	'options',
	'additionalFields',
	'updateFields',
]);

const ODATA_QUERY: Record<string, ODataOption> = {
	$top: 'top',
	$skip: 'skip',
	$search: 'search',
	$filter: 'filter',
	$count: 'count',
	$select: 'select',
	$orderby: 'orderby',
	$expand: 'expand',
};
const ODATA_ORDER: ODataOption[] = ['top', 'skip', 'search', 'filter', 'count', 'select', 'orderby', 'expand'];

interface Classified {
	type: XapiValueType;
	enumValues?: string[];
	refName?: string;
	min?: number;
	max?: number;
	format?: string;
	maxLength?: number;
	/** Text formats (`time`, `duration`) of properties nested in a JSON value, to describe them. */
	nested?: string[];
}

function classify(schema: Schema | undefined, spec: LoadedSpec): Classified {
	const flat: FlatSchema = flatten(schema, spec.schemaNames);
	if (flat.union) return { type: 'json', refName: flat.refName, nested: nestedFormats(schema, spec) };
	// `x-ms-enum-flags` enums too: the spec's own validation accepts exactly one member per value.
	if (flat.enum) return { type: 'enum', enumValues: flat.enum, refName: flat.refName };
	switch (flat.type) {
		case 'integer':
			if (flat.format === 'int64') return { type: 'int64' };
			return { type: 'int32', min: flat.minimum ?? INT32_MIN, max: flat.maximum ?? INT32_MAX };
		case 'number':
			return { type: 'number', format: flat.format };
		case 'boolean':
			return { type: 'boolean' };
		case 'string':
			if (flat.format === 'date-time') return { type: 'dateTime' };
			if (flat.format === 'date') return { type: 'date' };
			if (flat.format === 'uuid') return { type: 'guid' };
			if (flat.format === 'duration') return { type: 'duration', format: flat.format };
			if (flat.format === 'time') return { type: 'timeOfDay', format: flat.format };
			return { type: 'string', format: flat.format, maxLength: flat.maxLength };
		case 'array': {
			const items = flatten(flat.items, spec.schemaNames);
			if (items.enum) return { type: 'enumList', enumValues: items.enum, refName: items.refName };
			if (items.type === 'string' && !items.union) return { type: 'stringList', format: items.format };
			if (items.type === 'integer' && !items.union) return { type: 'intList' };
			return { type: 'json', format: 'array', refName: items.refName, nested: nestedFormats(flat.items, spec) };
		}
		default:
			return { type: 'json', refName: flat.refName, nested: nestedFormats(schema, spec) };
	}
}

const NESTED_FORMATS = ['time', 'duration'];

/** `time`/`duration` formats of text properties within a JSON value (objects and arrays, 3 levels). */
function nestedFormats(schema: Schema | undefined, spec: LoadedSpec, depth = 0, found = new Set<string>()): string[] {
	const flat = flatten(schema, spec.schemaNames);
	const children = flat.type === 'array' ? [flat.items] : Object.values(flat.properties);
	for (const child of children) {
		const inner = flatten(child, spec.schemaNames);
		if (inner.type === 'string' && NESTED_FORMATS.includes(inner.format ?? '')) found.add(inner.format!);
		else if (depth < 3 && (inner.type === 'object' || inner.type === 'array')) nestedFormats(child, spec, depth + 1, found);
	}
	return NESTED_FORMATS.filter((format) => found.has(format));
}

const NESTED_HINTS: Record<string, string> = {
	time: 'times of day as HH:MM:SS',
	duration: 'durations in ISO 8601, e.g. PT1H30M',
};

const TYPE_HINTS: Partial<Record<XapiValueType, string>> = {
	guid: 'GUID, e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
	interval: 'Time span as H:MM:SS, e.g. 0:00:20',
	int64: 'Integer (64-bit)',
	duration: 'ISO 8601 duration, e.g. PT1H30M (D days, H hours, M minutes, S seconds)',
	timeOfDay: 'Time of day as HH:MM:SS (24-hour), e.g. 08:30:00',
};

const TYPE_PLACEHOLDERS: Partial<Record<XapiValueType, string>> = {
	duration: 'e.g. PT1H30M',
	timeOfDay: 'e.g. 08:30:00',
};

function typeDescription(type: XapiValueType, c: Classified): string | undefined {
	if (type === 'stringList') return 'Comma-separated list';
	if (type === 'intList') return 'Comma-separated list of integers';
	if (type === 'json') {
		const shape = c.refName ? c.refName.replace(/^Pbx\./, '') : 'object';
		const text = c.format === 'array' ? `JSON array of ${shape} objects` : `JSON ${shape} object`;
		return [text, ...(c.nested ?? []).map((format) => NESTED_HINTS[format])].join('; ');
	}
	return TYPE_HINTS[type];
}

/** The description with the length limit appended as its own sentence. */
function withLengthLimit(description: string | undefined, maxLength: number | undefined): string | undefined {
	if (maxLength === undefined) return description;
	const limit = `At most ${maxLength} characters`;
	return description ? `${description.trim().replace(/\.$/, '')}. ${limit}.` : limit;
}

function defaultFor(type: XapiValueType, c: Classified): FieldModel['default'] {
	switch (type) {
		case 'int32':
		case 'int64':
		case 'number':
			return 0;
		case 'boolean':
			return false;
		case 'enum':
			return c.enumValues?.[0] ?? '';
		case 'enumList':
			return [];
		case 'interval':
			return '0:00:0';
		case 'json':
			return c.format === 'array' ? '[]' : '{}';
		default:
			return '';
	}
}

function makeField(
	wire: string,
	schema: Schema | undefined,
	spec: LoadedSpec,
	location: FieldLocation,
	required: boolean,
	overlay: ParameterOverlay | undefined,
): FieldModel {
	const c = classify(schema, spec);
	const type: XapiValueType = overlay?.type ?? c.type;
	const nullable = !!flatten(schema, spec.schemaNames).nullable;
	const field: FieldModel = {
		name: wire,
		field: camelCase(wire),
		type,
		required,
		nodeRequired: false,
		displayName: overlay?.displayName ?? titleCase(wire),
		default: overlay?.default ?? defaultFor(type, c),
		location,
	};
	// A nullable string may legitimately be empty (sent as ''): not marked required in n8n unless it
	// has a non-empty default.
	field.nodeRequired = required && !(nullable && type === 'string' && field.default === '');
	if (type === 'enum' || type === 'enumList') field.enumValues = c.enumValues;
	if (type === 'string' && c.maxLength !== undefined) field.maxLength = c.maxLength;
	if (type === 'int32') {
		field.minValue = c.min ?? INT32_MIN;
		field.maxValue = c.max ?? INT32_MAX;
	}
	const description = withLengthLimit(overlay?.description ?? typeDescription(type, c), field.maxLength);
	if (description) field.description = description;
	const placeholder = overlay?.placeholder ?? TYPE_PLACEHOLDERS[type];
	if (placeholder) field.placeholder = placeholder;
	if (overlay?.hint) field.hint = overlay.hint;
	return field;
}

function responseSchema(op: Record<string, any>): Schema | undefined | null {
	const resp = op.responses?.['200'] ?? op.responses?.['201'];
	if (!resp) return null;
	return resp.content?.['application/json']?.schema;
}

function classifyOutput(op: Record<string, any>, spec: LoadedSpec, isFunction: boolean): XapiOutput {
	const schema = responseSchema(op);
	if (!schema) return 'none';
	const flat = flatten(schema, spec.schemaNames);
	if (flat.refName === 'Pbx.IActionResult') return 'file';
	if (isFunction && /^(Download|Export)/.test(String(op.operationId))) return 'file';
	const value = flat.properties.value;
	if (value) {
		const v = flatten(value, spec.schemaNames);
		return v.type === 'array' ? 'collection' : 'value';
	}
	return 'entity';
}

/** `/ReportX/Pbx.GetX(a={a},b={b})` → `/ReportX/Pbx.GetX(…)` (function parameters are fields); keys stay. */
function shortPath(path: string): string {
	return path.replace(/([\w.]+)\(([^()]+)\)/g, (whole, segment: string, inner: string) =>
		segment.startsWith('Pbx.') || inner.includes(',') ? `${segment}(…)` : whole,
	);
}

interface Naming {
	value: string;
	name: string;
	action: string;
}

function entityLabel(refName: string | undefined, fallback: string): string {
	const base = refName ? refName.replace(/^Pbx\./, '') : fallback;
	return lowerWords(titleCase(base));
}

/** Words in lower case except acronyms, for the middle of a sentence. */
function lowerWords(text: string): string {
	return sentenceCase(`X ${text}`).slice(2);
}

function crudNaming(
	method: string,
	path: string,
	tag: string,
	resourceName: string,
	label: string,
	output: XapiOutput,
	opType: string | undefined,
	operationId: string,
): Naming | undefined {
	const resourceLower = lowerWords(resourceName);
	if (opType !== undefined && opType !== 'operation') return undefined;
	const root = `/${tag}`;
	if (path === root) {
		if (method === 'get' && output === 'collection') return { value: 'getMany', name: 'Get Many', action: `Get many ${resourceLower}` };
		if (method === 'get') return { value: 'get', name: 'Get', action: `Get ${resourceLower}` };
		if (method === 'post') return { value: 'create', name: 'Create', action: `Create ${label}` };
		if (method === 'patch') return { value: 'update', name: 'Update', action: `Update ${resourceLower}` };
		return undefined;
	}
	const keyed = /^\/[^/()]+\((\{[^}]+\}|'\{[^}]+\}')\)$/.exec(path);
	if (keyed) {
		if (method === 'get') return { value: 'get', name: 'Get', action: `Get ${label}` };
		if (method === 'patch') return { value: 'update', name: 'Update', action: `Update ${label}` };
		if (method === 'delete') return { value: 'delete', name: 'Delete', action: `Delete ${label}` };
		return undefined;
	}
	const alternate = /^\/[^/()]+\((\w+)='?\{[^}]+\}'?\)$/.exec(path);
	if (alternate) {
		const key = alternate[1];
		const verb = method === 'get' ? 'Get' : method === 'patch' ? 'Update' : method === 'delete' ? 'Delete' : undefined;
		if (!verb) return undefined;
		return {
			value: camelCase(`${verb}By${key}`),
			name: `${verb} by ${titleCase(key)}`,
			action: `${verb} ${label} by ${titleCase(key).toLowerCase()}`,
		};
	}
	const nav = /^\/[^/()]+\([^)]*\)\/(\w+)$/.exec(path);
	if (nav && method === 'get') {
		return {
			value: camelCase(operationId),
			name: titleCase(operationId),
			action: `${sentenceCase(titleCase(operationId))} of ${entityArticle(label)}`,
		};
	}
	return undefined;
}

function entityArticle(label: string): string {
	return /^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}

function firstVersions(): Map<string, string> {
	const first = new Map<string, string>();
	for (const version of SPEC_VERSIONS) {
		const doc = readSpecRaw(version);
		for (const { method, path } of listOperations(doc)) {
			const key = `${method.toUpperCase()} ${normalizePath(path)}`;
			if (!first.has(key)) first.set(key, version);
		}
	}
	return first;
}

export interface Model {
	resources: ResourceModel[];
	/** By entity set, in spec order. */
	pickers: PickerModel[];
	specOperationCount: number;
}

export async function buildModel(): Promise<Model> {
	const spec = await loadSpec(REFERENCE_VERSION);
	const since = firstVersions();
	const byTag = new Map<string, ResourceModel>();
	const ops = listOperations(spec.api);

	const resourceFor = (tag: string): ResourceModel => {
		let r = byTag.get(tag);
		if (!r) {
			const overlay = resourceOverlays[tag];
			const name = overlay?.name ?? titleCase(tag);
			r = {
				tag,
				value: camelCase(tag),
				name,
				description: overlay?.description ?? `Operations under /${tag}`,
				file: pascalCase(tag),
				entity: '',
				operations: [],
			};
			byTag.set(tag, r);
		}
		return r;
	};

	// Entity label of each resource (`user`), from its keyed GET or create body.
	const resourceLabels = new Map<string, string>();
	for (const { method, path, operation: op } of ops) {
		const tag: string = op.tags[0];
		if (resourceLabels.has(tag)) continue;
		const keyedGet = method === 'get' && /^\/[^/()]+\([^)]*\)$/.test(path);
		const create = method === 'post' && path === `/${tag}`;
		if (!keyedGet && !create) continue;
		const schema = create ? op.requestBody?.content?.['application/json']?.schema : responseSchema(op);
		const refName = flatten(schema ?? undefined, spec.schemaNames).refName;
		if (refName) resourceLabels.set(tag, entityLabel(refName, tag));
	}

	for (const { method, path, operation: op } of ops) {
		const tag: string = op.tags[0];
		const resource = resourceFor(tag);
		const opType: string | undefined = op['x-ms-docs-operation-type'];
		const isFunction = opType === 'function' || opType === 'functionImport';
		const output = classifyOutput(op, spec, isFunction);
		const cleanPath = stripPlaceholderQuotes(path);

		// Parameters: path (keys + function parameters) in spec order; OData query options.
		const params: FieldModel[] = [];
		const query: ODataOption[] = [];
		for (const p of op.parameters ?? []) {
			if (p.in === 'path') {
				params.push(makeField(p.name, p.schema, spec, 'path', p.required === true, parameterOverlays[p.name]));
			} else if (p.in === 'query' && ODATA_QUERY[p.name]) {
				query.push(ODATA_QUERY[p.name]);
			}
		}
		query.sort((a, b) => ODATA_ORDER.indexOf(a) - ODATA_ORDER.indexOf(b));

		// Body.
		let bodyKind: OperationModel['bodyKind'];
		let bodyFields: FieldModel[] = [];
		let collection: OperationModel['collection'];
		const bodySchema: Schema | undefined = op.requestBody?.content?.['application/json']?.schema;
		const bodyFlat = bodySchema ? flatten(bodySchema, spec.schemaNames) : undefined;
		const isEntityOp = (opType === 'operation' || opType === undefined) && (method === 'post' || method === 'patch');
		if (bodyFlat && isEntityOp) {
			bodyKind = 'entity';
			// Named `<entity>AdditionalFields` / `<entity>UpdateFields` once resources have entities.
			collection = method === 'post' ? 'AdditionalFields' : 'UpdateFields';
			const overlay = bodyOverlays[bodyFlat.refName ?? ''];
			const readOnly = new Set(overlay?.readOnly ?? []);
			const keyNames = new Set(params.map((p) => p.name));
			for (const [prop, propSchema] of Object.entries(bodyFlat.properties)) {
				if (readOnly.has(prop) || keyNames.has(prop)) continue;
				// Server-assigned integer key on create.
				if (method === 'post' && prop === 'Id' && classify(propSchema, spec).type === 'int32') continue;
				bodyFields.push(makeField(prop, propSchema, spec, 'entity', false, overlay?.properties?.[prop]));
			}
		} else if (bodyFlat && Object.keys(bodyFlat.properties).length > 0) {
			bodyKind = 'action';
			for (const [prop, propSchema] of Object.entries(bodyFlat.properties)) {
				bodyFields.push(makeField(prop, propSchema, spec, 'action', false, parameterOverlays[prop]));
			}
		} else if (bodyFlat) {
			bodyKind = 'action';
			bodyFields = [];
		}

		// Names.
		const label = resourceLabels.get(tag) ?? resource.name.toLowerCase();
		const overlay = operationOverlays[op.operationId];
		const crud = crudNaming(method, path, tag, resource.name, label, output, opType, op.operationId);
		const single = words(op.operationId).length === 1;
		// Report exports are named `DownloadGet…` / `Download…Data` after the function they export.
		const readable = titleCase(op.operationId).replace(/^Download (Get )+/, 'Download ').replace(/ Data$/, '');
		const naming: Naming = crud ?? {
			value: camelCase(op.operationId),
			name: readable,
			action: sentenceCase(readable + (single ? ` ${resource.name}` : '')),
		};
		const value = overlay?.value ?? naming.value;
		const sinceVersion = since.get(`${method.toUpperCase()} ${normalizePath(path)}`);
		// Placeholders as `{ID}` in descriptions (n8n lint: "ID", not "Id").
		const endpoint = `${method.toUpperCase()} ${shortPath(cleanPath)}`.replace(/\{Id\}/g, '{ID}');
		let description = overlay?.description ? `${overlay.description} (${endpoint})` : endpoint;
		if (sinceVersion && sinceVersion !== SPEC_VERSIONS[0]) description += `. Requires 3CX ${sinceVersion} or later.`;

		const meta: XapiOperation = {
			method: method.toUpperCase() as XapiOperation['method'],
			path: cleanPath,
			params: [],
			query,
			output,
		};
		if (output === 'collection' && query.includes('top') && query.includes('skip')) meta.paged = true;

		resource.operations.push({
			tag,
			resource: resource.value,
			value,
			name: overlay?.name ?? naming.name,
			action: overlay?.action ?? naming.action,
			description,
			operationId: op.operationId,
			specMethod: method.toUpperCase(),
			specPath: path,
			extra: false,
			sinceVersion,
			params,
			bodyKind,
			bodyFields,
			bodySchema: bodyFlat?.refName,
			collection,
			meta,
		});
	}

	for (const extra of extraOperations) {
		const resource = resourceFor(extra.tag);
		resource.operations.push({
			tag: extra.tag,
			resource: resource.value,
			value: extra.value,
			name: extra.name,
			action: extra.action,
			description: extra.description,
			extra: true,
			params: [],
			bodyKind: extra.body?.kind,
			bodyFields: [],
			uploadPart: extra.body?.part,
			meta: { method: extra.method, path: extra.path, params: [], query: extra.query, output: extra.output },
		});
	}

	const resources = [...byTag.values()];
	assignEntities(resources, resourceLabels);
	const pickers = buildPickers(spec, ops);
	attachPickers(resources, pickers);
	assignFieldNames(resources);
	for (const r of resources) {
		const seen = new Map<string, OperationModel>();
		for (const o of r.operations) {
			const clash = seen.get(o.value);
			if (clash) {
				throw new Error(
					`Operation value "${o.value}" used twice in resource ${r.tag} (${clash.operationId}, ${o.operationId}): add an overlay in tools/generate/overlays/operations.ts`,
				);
			}
			seen.set(o.value, o);
			finishMeta(o);
		}
	}
	return { resources, pickers: [...pickers.values()], specOperationCount: ops.length };
}

/**
 * Each resource's entity: its entity label in camelCase (`user` from Pbx.User, `ringGroup`), or
 * its value where it has no label or shares it with another resource. Entity body collections
 * are named after it: `userAdditionalFields`, `userUpdateFields`.
 */
function assignEntities(resources: ResourceModel[], labels: Map<string, string>): void {
	const entityOf = (r: ResourceModel) => {
		const label = labels.get(r.tag);
		return label ? camelCase(label) : r.value;
	};
	const count = new Map<string, number>();
	for (const r of resources) count.set(entityOf(r), (count.get(entityOf(r)) ?? 0) + 1);
	const values = new Set(resources.map((r) => r.value));
	for (const r of resources) {
		const entity = entityOf(r);
		// Another resource's value as entity (`user` vs a resource `user`) would read as that resource.
		r.entity = count.get(entity) === 1 && (entity === r.value || !values.has(entity)) ? entity : r.value;
	}
	for (const r of resources) {
		for (const o of r.operations) if (o.collection) o.collection = `${r.entity}${o.collection}`;
	}
}

/** OData query options a set's list operation needs for a picker. */
const PICKER_QUERY = ['$select', '$filter', '$top', '$skip'];

/** Display groups by the schema rule, from the string properties of a set's rows. */
function derivedDisplay(strings: Set<string>): string[][] | undefined {
	if (strings.has('Number') && strings.has('FirstName') && strings.has('LastName')) {
		return [['Number'], ['FirstName', 'LastName']];
	}
	if (strings.has('Number') && strings.has('Name')) return [['Number'], ['Name']];
	for (const name of ['Name', 'DisplayName', 'Number']) if (strings.has(name)) return [[name]];
	return undefined;
}

/**
 * A picker for every entity set that has an integer `Id` key and a list operation
 * (`GET /<Set>` with $select, $filter, $top and $skip), unless its overlay says none.
 */
function buildPickers(spec: LoadedSpec, ops: ReturnType<typeof listOperations>): Map<string, PickerModel> {
	const intKeyed = new Set<string>();
	for (const { path, operation } of ops) {
		const key = /^\/(\w+)\(\{Id\}\)/.exec(path);
		const param = (operation.parameters ?? []).find((p: any) => p.in === 'path' && p.name === 'Id');
		if (key && param && classify(param.schema, spec).type === 'int32') intKeyed.add(key[1]);
	}
	const pickers = new Map<string, PickerModel>();
	for (const { method, path, operation } of ops) {
		const set = /^\/(\w+)$/.exec(path)?.[1];
		if (method !== 'get' || !set || !intKeyed.has(set)) continue;
		const query = (operation.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
		if (!PICKER_QUERY.every((name) => query.includes(name))) continue;
		const overlay = pickerOverlays[set];
		if (overlay?.none) continue;
		const value = flatten(responseSchema(operation) ?? undefined, spec.schemaNames).properties.value;
		const row = flatten(flatten(value, spec.schemaNames).items, spec.schemaNames);
		const strings = new Set(
			Object.entries(row.properties)
				.filter(([, schema]) => classify(schema, spec).type === 'string')
				.map(([name]) => name),
		);
		const display = overlay?.display ?? derivedDisplay(strings);
		if (!display) {
			throw new Error(
				`Entity set ${set} has a list operation but no display properties: add it to tools/generate/overlays/pickers.ts`,
			);
		}
		for (const name of display.flat()) {
			if (!strings.has(name)) throw new Error(`Picker of ${set}: ${name} is not a string property of ${row.refName}`);
		}
		pickers.set(set, {
			set,
			method: `search${pascalCase(set)}`,
			path: `/${set}`,
			display,
			displayName: overlay?.displayName ?? titleCase((row.refName ?? set).replace(/^Pbx\./, '')),
		});
	}
	for (const set of Object.keys(pickerOverlays)) {
		if (!intKeyed.has(set)) throw new Error(`tools/generate/overlays/pickers.ts: ${set} has no integer Id key`);
	}
	return pickers;
}

/** The `Id` path key of operations on a set's rows (`/Users({Id})…`) gets the set's picker. */
function attachPickers(resources: ResourceModel[], pickers: Map<string, PickerModel>): void {
	for (const r of resources) {
		for (const o of r.operations) {
			const set = /^\/(\w+)\(\{Id\}\)/.exec(o.meta.path)?.[1];
			const picker = set ? pickers.get(set) : undefined;
			const key = o.params.find((p) => p.name === 'Id' && p.type === 'int32');
			if (picker && key) {
				key.picker = picker;
				// `<entity>Id` after the picker's label: User → `userId`, Ring Group → `ringGroupId`.
				key.field = `${camelCase(picker.displayName)}Id`;
			}
		}
	}
}

/** n8n-level signature of a top-level field: same name must mean the same n8n type. A key picker
 * (resource locator) counts as its number: the runtime reads a locator's value and a plain number
 * alike. (Names shared by different properties are then told apart by emit.ts.) */
function signature(f: FieldModel): string {
	const n8nType = nodeType(f.type);
	return n8nType === 'options' || n8nType === 'multiOptions' ? `${n8nType}:${(f.enumValues ?? []).join('|')}` : n8nType;
}

export function nodeType(
	type: XapiValueType,
): 'number' | 'boolean' | 'dateTime' | 'options' | 'multiOptions' | 'json' | 'string' {
	switch (type) {
		case 'int32':
		case 'int64':
		case 'number':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'dateTime':
		case 'date':
			return 'dateTime';
		case 'enum':
			return 'options';
		case 'enumList':
			return 'multiOptions';
		case 'json':
			return 'json';
		default:
			return 'string';
	}
}

const TYPE_SUFFIX: Record<string, string> = {
	number: 'Number',
	boolean: 'Boolean',
	dateTime: 'Date',
	options: 'Option',
	multiOptions: 'Options',
	json: 'Json',
	string: 'String',
};

/**
 * Top-level node parameter names: camelCase of the wire name, unless that name is reserved or is
 * already used with another n8n type elsewhere (values persist across operations in n8n): then a
 * type suffix is added. Entity fields live in a collection and keep the plain camelCase name.
 */
function assignFieldNames(resources: ResourceModel[]): void {
	const topLevel: FieldModel[] = [];
	for (const r of resources) {
		for (const o of r.operations) {
			topLevel.push(...o.params);
			if (o.bodyKind === 'action') topLevel.push(...o.bodyFields);
		}
	}
	const byName = new Map<string, Map<string, number>>();
	for (const f of topLevel) {
		const base = RESERVED_NAMES.has(f.field) ? `${f.field}Param` : f.field;
		f.field = base;
		const sigs = byName.get(base) ?? new Map<string, number>();
		sigs.set(signature(f), (sigs.get(signature(f)) ?? 0) + 1);
		byName.set(base, sigs);
	}
	const rename = new Map<string, string>();
	const used = new Set(byName.keys());
	for (const [base, sigs] of byName) {
		const ranked = [...sigs.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		ranked.slice(1).forEach(([sig]) => {
			const suffix = TYPE_SUFFIX[sig.split(':')[0]];
			let candidate = `${base}${suffix}`;
			for (let i = 2; used.has(candidate); i++) candidate = `${base}${suffix}${i}`;
			used.add(candidate);
			rename.set(`${base}\u0000${sig}`, candidate);
		});
	}
	for (const f of topLevel) {
		const renamed = rename.get(`${f.field}\u0000${signature(f)}`);
		if (renamed) f.field = renamed;
	}
	// Within one operation, names must be distinct (path key vs. action parameter).
	for (const r of resources) {
		for (const o of r.operations) {
			const names = new Set<string>();
			for (const f of [...o.params, ...(o.bodyKind === 'action' ? o.bodyFields : [])]) {
				if (names.has(f.field)) throw new Error(`Field name ${f.field} used twice in ${r.tag}.${o.value}`);
				names.add(f.field);
			}
			const options = new Set<string>();
			if (o.bodyKind === 'entity') {
				for (const f of o.bodyFields) {
					if (options.has(f.field)) throw new Error(`Body field ${f.field} used twice in ${r.tag}.${o.value}`);
					options.add(f.field);
				}
			}
		}
	}
}

/** `XapiOperation` params and body from the fields (again after emit.ts names the properties). */
export function finishMeta(o: OperationModel): void {
	const strip = (f: FieldModel) => {
		const out: XapiOperation['params'][number] = { name: f.name, field: f.field, type: f.type, required: f.required };
		if (f.enumValues) out.enumValues = f.enumValues;
		if (f.maxLength !== undefined) out.maxLength = f.maxLength;
		return out;
	};
	o.meta.params = o.params.map(strip);
	if (o.bodyKind === 'entity') {
		o.meta.body = { kind: 'entity', fields: o.bodyFields.map(strip), collection: o.collection! };
	} else if (o.bodyKind === 'action') {
		o.meta.body = { kind: 'action', fields: o.bodyFields.map(strip) };
	} else if (o.bodyKind === 'upload') {
		o.meta.body = { kind: 'upload', part: o.uploadPart ?? 'file' };
	}
}
