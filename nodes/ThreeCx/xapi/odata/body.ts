import type { IDataObject } from 'n8n-workflow';
import type { XapiField } from '../types';
import { toDateOnly, toUtcDateTime } from './dates';
import { parseJsonText } from './json';
import {
	InputProblem,
	checkLength,
	isBlank,
	toBoolean,
	toDuration,
	toEnum,
	toEnumList,
	toGuid,
	toInteger,
	toInterval,
	toNumber,
	toText,
	toTimeOfDay,
} from './values';

type JsonValue = IDataObject[string];

/** Typed JSON value of one body field; text is checked against the field's `maxLength`. */
export function toJsonValue(field: XapiField, value: unknown, timeZone?: string): JsonValue {
	const json = convert(field, value, timeZone);
	return typeof json === 'string' ? checkLength(json, field.field, field.maxLength) : json;
}

function convert(field: XapiField, value: unknown, timeZone?: string): JsonValue {
	const parameter = field.field;
	switch (field.type) {
		case 'int32':
		case 'int64':
			return Number(toInteger(value, parameter, field.type));
		case 'number':
			return toNumber(value, parameter);
		case 'boolean':
			return toBoolean(value, parameter);
		case 'dateTime':
			return toUtcDateTime(value, parameter, timeZone);
		case 'date':
			return toDateOnly(value, parameter);
		case 'guid':
			return toGuid(value, parameter);
		case 'interval':
			return toInterval(value, parameter);
		case 'enum':
			return toEnum(value, parameter, field.enumValues);
		case 'enumList':
			return toEnumList(value, parameter, field.enumValues);
		case 'duration':
			return toDuration(value, parameter);
		case 'timeOfDay':
			return toTimeOfDay(value, parameter);
		case 'json':
			return parseJson(value, parameter);
		case 'stringList':
			return listOf(value, parameter).map((item) => toText(item, parameter));
		case 'intList':
			return listOf(value, parameter).map((item) => Number(toInteger(item, parameter, 'int32')));
		default:
			return toText(value, parameter);
	}
}

/**
 * Body from typed fields; `read` gives a field's node value. Blank optional fields are left
 * out (PATCH then changes only what the user set); a blank required text is sent as ''.
 */
export function fieldsBody(fields: XapiField[], read: (field: XapiField) => unknown, timeZone?: string): IDataObject {
	const body: IDataObject = {};
	for (const field of fields) {
		const value = read(field);
		const empty = isBlank(value) || (Array.isArray(value) && value.length === 0);
		if (empty && !field.required) continue;
		if (isBlank(value) && field.type !== 'string') {
			throw new InputProblem(field.field, `a value (${field.type}); it is required`);
		}
		body[field.name] = toJsonValue(field, value, timeZone);
	}
	return body;
}

/**
 * Body of an entity's Additional/Update Fields: every field the user added is sent as given, so
 * `''` clears a text and `[]` a list. `null` (an expression `{{ null }}`, or the text `null` in a
 * field that is not text) goes out as JSON null where the spec allows it.
 */
export function addedFieldsBody(fields: XapiField[], added: IDataObject, timeZone?: string): IDataObject {
	const body: IDataObject = {};
	for (const field of fields) {
		if (Object.prototype.hasOwnProperty.call(added, field.field)) {
			body[field.name] = addedValue(field, added[field.field], timeZone);
		}
	}
	return body;
}

function addedValue(field: XapiField, value: unknown, timeZone?: string): JsonValue {
	const isNull = value === null || (field.type !== 'string' && typeof value === 'string' && value.trim() === 'null');
	if (isNull) {
		if (!field.nullable) throw new InputProblem(field.field, `a value (${field.type}); the PBX does not accept null here`);
		return null;
	}
	if (isBlank(value) && SCALAR_TYPES.has(field.type)) {
		const alternative = field.nullable ? ', {{ null }}' : '';
		throw new InputProblem(field.field, `a value (${field.type})${alternative}, or remove the field from the list`);
	}
	return toJsonValue(field, value, timeZone);
}

/** Types whose empty text is no value at all (text, lists and JSON have their own empty forms). */
const SCALAR_TYPES = new Set<XapiField['type']>([
	'int32',
	'int64',
	'number',
	'boolean',
	'dateTime',
	'date',
	'guid',
	'interval',
	'enum',
	'duration',
	'timeOfDay',
]);

/** The JSON body parameter: an object or array, as text or already parsed by an expression. */
export function parseJsonBody(value: unknown, parameter: string): IDataObject | IDataObject[] {
	const json = parseJson(value, parameter);
	if (typeof json !== 'object' || json === null) {
		throw new InputProblem(parameter, 'a JSON object such as {"Name": "x"}', value);
	}
	return json as IDataObject | IDataObject[];
}

function parseJson(value: unknown, parameter: string): JsonValue {
	if (typeof value !== 'string') return value as JsonValue;
	const json = parseJsonText(value);
	if (json === undefined) throw new InputProblem(parameter, 'valid JSON (check quotes, commas and brackets)');
	return json as JsonValue;
}

/** Arrays as given; text as a comma- or newline-separated list. */
function listOf(value: unknown, parameter: string): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(/[,\n]/).map((item) => item.trim()).filter(Boolean);
	if (typeof value === 'number') return [value];
	throw new InputProblem(parameter, 'a list (comma-separated or an array)', value);
}
