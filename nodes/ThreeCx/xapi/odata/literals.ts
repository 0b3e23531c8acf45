import type { XapiField } from '../types';
import { toDateOnly, toUtcDateTime } from './dates';
import {
	InputProblem,
	checkLength,
	isBlank,
	toBoolean,
	toEnum,
	toGuid,
	toInteger,
	toInterval,
	toDuration,
	toNumber,
	toText,
	toTimeOfDay,
} from './values';

export interface LiteralOptions {
	/** Entity keys may not be empty; function parameters may (`''`). */
	key?: boolean;
	/** Zone for zone-less date-times (the workflow's time zone). */
	timeZone?: string;
}

/** OData string literal: quoted, `'` doubled, so no text can leave its quotes. Not URL-encoded:
 * in a query option ($filter) the query string encoder does that, in a path `toODataLiteral`. */
export function odataString(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/**
 * OData literal for a URL path, already percent-encoded. Strings are quoted (`odataString`);
 * `/ ? # % +`, spaces and non-ASCII are percent-encoded because a raw `/` or `%` breaks the
 * PBX's routing.
 */
export function toODataLiteral(
	field: Pick<XapiField, 'field' | 'type' | 'enumValues' | 'maxLength'>,
	value: unknown,
	options: LiteralOptions = {},
): string {
	const parameter = field.field;
	if (isBlank(value)) {
		if (options.key) throw new InputProblem(parameter, 'a value (it identifies the record)');
		if (['string', 'interval', 'enum'].includes(field.type)) return "''";
		throw new InputProblem(parameter, expectedForm(field.type));
	}
	switch (field.type) {
		case 'int32':
		case 'int64':
			return toInteger(value, parameter, field.type);
		case 'number':
			return encodeURIComponent(String(toNumber(value, parameter)));
		case 'boolean':
			return String(toBoolean(value, parameter));
		case 'dateTime':
			return toUtcDateTime(value, parameter, options.timeZone);
		case 'date':
			return toDateOnly(value, parameter);
		case 'guid':
			return toGuid(value, parameter);
		case 'interval':
			return quote(toInterval(value, parameter));
		case 'enum':
			return quote(toEnum(value, parameter, field.enumValues));
		case 'duration':
			return `duration${quote(toDuration(value, parameter))}`;
		case 'timeOfDay':
			return toTimeOfDay(value, parameter);
		case 'string':
			return quote(checkLength(toText(value, parameter), parameter, field.maxLength));
		default:
			throw new InputProblem(parameter, `a value that fits in a URL (type ${field.type} cannot)`);
	}
}

/** A quoted string in a path segment (encodeURIComponent leaves the quotes `'` as they are). */
function quote(text: string): string {
	// `:` stays readable (legal in a path segment, as the web client sends intervals).
	return encodeURIComponent(odataString(text)).replace(/%3A/g, ':');
}

function expectedForm(type: XapiField['type']): string {
	switch (type) {
		case 'dateTime':
			return 'a date-time like 2025-03-01T00:00:00Z';
		case 'date':
			return 'a date like 2025-03-01';
		case 'boolean':
			return 'true or false';
		case 'guid':
			return 'a GUID';
		case 'duration':
			return 'an ISO 8601 duration like PT1H30M';
		case 'timeOfDay':
			return 'a time of day like 08:30:00';
		default:
			return `a value (${type})`;
	}
}
