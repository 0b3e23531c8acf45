/**
 * Workflows for the end-to-end suite: one import, one workflow that holds every scenario in
 * parallel branches off one Manual Trigger, so a single `n8n execute` covers them all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WorkflowJson } from '../../tools/n8n';
import { NODE_TYPE, repoRoot } from '../../tools/n8n';
import { CALL_LOG_2025, PERIOD_2025, USER_ACTIVITY_NO_FILTERS } from '../support/fixtures';

export const CREDENTIAL = { id: 'e2e3cxCredential01', name: '3CX (simulator)' };

export const NODE = {
	trigger: 'Start',
	userActivity: 'Get User Activity',
	usersAll: 'Users: Get Many (Return All)',
	callLogCsv: 'Call Log CSV',
	ids: 'User IDs',
	split: 'One Item per ID',
	getUsers: 'Get Users (Continue On Fail)',
} as const;

/** IDs the Continue On Fail branch looks up; the middle one does not exist. */
export const LOOKUP_IDS = [1, 999999, 2];

const credentials = { threeCxApi: CREDENTIAL };

export function scenariosWorkflow(id: string): WorkflowJson {
	const threeCx = (name: string, x: number, y: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
		id: `node-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [x, y] as [number, number],
		parameters,
		credentials,
		...extra,
	});
	return {
		id,
		name: 'e2e: 3CX scenarios',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'node-start', name: NODE.trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 300], parameters: {} },
			threeCx(NODE.userActivity, 300, 0, {
				resource: 'reportUserActivity',
				operation: 'getUserActivity',
				reportUserActivityClientTimeZone: 'UTC',
				period: 'custom',
				...PERIOD_2025,
				...USER_ACTIVITY_NO_FILTERS,
				returnAll: true,
			}),
			threeCx(NODE.usersAll, 300, 200, { resource: 'users', operation: 'getMany', returnAll: true }),
			threeCx(NODE.callLogCsv, 300, 400, {
				resource: 'reportCallLogData',
				operation: 'downloadCallLog',
				period: 'custom',
				...CALL_LOG_2025,
				clientTimeZone: 'UTC',
			}),
			{
				id: 'node-ids',
				name: NODE.ids,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [300, 600],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ ids: LOOKUP_IDS }), options: {} },
			},
			{
				id: 'node-split',
				name: NODE.split,
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [500, 600],
				parameters: { fieldToSplitOut: 'ids', options: { destinationFieldName: 'id' } },
			},
			threeCx(NODE.getUsers, 700, 600, { resource: 'users', operation: 'get', userId: '={{ $json.id }}' }, { onError: 'continueRegularOutput' }),
		],
		connections: {
			[NODE.trigger]: {
				main: [
					[
						{ node: NODE.userActivity, type: 'main', index: 0 },
						{ node: NODE.usersAll, type: 'main', index: 0 },
						{ node: NODE.callLogCsv, type: 'main', index: 0 },
						{ node: NODE.ids, type: 'main', index: 0 },
					],
				],
			},
			[NODE.ids]: { main: [[{ node: NODE.split, type: 'main', index: 0 }]] },
			[NODE.split]: { main: [[{ node: NODE.getUsers, type: 'main', index: 0 }]] },
		},
	};
}

/** The example workflows shipped in examples/, keyed by file name. */
export function loadExample(file: string): WorkflowJson {
	return JSON.parse(readFileSync(join(repoRoot, 'examples', file), 'utf8')) as WorkflowJson;
}

export const FORM_ANSWERS = { 'First name': 'Ada', 'Last name': 'Lovelace', Email: 'ada.lovelace@example.com', Extension: '' };

/**
 * An example made runnable by `n8n execute` (which starts at a Manual Trigger): a Schedule
 * Trigger becomes a Manual Trigger of the same name; a Form Trigger becomes a Manual Trigger
 * followed by a node of the form's name that outputs `FORM_ANSWERS`. Credentials point at the
 * test's credential. Everything else is the example as shipped.
 */
export function runnableExample(example: WorkflowJson, id: string): WorkflowJson {
	const nodes: WorkflowJson['nodes'] = [];
	const connections = { ...example.connections } as Record<string, unknown>;
	for (const node of example.nodes) {
		const copy = node.credentials?.threeCxApi ? { ...node, credentials: credentials } : { ...node };
		if (node.type === 'n8n-nodes-base.scheduleTrigger') {
			nodes.push({ ...copy, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
		} else if (node.type === 'n8n-nodes-base.formTrigger') {
			const start = `${node.name} (manual start)`;
			nodes.push({ id: `${node.id}-start`, name: start, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [node.position[0] - 200, node.position[1]], parameters: {} });
			nodes.push({
				id: node.id,
				name: node.name,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: node.position,
				parameters: { mode: 'raw', jsonOutput: JSON.stringify(FORM_ANSWERS), options: {} },
			});
			connections[start] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
		} else {
			nodes.push(copy);
		}
	}
	return { ...example, id, name: `e2e: ${example.name}`, nodes, connections };
}
