import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NODE_PARAMETER, type XapiOperation, type XapiOperationTable } from '../types';
import { inputError, operationError } from '../nodeErrors';
import { toUtcDateTime } from '../odata/dates';
import { PERIOD_PRESETS, checkTimeZone, isPeriodPreset, resolvePeriod } from '../odata/period';
import { InputProblem, isBlank } from '../odata/values';

/** What every hook reads from the node: the operation's metadata and its Options collection
 * (`op.optionsField`; none: empty). */
export interface XapiCall {
	op: XapiOperation;
	options: IDataObject;
}

export function readCall(ctx: IExecuteSingleFunctions, table: XapiOperationTable): XapiCall {
	const resource = ctx.getNodeParameter(NODE_PARAMETER.resource, '') as string;
	const operation = ctx.getNodeParameter(NODE_PARAMETER.operation, '') as string;
	const op = table[resource]?.[operation];
	if (!op) {
		throw operationError(ctx.getNode(), `Unknown operation "${operation}" for resource "${resource}"`, ctx.getItemIndex());
	}
	const options = op.optionsField ? ctx.getNodeParameter(op.optionsField, {}) : {};
	return { op, options: (options ?? {}) as IDataObject };
}

/**
 * Value of a resource locator (`{ __rl: true, mode: 'list' | 'id', value }`): its `value`. Any
 * other value as it is: keys set as plain values or expressions before they became pickers, and
 * a locator value left in a plain field when the editor switched resource.
 */
export function locatorValue(value: unknown): unknown {
	if (typeof value === 'object' && value !== null && '__rl' in value && 'value' in value) {
		return (value as { value: unknown }).value;
	}
	return value;
}

/** A top-level operation parameter (path key, function or action parameter), locators unwrapped. */
export function readParameter(ctx: IExecuteSingleFunctions, field: string): unknown {
	return locatorValue(ctx.getNodeParameter(field, null));
}

/**
 * Path and function parameter values by wire name; missing ones are null. Multi-selects of a text
 * parameter (queues, extensions) become the comma-separated list the PBX expects; the report time
 * zone is checked (blank: the workflow's); a Period preset fills the period bounds.
 */
export function readPathValues(ctx: IExecuteSingleFunctions, op: XapiOperation): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const param of op.params) {
		const value = readParameter(ctx, param.field);
		values[param.name] = param.type === 'string' && Array.isArray(value) ? value.map(String).join(',') : value;
	}
	const zone = op.params.find((param) => param.name === TIME_ZONE_PARAMETER);
	if (zone) values[zone.name] = checkTimeZone(values[zone.name], zone.field, ctx.getTimezone());
	if (op.period) fillPeriod(ctx, op, values, zone ? (values[zone.name] as string) : ctx.getTimezone());
	return values;
}

/** Wire name of the report functions' time zone parameter. */
const TIME_ZONE_PARAMETER = 'clientTimeZone';

/** The preset's bounds in `zone` (sent as UTC), or the custom bounds checked: the end after the start. */
function fillPeriod(ctx: IExecuteSingleFunctions, op: XapiOperation, values: Record<string, unknown>, zone: string): void {
	const { from, to } = op.period!;
	const preset = ctx.getNodeParameter(NODE_PARAMETER.period, 'custom');
	if (!isPeriodPreset(preset)) {
		throw new InputProblem(NODE_PARAMETER.period, `one of ${PERIOD_PRESETS.join(', ')}`, preset);
	}
	if (preset !== 'custom') {
		const period = resolvePeriod(preset, zone, Date.now());
		values[from] = period.from;
		values[to] = period.to;
		return;
	}
	const fields = new Map(op.params.map((param) => [param.name, param.field]));
	if (isBlank(values[from]) || isBlank(values[to])) return;
	const start = toUtcDateTime(values[from], fields.get(from)!, ctx.getTimezone());
	const end = toUtcDateTime(values[to], fields.get(to)!, ctx.getTimezone());
	if (end <= start) {
		throw new InputProblem(fields.get(to)!, `a date-time after ${fields.get(from)} (${start}): the period ends before it starts`, values[to]);
	}
}

/** Runs `build`; bad input becomes an n8n error on this item that names the parameter. */
export function withInputErrors<T>(ctx: IExecuteSingleFunctions, build: () => T): T {
	try {
		return build();
	} catch (error) {
		throw inputError(ctx.getNode(), error, ctx.getItemIndex());
	}
}
