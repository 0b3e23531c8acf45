/**
 * Fills an operation's parameters the way a user would in the editor. `all`: every parameter the
 * description displays for that resource and operation gets a value of its type, including every
 * option of the body collections. `required`: only the parameters the editor marks required, the
 * rest left at their defaults and no body field added (how a user starts). String values are
 * deliberately hostile to literal encoding.
 */
import {
	NodeHelpers,
	type INodeParameters,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { XapiField, XapiOperation } from '../../nodes/ThreeCx/xapi/types';

export const HOSTILE_STRING = "O'Brien/ä +%#?,x=1')";
const node = { typeVersion: 1 };

function fieldsOf(operation: XapiOperation): Map<string, XapiField> {
	const body = operation.body && 'fields' in operation.body ? operation.body.fields : [];
	return new Map([...operation.params, ...body].map((field) => [field.field, field]));
}

/** A report's end bound must come after its start (`XapiOperation.period`). */
const PERIOD_END = '2025-03-02T10:00:00.123+02:00';
/** Time zones are checked before sending; an IANA name still carries a `/` to percent-encode. */
const TIME_ZONE = 'America/Chicago';

function sampleForField(field: XapiField | undefined, property: INodeProperties, inPath = false, periodEnd?: string): unknown {
	if (field && field.name === periodEnd) return PERIOD_END;
	if (field?.type === 'string' && /timeZone$/i.test(field.name)) return TIME_ZONE;
	switch (field?.type) {
		case 'int32':
		case 'int64':
			return 1;
		case 'number':
			return 1.5;
		case 'boolean':
			return true;
		case 'dateTime':
			return '2025-03-01T10:00:00.123+02:00';
		case 'date':
			return '2025-03-01';
		case 'guid':
			return '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
		case 'interval':
			return '0:00:0';
		case 'enum':
			return field.enumValues?.[0];
		case 'enumList':
			return (field.enumValues ?? []).slice(0, 2);
		case 'duration':
			return 'PT1H30M';
		case 'timeOfDay':
			return '08:30:00';
		case 'stringList':
			return 'a,b';
		case 'intList':
			return '1,2';
		case 'json':
			return property.default === '' ? '{}' : property.default;
		case 'string':
			return hostile(field.maxLength, inPath);
		default:
			return sampleForProperty(property);
	}
}

/**
 * The hostile string cut to a length limit; it keeps its quote (second character). In a path the
 * spec writes string keys unquoted (`/Sbcs({Name})`), so Prism measures the whole OData literal
 * (`'O''Brien'`: both quotes and the doubled one count): the sample leaves room for them. The node
 * itself checks the value's own length, as the PBX does.
 */
function hostile(maxLength: number | undefined, inPath: boolean): string {
	if (maxLength === undefined) return HOSTILE_STRING;
	const chars: string[] = [];
	let literal = inPath ? 2 : 0;
	for (const char of HOSTILE_STRING) {
		const width = inPath && char === "'" ? 2 : 1;
		if (literal + width > maxLength) break;
		chars.push(char);
		literal += width;
	}
	return chars.join('');
}

function sampleForProperty(property: INodeProperties): unknown {
	switch (property.type) {
		case 'boolean':
			return true;
		case 'number':
			return 1;
		case 'dateTime':
			return '2025-03-01T10:00:00.123+02:00';
		case 'options':
			return property.options?.[0] && 'value' in property.options[0] ? property.options[0].value : property.default;
		case 'multiOptions':
			return (property.options ?? []).slice(0, 2).map((option) => ('value' in option ? option.value : ''));
		case 'json':
			return property.default || '{}';
		default:
			return HOSTILE_STRING;
	}
}

export type SampleMode = 'all' | 'required';

export function sampleParameters(
	description: INodeTypeDescription,
	resource: string,
	operationName: string,
	operation: XapiOperation,
	mode: SampleMode = 'all',
): INodeParameters {
	const fields = fieldsOf(operation);
	const values: INodeParameters = { resource, operation: operationName };
	const fill = (property: INodeProperties) => {
		if (mode === 'required' && !property.required && !['returnAll', 'limit', 'bodyMode'].includes(property.name)) return;
		if (property.name === 'returnAll') values.returnAll = false;
		else if (property.name === 'limit') values.limit = 3;
		else if (property.name === 'bodyMode') values.bodyMode = 'fields';
		else if (property.name === operation.optionsField) values[property.name] = {};
		// Entity key pickers: the "By ID" mode, as a user who typed the ID.
		else if (property.type === 'resourceLocator') values[property.name] = { __rl: true, mode: 'id', value: '1' };
		else if (property.type === 'collection') {
			values[property.name] = Object.fromEntries(
				(property.options as INodeProperties[]).map((option) => [
					option.name,
					sampleForField(fields.get(option.name), option),
				]),
			) as INodeParameters;
		} else {
			const inPath = operation.params.some((param) => param.field === property.name);
			values[property.name] = sampleForField(fields.get(property.name), property, inPath, operation.period?.to) as string;
		}
	};
	// Twice: a value set in the first round (a Period of `custom`) can show further parameters.
	for (let round = 0; round < 2; round++) {
		const displayed = description.properties.filter(
			(property) =>
				!['resource', 'operation'].includes(property.name) &&
				!(property.name in values) &&
				NodeHelpers.displayParameter({ ...values, bodyMode: 'fields', returnAll: false }, property, node, description),
		);
		for (const property of displayed) fill(property);
	}
	return values;
}
