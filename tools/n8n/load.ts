/**
 * Load through n8n webhooks: a workflow "Webhook → N ids → one item per id → 3CX Users → Get"
 * (Continue On Fail, so a failed item is an item without a user) and the bursts and steady
 * streams of executions the token tests and the benchmark send to it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type { WorkflowJson } from './cli';
import { CREDENTIAL_TYPE, NODE_TYPE } from './package';
import { repoRoot } from './paths';

type WorkflowNode = WorkflowJson['nodes'][number];

/** The Users → Get key parameter of the built node: its name and whether it is a resource locator. */
export function usersGetKey(distDir = join(repoRoot, 'dist')): { name: string; locator: boolean } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ThreeCx } = require(join(distDir, 'nodes/ThreeCx/ThreeCx.node.js')) as {
		ThreeCx: new () => {
			description: { properties: Array<{ name: string; type: string; required?: boolean; displayOptions?: { show?: Record<string, unknown[]> } }> };
		};
	};
	const key = new ThreeCx().description.properties.find(
		(p) => p.required && p.displayOptions?.show?.resource?.includes('users') && p.displayOptions?.show?.operation?.includes('get'),
	);
	if (!key) throw new Error('The built node has no required key parameter for Users → Get');
	return { name: key.name, locator: key.type === 'resourceLocator' };
}

export interface UsersWebhookWorkflow {
	id: string;
	name?: string;
	path: string;
	items: number;
	/** User ids cycle over 1..users. */
	users: number;
	credential: { id: string; name: string };
	key?: { name: string; locator: boolean };
}

/** Webhook → `items` ids → one item per id → 3CX Users → Get (Continue On Fail); answers with every item. */
export function usersWebhookWorkflow(spec: UsersWebhookWorkflow): WorkflowJson {
	const key = spec.key ?? usersGetKey();
	const nodes: WorkflowNode[] = [
		{
			id: 'node-webhook',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path: spec.path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		},
		{
			id: 'node-ids',
			name: 'IDs',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [{ id: 'a1', name: 'id', type: 'array', value: `={{ Array.from({ length: ${spec.items} }, (_, i) => (i % ${spec.users}) + 1) }}` }],
				},
				options: {},
			},
		},
		{
			id: 'node-split',
			name: 'One Item per ID',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'id', include: 'noOtherFields', options: {} },
		},
		{
			id: 'node-3cx',
			name: '3CX',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [600, 0],
			parameters: {
				resource: 'users',
				operation: 'get',
				[key.name]: key.locator ? { __rl: true, mode: 'id', value: '={{ $json.id }}' } : '={{ $json.id }}',
			},
			credentials: { [CREDENTIAL_TYPE]: spec.credential },
			onError: 'continueRegularOutput',
		},
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id: spec.id, name: spec.name ?? `Users → Get ×${spec.items} (webhook ${spec.path})`, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

export interface LoadResult {
	executions: number;
	/** Items expected: executions × items per execution. */
	items: number;
	failedItems: number;
	ms: number;
	/** Up to 3 distinct failures, for the log. */
	samples: string[];
}

/** One webhook execution; a failed item is one without a numeric `Id` (or missing altogether). */
async function oneExecution(url: string, expectedItems: number, result: LoadResult, timeoutMs: number): Promise<void> {
	const note = (text: string) => {
		if (result.samples.length < 3 && !result.samples.includes(text)) result.samples.push(text);
	};
	result.executions++;
	result.items += expectedItems;
	try {
		const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
		const text = await response.text();
		if (!response.ok) {
			note(`HTTP ${response.status} ${text.slice(0, 300)}`);
			result.failedItems += expectedItems;
			return;
		}
		const body = JSON.parse(text) as unknown;
		const items = (Array.isArray(body) ? body : [body]) as Array<Record<string, unknown> | null>;
		const failed = items.filter((json) => typeof json?.Id !== 'number');
		if (failed.length) note(JSON.stringify(failed[0]).slice(0, 400));
		result.failedItems += failed.length + Math.max(0, expectedItems - items.length);
	} catch (error) {
		note((error as Error).message);
		result.failedItems += expectedItems;
	}
}

const emptyResult = (): LoadResult => ({ executions: 0, items: 0, failedItems: 0, ms: 0, samples: [] });

/** `executions` webhook calls at once. */
export async function burst(webhookUrl: string, executions: number, itemsPerExecution: number, timeoutMs = 180_000): Promise<LoadResult> {
	const result = emptyResult();
	const started = Date.now();
	await Promise.all(Array.from({ length: executions }, () => oneExecution(webhookUrl, itemsPerExecution, result, timeoutMs)));
	result.ms = Date.now() - started;
	return result;
}

/**
 * `parallel` callers, each sending its next webhook call as soon as the previous one answered,
 * until `durationMs` passed (calls under way then are awaited). `during` runs alongside, e.g. to
 * revoke the token midway.
 */
export async function steadyLoad(
	webhookUrl: string,
	options: { durationMs: number; parallel: number; itemsPerExecution: number; timeoutMs?: number; during?: () => Promise<void> },
): Promise<LoadResult> {
	const result = emptyResult();
	const started = Date.now();
	const caller = async () => {
		while (Date.now() - started < options.durationMs) await oneExecution(webhookUrl, options.itemsPerExecution, result, options.timeoutMs ?? 180_000);
	};
	await Promise.all([...Array.from({ length: options.parallel }, caller), options.during?.()]);
	result.ms = Date.now() - started;
	return result;
}

/** Production webhooks of published workflows register while the main starts; wait until they answer. */
export async function waitForWebhook(baseUrl: string, path: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		// A GET to a POST webhook answers 404 "… not registered for GET requests. Did you mean … POST" once it exists.
		const response = await fetch(`${baseUrl}/webhook/${path}`, { signal: AbortSignal.timeout(5000) });
		const text = await response.text();
		if (/POST/.test(text)) return;
		if (Date.now() > deadline) throw new Error(`webhook ${path} not registered: ${text.slice(0, 300)}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}
