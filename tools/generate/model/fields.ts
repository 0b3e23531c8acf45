/**
 * A spec schema as a field: its value type (`classify`), default, description, placeholder and
 * limits (`makeField`), and the n8n property type of a value type (`nodeType`).
 */
import type { XapiValueType } from '../../../nodes/ThreeCx/xapi/types';
import { flatten, type FlatSchema, type LoadedSpec, type Schema } from '../../spec/load';
import { camelCase, titleCase } from '../names';
import type { ParameterOverlay } from '../overlays/types';
import type { FieldLocation, FieldModel } from './types';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A spec bound, unless it is only the type's own limit (the OData converter writes those). */
function narrower(bound: number | undefined, typeLimit: number): number | undefined {
	return bound === typeLimit ? undefined : bound;
}

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

export function classify(schema: Schema | undefined, spec: LoadedSpec): Classified {
	const flat: FlatSchema = flatten(schema, spec.schemaNames);
	if (flat.union) return { type: 'json', refName: flat.refName, nested: nestedFormats(schema, spec) };
	// `x-ms-enum-flags` enums too: the spec's own validation accepts exactly one member per value.
	if (flat.enum) return { type: 'enum', enumValues: flat.enum, refName: flat.refName };
	switch (flat.type) {
		case 'integer':
			if (flat.format === 'int64') return { type: 'int64' };
			return { type: 'int32', min: narrower(flat.minimum, INT32_MIN), max: narrower(flat.maximum, INT32_MAX) };
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

export function makeField(
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
	const multiple = !!overlay?.loadOptions?.multiple;
	const field: FieldModel = {
		name: wire,
		field: camelCase(wire),
		type,
		required,
		nodeRequired: false,
		displayName: overlay?.displayName ?? titleCase(wire),
		default: overlay?.default ?? (multiple ? [] : defaultFor(type, c)),
		location,
		nullable,
	};
	// A nullable string may legitimately be empty (sent as ''): not marked required in n8n unless it
	// has a non-empty default (or its overlay says so).
	field.nodeRequired =
		overlay?.required ?? (required && !(nullable && type === 'string' && (field.default === '' || multiple)));
	if (overlay?.choices) field.choices = overlay.choices;
	if (overlay?.loadOptions) field.loadOptions = overlay.loadOptions;
	if (type === 'enum' || type === 'enumList') field.enumValues = c.enumValues;
	if (type === 'string' && c.maxLength !== undefined) field.maxLength = c.maxLength;
	// Only bounds narrower than int32's own range: that range is checked at run time (values.ts)
	// and would cost the description ~8 KB as editor bounds nobody reaches.
	if (type === 'int32' && c.min !== undefined) field.minValue = c.min;
	if (type === 'int32' && c.max !== undefined) field.maxValue = c.max;
	const description = withLengthLimit(overlay?.description ?? typeDescription(type, c), field.maxLength);
	if (description) field.description = description;
	const placeholder = overlay?.placeholder ?? TYPE_PLACEHOLDERS[type];
	if (placeholder) field.placeholder = placeholder;
	if (overlay?.hint) field.hint = overlay.hint;
	return field;
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
