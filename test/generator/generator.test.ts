/**
 * The generated descriptors against the 3CX spec: every spec operation maps to exactly one node
 * operation, required parameters are required fields of the right type, every writable body
 * property is reachable, names are unique, regeneration is clean, and the description fits its
 * size budget.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import {
	EXTRA_OPERATIONS,
	OPERATION_IDS,
	OPERATIONS,
	resourceOptions,
	resourceProperties,
} from '../../nodes/ThreeCx/generated';
import { PICKERS } from '../../nodes/ThreeCx/generated/pickers';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import { INT32_PATTERN } from '../../nodes/ThreeCx/descriptions/shared';
import type { XapiValueType } from '../../nodes/ThreeCx/xapi/types';
import { specAvailable } from '../../tools/spec/locate';
import { withSpec as ifSpec } from '../support/spec';
import { listOperations, readSpecRaw, stripPlaceholderQuotes } from '../../tools/spec/load';
import { emit } from '../../tools/generate/emit';
import { outdated } from '../../tools/generate/index';
import { buildModel } from '../../tools/generate/model';
import { bodyOverlays } from '../../tools/generate/overlays/bodies';
import { nodeProperties, operationProperty, visibleProperties } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Issue #12: the description stays at most 450 kB (1000 bytes, as `npm run bench` reports it). */
const BUDGET_KB = 450;
const haveSpec = specAvailable();
const withSpec = ifSpec(describe, 'the generator tests that compare with the spec', haveSpec);

const N8N_TYPE: Record<XapiValueType, string> = {
	string: 'string',
	int32: 'number',
	int64: 'number',
	number: 'number',
	boolean: 'boolean',
	dateTime: 'dateTime',
	date: 'dateTime',
	guid: 'string',
	interval: 'string',
	enum: 'options',
	json: 'json',
	stringList: 'string',
	intList: 'string',
	enumList: 'multiOptions',
	duration: 'string',
	timeOfDay: 'string',
};

/** Spec document with local `$ref`s resolvable by hand (independent of the generator's resolver). */
let doc: Record<string, any> = {};
function deref(node: any): any {
	let out = node;
	const seen = new Set<string>();
	while (out && out.$ref && !seen.has(out.$ref)) {
		seen.add(out.$ref);
		out = (out.$ref as string)
			.replace(/^#\//, '')
			.split('/')
			.reduce((acc: any, key) => acc?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
	}
	return out;
}
/** Properties of a schema with its `allOf` chain merged. */
function allProperties(schema: any, seen = new Set<any>()): Record<string, any> {
	const s = deref(schema);
	if (!s || seen.has(s)) return {};
	seen.add(s);
	const props: Record<string, any> = {};
	for (const part of s.allOf ?? []) Object.assign(props, allProperties(part, seen));
	Object.assign(props, s.properties ?? {});
	return props;
}
/** Value type family the spec gives a parameter schema. */
function expectedTypes(schema: any): XapiValueType[] {
	const s = deref(schema) ?? {};
	if (s.type === 'integer') return s.format === 'int64' ? ['int64'] : ['int32'];
	if (s.type === 'number') return ['number'];
	if (s.type === 'boolean') return ['boolean'];
	if (s.type === 'string' && s.format === 'date-time') return ['dateTime'];
	if (s.type === 'string' && s.format === 'date') return ['date'];
	if (s.type === 'string' && s.format === 'uuid') return ['guid'];
	if (s.type === 'string' && s.format === 'duration') return ['duration'];
	if (s.type === 'string' && s.format === 'time') return ['timeOfDay'];
	if (s.type === 'string') return ['string', 'interval', 'enum'];
	return ['string', 'json', 'enum', 'stringList', 'intList', 'enumList'];
}

interface SpecOp {
	method: string;
	path: string;
	operationId: string;
	op: any;
}
let specOps: SpecOp[] = [];

beforeAll(() => {
	if (!haveSpec) return;
	doc = readSpecRaw('20.0.10');
	specOps = listOperations(doc).map(({ method, path: p, operation }) => ({
		method: method.toUpperCase(),
		path: stripPlaceholderQuotes(p),
		operationId: operation.operationId,
		op: operation,
	}));
});

const allNodeOps = () =>
	Object.entries(OPERATIONS).flatMap(([resource, ops]) =>
		Object.entries(ops).map(([operation, meta]) => ({ resource, operation, meta })),
	);

withSpec('spec ↔ node operation mapping', () => {
	test('the reference spec has 601 operations in 132 tags', () => {
		expect(specOps).toHaveLength(601);
		expect(new Set(specOps.map((o) => o.op.tags[0])).size).toBe(132);
	});

	test('every spec operation maps to exactly one node operation, and back', () => {
		const nodeOps = allNodeOps().filter((o) => !EXTRA_OPERATIONS.includes(`${o.resource}.${o.operation}`));
		const unmatched: string[] = [];
		for (const s of specOps) {
			const matches = nodeOps.filter(
				(n) =>
					n.meta.method === s.method &&
					n.meta.path === s.path &&
					OPERATION_IDS[`${n.resource}.${n.operation}`] === s.operationId,
			);
			if (matches.length !== 1) unmatched.push(`${s.method} ${s.path} (${s.operationId}): ${matches.length}`);
		}
		expect(unmatched).toEqual([]);
		expect(nodeOps).toHaveLength(specOps.length);
		const specKeys = new Set(specOps.map((s) => `${s.method} ${s.path} ${s.operationId}`));
		for (const n of nodeOps) {
			expect(specKeys.has(`${n.meta.method} ${n.meta.path} ${OPERATION_IDS[`${n.resource}.${n.operation}`]}`)).toBe(true);
		}
	});

	test('resources are the 132 tags', () => {
		expect(resourceOptions).toHaveLength(132);
		const tagsByResource = new Map<string, Set<string>>();
		for (const n of allNodeOps()) {
			if (EXTRA_OPERATIONS.includes(`${n.resource}.${n.operation}`)) continue;
			const s = specOps.find((o) => o.operationId === OPERATION_IDS[`${n.resource}.${n.operation}`])!;
			const tags = tagsByResource.get(n.resource) ?? new Set<string>();
			tags.add(s.op.tags[0]);
			tagsByResource.set(n.resource, tags);
		}
		for (const tags of tagsByResource.values()) expect(tags.size).toBe(1);
		expect(tagsByResource.size).toBe(132);
	});

	test('extra operations are marked and present (Custom Prompts → Upload)', () => {
		expect(EXTRA_OPERATIONS).toContain('customPrompts.upload');
		const upload = OPERATIONS.customPrompts.upload;
		expect(upload).toMatchObject({ method: 'POST', path: '/customPrompts', output: 'value', body: { kind: 'upload', part: 'file' } });
		const names = visibleProperties('customPrompts', 'upload').map((p) => p.name);
		expect(names).toContain('inputBinaryPropertyName');
		const op = (operationProperty('customPrompts')!.options as INodePropertyOptions[]).find((o) => o.value === 'upload')!;
		expect(op.description).toMatch(/Not in the 3CX spec/);
	});

	test('OData query options: exactly those the spec lists, in the Options collection', () => {
		const problems: string[] = [];
		for (const n of allNodeOps()) {
			const id = OPERATION_IDS[`${n.resource}.${n.operation}`];
			if (!id) continue;
			const s = specOps.find((o) => o.operationId === id)!;
			const listed = (s.op.parameters ?? [])
				.map((p: any) => deref(p))
				.filter((p: any) => p.in === 'query' && String(p.name).startsWith('$'))
				.map((p: any) => String(p.name).slice(1))
				.sort();
			if ([...n.meta.query].sort().join() !== listed.join()) problems.push(`${id}: meta ${n.meta.query} spec ${listed}`);
			const options = visibleProperties(n.resource, n.operation).find((p) => p.name === n.meta.optionsField);
			if (options?.displayName !== 'Options' && (n.meta.optionsField || listed.length > 0)) problems.push(`${id}: no Options`);
			const odata = ((options?.options ?? []) as INodeProperties[])
				.map((o) => o.name)
				.filter((o) => !['rawResponse', 'includeSecrets', 'binaryPropertyName', 'timeout', 'parallelRequests'].includes(o))
				.sort();
			if (odata.join() !== listed.join()) problems.push(`${id}: options ${odata} spec ${listed}`);
			const paged = listed.includes('top') && listed.includes('skip') && n.meta.output === 'collection';
			if (!!n.meta.paged !== paged) problems.push(`${id}: paged ${n.meta.paged}`);
			const visible = visibleProperties(n.resource, n.operation).map((p) => p.name);
			if (paged !== visible.includes('returnAll') || paged !== visible.includes('limit')) problems.push(`${id}: returnAll/limit`);
		}
		expect(problems).toEqual([]);
	});
});

withSpec('parameters', () => {
	test('every required spec parameter is a required node field of the right type, in spec order', () => {
		const problems: string[] = [];
		for (const n of allNodeOps()) {
			const id = OPERATION_IDS[`${n.resource}.${n.operation}`];
			if (!id) continue;
			const s = specOps.find((o) => o.operationId === id)!;
			const specParams = (s.op.parameters ?? []).map((p: any) => deref(p)).filter((p: any) => p.in === 'path');
			expect(n.meta.params.map((p) => p.name)).toEqual(specParams.map((p: any) => p.name));
			// Period bounds show when the Period preset is Custom.
			const visible = visibleProperties(n.resource, n.operation, { period: 'custom' });
			for (const sp of specParams) {
				const meta = n.meta.params.find((p) => p.name === sp.name)!;
				const where = `${n.resource}.${n.operation} ${sp.name}`;
				if (meta.required !== (sp.required === true)) problems.push(`${where}: metadata required`);
				if (!expectedTypes(sp.schema).includes(meta.type)) problems.push(`${where}: type ${meta.type}`);
				const prop = visible.find((p) => p.name === meta.field);
				if (!prop) {
					problems.push(`${where}: no visible top-level field ${meta.field}`);
					continue;
				}
				const locator = prop.type === 'resourceLocator' && meta.type === 'int32' && meta.name === 'Id';
				// Report filters: labelled codes (options) or choices loaded from the PBX (options, multiOptions).
				const choices = prop.type === 'options' && meta.type !== 'enum' ? prop : undefined;
				const loaded = !!prop.typeOptions?.loadOptionsMethod;
				const typed = locator || choices || (loaded && prop.type === 'multiOptions' && meta.type === 'string');
				if (!typed && prop.type !== N8N_TYPE[meta.type]) problems.push(`${where}: n8n type ${prop.type}`);
				const blank = prop.default === '' || (Array.isArray(prop.default) && prop.default.length === 0);
				const emptyAllowed = deref(sp.schema)?.nullable === true && ['string', 'options', 'multiOptions'].includes(prop.type) && blank;
				if (sp.required && !emptyAllowed && prop.required !== true) problems.push(`${where}: not required in n8n`);
				if (locator) {
					// By ID accepts exactly the int32 range (n8n tests the regex as ^(regex)$).
					const byId = prop.modes?.find((m) => m.name === 'id');
					const rule = byId?.validation?.[0] as { properties: { regex: string } } | undefined;
					expect(new RegExp(`^(${rule?.properties.regex})$`).test('-2147483648')).toBe(true);
				} else if (meta.type === 'int32' && !choices) {
					// Editor bounds only where the spec's are narrower than int32's own range (checked at run time).
					const { minimum, maximum } = deref(sp.schema) ?? {};
					expect(prop.typeOptions?.minValue).toBe(minimum === -2147483648 ? undefined : minimum);
					expect(prop.typeOptions?.maxValue).toBe(maximum === 2147483647 ? undefined : maximum);
				}
			}
			// Spec order of the visible fields, exactly: path/function parameters, then action body fields
			// (a shared field the operations order both ways is split into properties of its own).
			const fields = [...n.meta.params, ...(n.meta.body?.kind === 'action' ? n.meta.body.fields : [])];
			const positions = fields.map((p) => visible.findIndex((v) => v.name === p.field));
			positions.forEach((at, i) => {
				if (at < 0) problems.push(`${n.resource}.${n.operation}: ${fields[i].field} not visible`);
				else if (i > 0 && at <= positions[i - 1]) {
					problems.push(`${n.resource}.${n.operation}: ${fields[i - 1].field} shown after ${fields[i].field}`);
				}
			});
		}
		expect(problems).toEqual([]);
	});

	test('every writable body property is reachable (typed field or collection option)', () => {
		const problems: string[] = [];
		let checked = 0;
		for (const n of allNodeOps()) {
			const id = OPERATION_IDS[`${n.resource}.${n.operation}`];
			if (!id) continue;
			const s = specOps.find((o) => o.operationId === id)!;
			const rb = deref(s.op.requestBody);
			const schema = rb?.content?.['application/json']?.schema;
			if (!schema) continue;
			const props = allProperties(schema);
			const body = n.meta.body;
			const where = `${n.resource}.${n.operation}`;
			if (!body || body.kind === 'upload') {
				if (Object.keys(props).length > 0) problems.push(`${where}: body not described`);
				continue;
			}
			const visible = visibleProperties(n.resource, n.operation);
			expect(visible.map((p) => p.name)).toContain('bodyMode');
			expect(visibleProperties(n.resource, n.operation, { bodyMode: 'json' }).map((p) => p.name)).toContain('jsonBody');
			const refName = String(deref(schema) === schema ? '' : schema.$ref ?? '').replace('#/components/schemas/', '');
			const readOnly = new Set(bodyOverlays[refName]?.readOnly ?? []);
			const keys = new Set(n.meta.params.map((p) => p.name));
			const collection = body.kind === 'entity' ? visible.find((p) => p.name === body.collection) : undefined;
			if (body.kind === 'entity') {
				expect(collection?.type).toBe('collection');
				expect(collection?.displayName).toBe(s.method === 'POST' ? 'Additional Fields' : 'Update Fields');
				expect(body.collection).toMatch(s.method === 'POST' ? /^[a-z][A-Za-z0-9]*AdditionalFields$/ : /^[a-z][A-Za-z0-9]*UpdateFields$/);
			}
			for (const [prop, propSchema] of Object.entries(props)) {
				if (readOnly.has(prop) || keys.has(prop)) continue;
				const isServerKey = body.kind === 'entity' && s.method === 'POST' && prop === 'Id' && deref(propSchema)?.type === 'integer';
				if (isServerKey) continue;
				checked++;
				const meta = body.fields.find((f) => f.name === prop);
				if (!meta) {
					problems.push(`${where}: ${prop} missing from metadata`);
					continue;
				}
				const holder =
					body.kind === 'entity'
						? ((collection?.options ?? []) as INodeProperties[]).find((o) => o.name === meta.field) ??
							visible.find((p) => p.name === meta.field)
						: visible.find((p) => p.name === meta.field);
				if (!holder) problems.push(`${where}: ${prop} (${meta.field}) not reachable`);
				else if (holder.type !== N8N_TYPE[meta.type]) problems.push(`${where}: ${prop} n8n type ${holder.type} vs ${meta.type}`);
				if (meta.type === 'enum' && holder) {
					expect(((holder.options ?? []) as INodePropertyOptions[]).map((o) => o.value).sort()).toEqual([...meta.enumValues!].sort());
				}
			}
		}
		expect(problems).toEqual([]);
		expect(checked).toBeGreaterThan(1000);
	});

	test('flags enums, enum arrays, durations, times of day and length limits are typed as the spec validates them', () => {
		/** The spec schema of a property, with a single `allOf` wrapper (`allOf: [$ref], nullable`) opened. */
		const open = (schema: any): any => {
			const s = deref(schema) ?? {};
			return !s.type && s.allOf?.length === 1 ? { ...deref(s.allOf[0]), ...s, allOf: undefined } : s;
		};
		const problems: string[] = [];
		const seen = { flags: 0, enumList: 0, duration: 0, maxLength: 0 };
		for (const n of allNodeOps()) {
			const id = OPERATION_IDS[`${n.resource}.${n.operation}`];
			if (!id || !n.meta.body || n.meta.body.kind === 'upload') continue;
			const s = specOps.find((o) => o.operationId === id)!;
			const props = allProperties(deref(s.op.requestBody)?.content?.['application/json']?.schema);
			const visible = visibleProperties(n.resource, n.operation);
			const body = n.meta.body;
			const collection = body.kind === 'entity' ? visible.find((p) => p.name === body.collection) : undefined;
			for (const meta of n.meta.body.fields) {
				const spec = open(props[meta.name]);
				const where = `${n.resource}.${n.operation} ${meta.name}`;
				const holder = [...((collection?.options ?? []) as INodeProperties[]), ...visible].find((p) => p.name === meta.field);
				const members = ((holder?.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
				if (spec.enum && spec['x-ms-enum-flags']) {
					seen.flags++;
					if (meta.type !== 'enum' || holder?.type !== 'options') problems.push(`${where}: flags enum typed ${meta.type}`);
				}
				const items = spec.type === 'array' ? open(spec.items) : undefined;
				if (items?.enum) {
					seen.enumList++;
					if (meta.type !== 'enumList' || holder?.type !== 'multiOptions') problems.push(`${where}: enum array typed ${meta.type}`);
					if ([...members].sort().join() !== [...items.enum].sort().join()) problems.push(`${where}: options ${members}`);
					if (!Array.isArray(holder?.default) || (holder?.default as unknown[]).length) problems.push(`${where}: default`);
					const names = ((holder?.options ?? []) as INodePropertyOptions[]).map((o) => o.name);
					if (names.join() !== [...names].sort((a, b) => a.localeCompare(b, 'en')).join()) problems.push(`${where}: unsorted`);
				}
				if (spec.format === 'duration') {
					seen.duration++;
					if (meta.type !== 'duration') problems.push(`${where}: duration typed ${meta.type}`);
					if (!/PT1H30M/.test(String(holder?.placeholder))) problems.push(`${where}: placeholder`);
				}
				if (spec.format === 'time' && meta.type !== 'timeOfDay') problems.push(`${where}: time typed ${meta.type}`);
				if (typeof spec.maxLength === 'number') {
					seen.maxLength++;
					if (meta.maxLength !== spec.maxLength) problems.push(`${where}: maxLength ${meta.maxLength}`);
					if (!String(holder?.description).includes(`At most ${spec.maxLength} characters`)) problems.push(`${where}: description`);
				}
			}
		}
		expect(problems).toEqual([]);
		expect(seen.flags).toBeGreaterThanOrEqual(26);
		expect(seen.enumList).toBeGreaterThanOrEqual(16);
		expect(seen.duration).toBeGreaterThanOrEqual(5);
		expect(seen.maxLength).toBeGreaterThan(0);
		// Path keys with a length limit carry it too.
		expect(OPERATIONS.sbcs.get.params[0]).toMatchObject({ name: 'Name', type: 'string', maxLength: 12 });
		expect(visibleProperties('sbcs', 'get').find((p) => p.name === 'sbcName')?.description).toMatch(/At most 12 characters/);
		// Times of day and durations nested in JSON fields are described.
		const schedules = (visibleProperties('users', 'update').find((p) => p.name === 'userUpdateFields')!.options as INodeProperties[])
			.filter((o) => o.type === 'json' && /Schedule object/.test(String(o.description)));
		expect(schedules.length).toBeGreaterThan(0);
		for (const o of schedules) expect(o.description).toMatch(/times of day as HH:MM:SS/);
	});

	test('Report User Activity → Get User Activity has the documented fields', () => {
		expect(resourceOptions.find((r) => r.value === 'reportUserActivity')?.name).toBe('Report User Activity');
		const op = (operationProperty('reportUserActivity')!.options as INodePropertyOptions[]).find(
			(o) => o.value === 'getUserActivity',
		)!;
		expect(op).toMatchObject({ name: 'Get User Activity', action: 'Get user activity' });
		const visible = visibleProperties('reportUserActivity', 'getUserActivity', { period: 'custom' });
		const meta = OPERATIONS.reportUserActivity.getUserActivity;
		const fields = visible
			.filter((p) => !['returnAll', 'limit', meta.optionsField].includes(p.name))
			.map((p) => [p.displayName, p.type]);
		// Client Time Zone comes first in the spec here, but after the period in most reports that
		// have both: a property of its own here, so that each report shows it where its spec does.
		expect(fields).toEqual([
			['Time Zone Name or ID', 'options'],
			['Period', 'options'],
			['Period From', 'dateTime'],
			['Period To', 'dateTime'],
			['Department Name or ID', 'options'],
			['Extension Names or IDs', 'multiOptions'],
			['Wait Interval', 'string'],
			['Include Queue Calls', 'boolean'],
			['Call Direction', 'options'],
			['Grouping Type', 'number'],
		]);
		// Empty: the workflow's time zone.
		expect(visible.find((p) => p.name === 'reportUserActivityClientTimeZone')?.default).toBe('');
		expect(meta.params[0].field).toBe('reportUserActivityClientTimeZone');
		expect(visible.find((p) => p.name === 'waitInterval')?.default).toBe('0:00:0');
		expect(meta.optionsField).toBe('listQueryOptions');
		const options = (visible.find((p) => p.name === meta.optionsField)!.options as INodeProperties[]).map((o) => o.name);
		for (const o of ['top', 'skip', 'search', 'filter', 'count', 'select', 'orderby', 'expand']) expect(options).toContain(o);
		expect(meta.params.map((p) => p.type)).toEqual([
			'string', 'dateTime', 'dateTime', 'string', 'string', 'interval', 'boolean', 'int32', 'int32',
		]);
		expect(meta).toMatchObject({ method: 'GET', output: 'collection', paged: true });
	});

	test('Make Call and batch deletes have typed action fields', () => {
		const makeCall = OPERATIONS.users.makeCall;
		expect(makeCall.body?.kind).toBe('action');
		const names = visibleProperties('users', 'makeCall').map((p) => p.name);
		expect(names).toEqual(expect.arrayContaining(['dn', 'destination']));
		const batch = OPERATIONS.users.batchDelete;
		expect(batch.body).toMatchObject({ kind: 'action', fields: [{ name: 'ids', type: 'intList' }] });
	});

	test('version notes: operations newer than 20.0.4 say which version they need', () => {
		const op = (operationProperty('users')!.options as INodePropertyOptions[]).find((o) => o.value === 'getByNumber')!;
		expect(op.description).toMatch(/Requires 3CX 20\.0\.8 or later\./);
		const list = (operationProperty('users')!.options as INodePropertyOptions[]).find((o) => o.value === 'getMany')!;
		expect(list.description).not.toMatch(/Requires/);
	});
});

describe('names', () => {
	test('operation names and values are unique per resource; resources unique', () => {
		const resourceValues = resourceOptions.map((r) => r.value);
		expect(new Set(resourceValues).size).toBe(resourceValues.length);
		expect(new Set(resourceOptions.map((r) => r.name)).size).toBe(resourceOptions.length);
		for (const r of resourceOptions) {
			const ops = operationProperty(String(r.value))!.options as INodePropertyOptions[];
			expect(new Set(ops.map((o) => o.value)).size).toBe(ops.length);
			expect(new Set(ops.map((o) => o.name)).size).toBe(ops.length);
			expect(new Set(ops.map((o) => o.action)).size).toBe(ops.length);
			expect(Object.keys(OPERATIONS[String(r.value)]).sort()).toEqual(ops.map((o) => String(o.value)).sort());
			for (const o of ops) expect(String(o.value)).toMatch(/^[a-z][A-Za-z0-9]*$/);
		}
	});

	test('no two visible fields of an operation share a name', () => {
		for (const n of allNodeOps()) {
			for (const mode of ['fields', 'json']) {
				const names = visibleProperties(n.resource, n.operation, { bodyMode: mode }).map((p) => p.name);
				expect(new Set(names).size).toBe(names.length);
			}
		}
	});

	test('no two top-level properties share a name, except the per-resource Operation', () => {
		// n8n's declarative engine evaluates the value under every top-level property's name for every
		// item, shown or not: a name shared by several properties is evaluated once per property.
		const count = new Map<string, number>();
		for (const p of nodeProperties) count.set(p.name, (count.get(p.name) ?? 0) + 1);
		const shared = [...count].filter(([name, n]) => n > 1 && name !== 'operation');
		expect(shared).toEqual([]);
		expect(count.get('operation')).toBe(resourceOptions.length);
		const node = new ThreeCx();
		const names = node.description.properties.map((p) => p.name);
		expect(names.filter((name) => name !== 'operation').length).toBe(new Set(names).size - 1);
		console.log(`ThreeCx node description: ${new Set(names).size} distinct top-level names`);
	});

	test('key pickers are <entity>Id, body collections <entity>AdditionalFields / <entity>UpdateFields', () => {
		expect(OPERATIONS.users.get.params[0].field).toBe('userId');
		expect(OPERATIONS.queues.get.params[0].field).toBe('queueId');
		expect(OPERATIONS.ringGroups.get.params[0].field).toBe('ringGroupId');
		expect(OPERATIONS.groups.get.params[0].field).toBe('groupId');
		expect(OPERATIONS.trunks.get.params[0].field).toBe('trunkId');
		expect(OPERATIONS.contacts.get.params[0].field).toBe('contactId');
		expect(OPERATIONS.users.create.body).toMatchObject({ collection: 'userAdditionalFields' });
		expect(OPERATIONS.users.update.body).toMatchObject({ collection: 'userUpdateFields' });
		expect(OPERATIONS.users.getMany.optionsField).toBe('listQueryOptions');
		expect(OPERATIONS.users.get.optionsField).toBe('entitySelectExpandOptions');
		for (const n of allNodeOps()) {
			const locator = n.meta.params.find((p) => p.name === 'Id');
			const prop = locator && visibleProperties(n.resource, n.operation).find((p) => p.name === locator.field);
			if (prop?.type === 'resourceLocator') expect(locator!.field).toMatch(/^[a-z][A-Za-z0-9]*Id$/);
		}
	});

	test('a node parameter name has one n8n type across all operations', () => {
		const types = new Map<string, Set<string>>();
		for (const p of resourceProperties) {
			const set = types.get(p.name) ?? new Set<string>();
			// A key picker holds the same number: the runtime reads a locator's value and a plain one
			// alike, so values kept across resources (and workflows from before pickers) still work.
			set.add(p.type === 'resourceLocator' ? 'number' : p.type);
			types.set(p.name, set);
		}
		const clashes = [...types.entries()].filter(([, t]) => t.size > 1).map(([n, t]) => `${n}: ${[...t]}`);
		expect(clashes).toEqual([]);
	});

	test('generated properties carry no routing', () => {
		expect(JSON.stringify(resourceProperties)).not.toContain('"routing"');
	});
});

withSpec('pickers', () => {
	const node = new ThreeCx();
	const setOf = (path: string) => /^\/(\w+)\(\{Id\}\)/.exec(path)?.[1];
	const pickerOf = (set: string) => Object.entries(PICKERS).find(([, p]) => p.path === `/${set}`);

	test('entity sets with an integer Id key and a list operation have pickers', () => {
		expect(Object.values(PICKERS).map((p) => p.path.slice(1)).sort()).toEqual(
			[
				'ActiveCalls', 'Blocklist', 'CallFlowApps', 'Contacts', 'DeviceInfos', 'Fax', 'Groups', 'Holidays',
				'InboundRules', 'MyTokens', 'OutboundRules', 'Parameters', 'Parkings', 'PromptSets', 'Queues',
				'Receptionists', 'RingGroups', 'ScheduledReports', 'SecurityTokens', 'ServicePrincipals', 'Trunks', 'Users',
			].sort(),
		);
		expect(PICKERS.searchUsers.display).toEqual([['Number'], ['FirstName', 'LastName']]);
		expect(PICKERS.searchQueues.display).toEqual([['Number'], ['Name']]);
		expect(PICKERS.searchHolidays.display).toEqual([['Name']]);
		expect(Object.keys(node.methods.listSearch).sort()).toEqual(Object.keys(PICKERS).sort());
	});

	test('each picker lists a set the spec pages and filters, by string properties of its rows', () => {
		for (const [method, picker] of Object.entries(PICKERS)) {
			const list = specOps.find((o) => o.method === 'GET' && o.path === picker.path);
			expect(list).toBeDefined();
			const query = (list!.op.parameters ?? []).map((p: any) => deref(p)).map((p: any) => p.name);
			expect(query).toEqual(expect.arrayContaining(['$select', '$filter', '$top', '$skip']));
			const schema = deref(list!.op.responses['200']).content['application/json'].schema;
			const row = allProperties(deref(allProperties(schema).value).items);
			for (const property of picker.display.flat()) {
				expect([method, property, deref(row[property])?.type]).toEqual([method, property, 'string']);
			}
		}
	});

	test('every operation on a picker set\'s row shows its Id as that set\'s resource locator', () => {
		let checked = 0;
		for (const n of allNodeOps()) {
			const set = setOf(n.meta.path);
			const picker = set ? pickerOf(set) : undefined;
			const key = n.meta.params.find((p) => p.name === 'Id');
			const prop = key && visibleProperties(n.resource, n.operation).find((p) => p.name === key.field);
			if (!picker || !key || key.type !== 'int32') {
				if (prop) expect([n.resource, n.operation, prop.type]).not.toContain('resourceLocator');
				continue;
			}
			checked++;
			expect(prop).toMatchObject({
				type: 'resourceLocator',
				required: true,
				default: { mode: 'list', value: '' },
				modes: [
					{ name: 'list', type: 'list', typeOptions: { searchListMethod: picker[0], searchable: true } },
					{ name: 'id', type: 'string', placeholder: 'e.g. 29' },
				],
			});
		}
		expect(checked).toBeGreaterThan(90);
	});

	test('By ID accepts whole numbers in the int32 range only', () => {
		const regex = new RegExp(`^(${INT32_PATTERN})$`);
		for (const ok of ['0', '29', ' 29 ', '-1', '2147483647', '-2147483648', '1999999999']) expect([ok, regex.test(ok)]).toEqual([ok, true]);
		for (const bad of ['', 'x', '1.5', '2147483648', '-2147483649', '99999999999', '1e3', '29a']) {
			expect([bad, regex.test(bad)]).toEqual([bad, false]);
		}
	});
});

describe('size budget', () => {
	test(`node description is at most ${BUDGET_KB} KB of minified JSON`, () => {
		const json = JSON.stringify({ properties: nodeProperties });
		const kb = Buffer.byteLength(json, 'utf8') / 1000;
		const operations = allNodeOps().length;
		console.log(
			`ThreeCx node description: ${kb.toFixed(1)} KB minified, ${nodeProperties.length} top-level properties, ` +
				`${resourceOptions.length} resources, ${operations} operations`,
		);
		expect(kb).toBeLessThanOrEqual(BUDGET_KB);
	});
});

describe('shared lists', () => {
	/** Every value of `arrays` with at least 3 elements, grouped by content. */
	function recurring(arrays: unknown[][]): unknown[][][] {
		const groups = new Map<string, unknown[][]>();
		for (const a of arrays) {
			if (a.length < 3) continue;
			const key = JSON.stringify(a);
			groups.set(key, [...(groups.get(key) ?? []), a]);
		}
		return [...groups.values()].filter((g) => g.length > 1);
	}

	test('a recurring body field collection option list is one array (one const in the source)', () => {
		const collections = resourceProperties.filter(
			(p) => /(AdditionalFields|UpdateFields)$/.test(p.name) && p.type === 'collection' && Array.isArray(p.options),
		);
		const groups = recurring(collections.map((p) => p.options as unknown[]));
		expect(groups.length).toBeGreaterThan(0);
		for (const g of groups) expect(new Set(g).size).toBe(1);
	});

	test('recurring body field and parameter lists of one resource are one array', () => {
		for (const ops of Object.values(OPERATIONS)) {
			const metas = Object.values(ops);
			for (const g of recurring(metas.map((m) => m.params))) expect(new Set(g).size).toBe(1);
			const bodies = metas.flatMap((m) => (m.body && m.body.kind !== 'upload' ? [m.body.fields] : []));
			for (const g of recurring(bodies)) expect(new Set(g).size).toBe(1);
		}
	});
});

/** `value` and everything it references, frozen: a write throws (modules run in strict mode). */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
	if (value && typeof value === 'object' && !seen.has(value)) {
		seen.add(value);
		for (const inner of Object.values(value)) deepFreeze(inner, seen);
		Object.freeze(value);
	}
	return value;
}

withSpec('regeneration', () => {
	test('the committed files are what the generator writes (npm run generate:check), from a model it does not change', async () => {
		const model = deepFreeze(await buildModel());
		expect(outdated(emit(model).files)).toEqual([]);
	}, 120_000);
});
