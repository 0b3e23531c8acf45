/**
 * One operation of the model: from a spec operation (its path parameters, OData query options,
 * request body, output kind, names and description), or from an extra operation overlay.
 */
import type { ODataOption, XapiOperation, XapiOutput } from '../../../nodes/ThreeCx/xapi/types';
import { SPEC_VERSIONS } from '../../spec/locate';
import {
	flatten,
	normalizePath,
	stripPlaceholderQuotes,
	type FlatSchema,
	type LoadedSpec,
	type Schema,
	type SpecOperation,
} from '../../spec/load';
import { bodyOverlays } from '../overlays/bodies';
import { operationOverlays } from '../overlays/operations';
import { parameterOverlays } from '../overlays/parameters';
import { reportOperationOverlays, reportParameterOverlays } from '../overlays/reports';
import type { ExtraOperation } from '../overlays/types';
import { classify, makeField } from './fields';
import { operationNaming } from './operationNames';
import type { FieldModel, OperationModel, ResourceModel } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */

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

export function responseSchema(op: Record<string, any>): Schema | undefined | null {
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

/** What an operation needs to know of the build: the spec, entity labels, first versions. */
export interface OperationContext {
	spec: LoadedSpec;
	/** Tag → entity label (`user`). */
	labels: Map<string, string>;
	/** `METHOD /normalized/path` → first spec version that has it. */
	since: Map<string, string>;
}

export function specOperation(
	{ method, path, operation: op }: SpecOperation,
	resource: ResourceModel,
	context: OperationContext,
): OperationModel {
	const { spec, labels, since } = context;
	const tag: string = op.tags[0];
	const opType: string | undefined = op['x-ms-docs-operation-type'];
	const isFunction = opType === 'function' || opType === 'functionImport';
	const output = classifyOutput(op, spec, isFunction);
	const cleanPath = stripPlaceholderQuotes(path);

	// Parameters: path (keys + function parameters) in spec order; OData query options.
	const params: FieldModel[] = [];
	const query: ODataOption[] = [];
	for (const p of op.parameters ?? []) {
		if (p.in === 'path') {
			const overlay = { ...parameterOverlays[p.name], ...reportParameterOverlays[op.operationId]?.[p.name] };
			params.push(makeField(p.name, p.schema, spec, 'path', p.required === true, overlay));
		} else if (p.in === 'query' && ODATA_QUERY[p.name]) {
			query.push(ODATA_QUERY[p.name]);
		}
	}
	query.sort((a, b) => ODATA_ORDER.indexOf(a) - ODATA_ORDER.indexOf(b));
	markKeysRequired(params, cleanPath);

	const bodySchema: Schema | undefined = op.requestBody?.content?.['application/json']?.schema;
	const bodyFlat = bodySchema ? flatten(bodySchema, spec.schemaNames) : undefined;
	const isEntityOp = (opType === 'operation' || opType === undefined) && (method === 'post' || method === 'patch');
	const body = requestBody(bodyFlat, isEntityOp, method, params, spec);

	const label = labels.get(tag) ?? resource.name.toLowerCase();
	const overlay = reportOperationOverlays[op.operationId] ?? operationOverlays[op.operationId];
	const naming = operationNaming({ method, path, tag, resourceName: resource.name, label, output, opType, operationId: op.operationId });
	const sinceVersion = since.get(`${method.toUpperCase()} ${normalizePath(path)}`);
	// Placeholders as `{ID}` in descriptions (n8n lint: "ID", not "Id").
	const endpoint = `${method.toUpperCase()} ${shortPath(cleanPath)}`.replace(/\{Id\}/g, '{ID}');
	let description = overlay?.description ? `${overlay.description} (${endpoint})` : endpoint;
	if (sinceVersion && sinceVersion !== SPEC_VERSIONS[0]) description += `. Requires 3CX ${sinceVersion} or later.`;

	const request: OperationModel['request'] = {
		method: method.toUpperCase() as XapiOperation['method'],
		path: cleanPath,
		query,
		output,
	};
	if (output === 'collection' && query.includes('top') && query.includes('skip')) request.paged = true;
	const period = periodPair(params);
	if (period) request.period = period;

	return {
		tag,
		resource: resource.value,
		value: overlay?.value ?? naming.value,
		name: overlay?.name ?? naming.name,
		action: overlay?.action ?? naming.action,
		description,
		operationId: op.operationId,
		specMethod: method.toUpperCase(),
		specPath: path,
		extra: false,
		sinceVersion,
		params,
		...body,
		...(body.bodyKind && op.requestBody?.required === true ? { bodyRequired: true } : {}),
		bodySchema: bodyFlat?.refName,
		request,
	};
}

/** Function parameters that bound a report period (`periodFrom`/`periodTo`, `startDt`/`endDt`): Period presets fill them. */
const PERIOD_PAIRS: Array<[string, string]> = [
	['periodFrom', 'periodTo'],
	['startDt', 'endDt'],
];

function periodPair(params: FieldModel[]): XapiOperation['period'] {
	for (const [from, to] of PERIOD_PAIRS) {
		const bounds = [from, to].map((name) => params.find((p) => p.name === name && p.type === 'dateTime'));
		if (bounds.every(Boolean)) return { from, to };
	}
	return undefined;
}

/** Key parameters (`/Users({Id})`, `/Users(Number={Number})`, not function parameters) are
 * required in the editor, nullable strings included: an empty key addresses nothing. */
function markKeysRequired(params: FieldModel[], path: string): void {
	const keys = new Set<string>();
	for (const [, segment, inner] of path.matchAll(/([\w.]+)\(([^()]*)\)/g)) {
		if (segment.startsWith('Pbx.')) continue;
		for (const [, name] of inner.matchAll(/\{(\w+)\}/g)) keys.add(name);
	}
	for (const param of params) if (keys.has(param.name)) param.nodeRequired = true;
}

type Body = Pick<OperationModel, 'bodyKind' | 'bodyFields' | 'collection'>;

/**
 * Entity bodies (create/update of an entity set) become a collection of optional fields, named
 * `<entity>AdditionalFields` / `<entity>UpdateFields` once resources have entities; action
 * bodies become top-level fields.
 */
function requestBody(
	bodyFlat: FlatSchema | undefined,
	isEntityOp: boolean,
	method: string,
	params: FieldModel[],
	spec: LoadedSpec,
): Body {
	if (!bodyFlat) return { bodyFields: [] };
	if (!isEntityOp) {
		const fields = Object.entries(bodyFlat.properties).map(([prop, propSchema]) =>
			makeField(prop, propSchema, spec, 'action', false, parameterOverlays[prop]),
		);
		return { bodyKind: 'action', bodyFields: fields };
	}
	const overlay = bodyOverlays[bodyFlat.refName ?? ''];
	const readOnly = new Set(overlay?.readOnly ?? []);
	const keyNames = new Set(params.map((p) => p.name));
	const fields: FieldModel[] = [];
	for (const [prop, propSchema] of Object.entries(bodyFlat.properties)) {
		if (readOnly.has(prop) || keyNames.has(prop)) continue;
		// Server-assigned integer key on create.
		if (method === 'post' && prop === 'Id' && classify(propSchema, spec).type === 'int32') continue;
		fields.push(makeField(prop, propSchema, spec, 'entity', false, overlay?.properties?.[prop]));
	}
	return { bodyKind: 'entity', bodyFields: fields, collection: method === 'post' ? 'AdditionalFields' : 'UpdateFields' };
}

/** An operation the spec does not describe (tools/generate/overlays/extraOperations.ts). */
export function extraOperation(extra: ExtraOperation, resource: ResourceModel): OperationModel {
	return {
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
		request: { method: extra.method, path: extra.path, query: extra.query, output: extra.output },
	};
}
