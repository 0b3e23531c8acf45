/** Helpers for the generator tests: the node description as n8n sees it, and display rules. */
import type { INodeProperties } from 'n8n-workflow';
import { resourceOptions, resourceProperties } from '../../nodes/ThreeCx/generated';

/** Stand-in for the lead's Resource property (the node file builds the same shape). */
export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resourceOptions,
	default: 'users',
};

/** The node's properties: `[resourceProperty, ...generated]`. */
export const nodeProperties: INodeProperties[] = [resourceProperty, ...resourceProperties];

type Values = Record<string, unknown>;

/** n8n's `show` rule (every key listed must hold one of the values), enough for these descriptors. */
export function isShown(property: INodeProperties, values: Values): boolean {
	const show = property.displayOptions?.show;
	if (!show) return true;
	return Object.entries(show).every(([key, allowed]) => (allowed as unknown[]).includes(values[key]));
}

/** Top-level properties visible for an operation in fields body mode with Return All off. */
export function visibleProperties(resource: string, operation: string, extra: Values = {}): INodeProperties[] {
	const values: Values = { resource, operation, bodyMode: 'fields', returnAll: false, ...extra };
	return resourceProperties.filter((p) => p.name !== 'operation' && isShown(p, values));
}

export function operationProperty(resource: string): INodeProperties | undefined {
	return resourceProperties.find((p) => p.name === 'operation' && isShown(p, { resource }));
}
