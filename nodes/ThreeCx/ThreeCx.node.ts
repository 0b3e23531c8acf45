import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resourceOptions, resourceProperties } from './generated';
import { subtitle } from './generated/subtitle';
import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';
import { buildXapiRequest, paginateXapiRequest, shapeXapiResponse } from './xapi/hooks/routing';

/** Every operation shares this one routing: the request helper reads the operation table. */
const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resourceOptions,
	default: 'users',
	routing: {
		send: { preSend: [buildXapiRequest], paginate: true },
		output: { postReceive: [shapeXapiResponse] },
	},
};

export class ThreeCx implements INodeType {
	description: INodeTypeDescription = {
		displayName: '3CX',
		name: 'threeCx',
		icon: { light: 'file:threeCx.light.svg', dark: 'file:threeCx.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Manage and report on a 3CX V20 phone system through its Configuration API (XAPI)',
		defaults: { name: '3CX' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'threeCxApi', required: true }],
		// The credential adds the server's /xapi/v1 base URL and its TLS choice to every request.
		requestDefaults: { headers: { Accept: 'application/json' } },
		requestOperations: { pagination: paginateXapiRequest },
		properties: [resourceProperty, ...resourceProperties],
	};

	/** "From List" of the entity key pickers: one search per entity set (generated/pickers.ts);
	 * the report filters' choices loaded from the PBX (methods/loadOptions.ts). */
	methods = { listSearch, loadOptions };
}
