import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NODE_PARAMETER, type XapiOperation, type XapiOperationTable } from '../types';
import { inputError, operationError } from '../nodeErrors';

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

/** Path and function parameter values by wire name; missing ones are null. */
export function readPathValues(ctx: IExecuteSingleFunctions, op: XapiOperation): Record<string, unknown> {
	return Object.fromEntries(op.params.map((param) => [param.name, readParameter(ctx, param.field)]));
}

/** Runs `build`; bad input becomes an n8n error on this item that names the parameter. */
export function withInputErrors<T>(ctx: IExecuteSingleFunctions, build: () => T): T {
	try {
		return build();
	} catch (error) {
		throw inputError(ctx.getNode(), error, ctx.getItemIndex());
	}
}
