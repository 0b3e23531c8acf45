/**
 * The benchmark's workflows and credentials. Each contender gets its own simulator (own client,
 * own token), so the two never revoke each other's token (3CX keeps one token per client).
 */
import { randomUUID } from 'node:crypto';

import { CALL_LOG_2025, functionArgs } from '../../test/support/fixtures';
import { CREDENTIAL_TYPE, NODE_TYPE, type CredentialImport, type WorkflowJson } from '../n8n';

/** The bulk pull's call log (CALL_LOG_2025) spelled as the node sends it; test/support/fixtures.test.ts checks that it does. */
export const CALL_LOG_PATH = `/ReportCallLogData/Pbx.GetCallLogData(${functionArgs(CALL_LOG_2025)})`;

export const NODE_NAME = { ours: '3CX', http: 'HTTP Request' } as const;

export const WF = {
	idle: 'benchIdle0000001',
	primeOurs: 'benchPrimeOurs01',
	primeHttp: 'benchPrimeHttp01',
	usersOurs: 'benchUsersOurs01',
	usersHttp: 'benchUsersHttp01',
	bulkOurs: 'benchBulkOurs001',
	bulkHttp: 'benchBulkHttp001',
	tokensOurs: 'benchTokensOurs1',
	tokensHttp: 'benchTokensHttp1',
} as const;

export const WEBHOOK_PATH = { ours: 'bench-tokens-3cx', http: 'bench-tokens-http' } as const;

export interface SimRef {
	url: string;
	clientId: string;
	apiKey: string;
}

export const CRED = {
	ours: { id: 'benchCred3cx0001', name: 'bench 3CX' },
	http: { id: 'benchCredOauth01', name: 'bench OAuth2 client credentials' },
	/** Scenario 4 has credentials of its own, so its first round starts without a stored token. */
	oursTokens: { id: 'benchCred3cxTok1', name: 'bench 3CX (tokens)' },
	httpTokens: { id: 'benchCredOauthT1', name: 'bench OAuth2 (tokens)' },
} as const;

export function credentials(ours: SimRef, http: SimRef): CredentialImport[] {
	const threeCx = (ref: { id: string; name: string }): CredentialImport => ({
		...ref,
		type: CREDENTIAL_TYPE,
		data: { server: ours.url, clientId: ours.clientId, apiKey: ours.apiKey, ignoreSSLIssues: false, accessToken: '' },
	});
	// n8n's generic OAuth2 credential, grant type client credentials. 3CX documents the client id
	// and secret in the form body ('body'); n8n's default 'header' would send HTTP Basic instead.
	const oauth = (ref: { id: string; name: string }): CredentialImport => ({
		...ref,
		type: 'oAuth2Api',
		data: {
			grantType: 'clientCredentials',
			accessTokenUrl: `${http.url}/connect/token`,
			clientId: http.clientId,
			clientSecret: http.apiKey,
			scope: '',
			authQueryParameters: '',
			authentication: 'body',
		},
	});
	return [threeCx(CRED.ours), threeCx(CRED.oursTokens), oauth(CRED.http), oauth(CRED.httpTokens)];
}

type Node = WorkflowJson['nodes'][number];

const manualTrigger = (): Node => ({
	id: 'node-start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});

/** `count` input items `{ id }` cycling over the simulator's user ids 1..users (no Code node: no task runner). */
function idItems(count: number, users: number, x: number): Node[] {
	return [
		{
			id: 'node-ids',
			name: 'IDs',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [x, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{ id: 'a1', name: 'id', type: 'array', value: `={{ Array.from({ length: ${count} }, (_, i) => (i % ${users}) + 1) }}` },
					],
				},
				options: {},
			},
		},
		{
			id: 'node-split',
			name: 'One Item per ID',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [x + 200, 0],
			parameters: { fieldToSplitOut: 'id', include: 'noOtherFields', options: {} },
		},
	];
}

function ourNode(parameters: Record<string, unknown>, cred: { id: string; name: string }, extra: Record<string, unknown> = {}): Node {
	return {
		id: 'node-3cx',
		name: NODE_NAME.ours,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [600, 0],
		parameters,
		credentials: { threeCxApi: cred },
		...extra,
	};
}

function httpNode(parameters: Record<string, unknown>, cred: { id: string; name: string }, extra: Record<string, unknown> = {}): Node {
	return {
		id: 'node-http',
		name: NODE_NAME.http,
		type: 'n8n-nodes-base.httpRequest',
		// The version a new HTTP Request node gets in n8n 2.41.1 (its defaultVersion).
		typeVersion: 4.5,
		position: [600, 0],
		parameters: { method: 'GET', authentication: 'genericCredentialType', genericAuthType: 'oAuth2Api', ...parameters },
		credentials: { oAuth2Api: cred },
		...extra,
	};
}

function chain(nodes: Node[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

function workflow(id: string, name: string, nodes: Node[]): WorkflowJson {
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections: chain(nodes) };
}

/** Users → Get by the input's id; a resource locator ("By ID" mode) when the node's key is one. */
const usersGet = (locator: boolean, keyName = 'userId') => ({
	resource: 'users',
	operation: 'get',
	[keyName]: locator ? { __rl: true, mode: 'id', value: '={{ $json.id }}' } : '={{ $json.id }}',
});
const usersUrl = (http: SimRef) => `=${http.url}/xapi/v1/Users({{ $json.id }})`;

function webhook(path: string): Node {
	return {
		id: 'node-webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
}

export interface BenchSizes {
	items: number;
	tokenItems: number;
	users: number;
	pageSize: number;
	/** The node's Users key parameter is a resource locator (read from the built description). */
	userKeyIsLocator: boolean;
	/** Name of that parameter (default `userId`, read from the build; `--user-key` overrides). */
	userKeyName?: string;
	/** The call log's Options collection (`listQueryOptions`, read from the build). */
	callLogOptionsField?: string;
}

export function workflows(http: SimRef, sizes: BenchSizes): WorkflowJson[] {
	const continueOnFail = { onError: 'continueRegularOutput' };
	return [
		workflow(WF.idle, 'bench: idle (baseline memory)', [manualTrigger()]),
		// One item each: stores each credential's first token without a race (HTTP Request's OAuth2
		// fetches one token per parallel item while none is stored).
		workflow(WF.primeOurs, 'bench: prime the 3CX credential', [manualTrigger(), ...idItems(1, sizes.users, 200), ourNode(usersGet(sizes.userKeyIsLocator, sizes.userKeyName), CRED.ours)]),
		workflow(WF.primeHttp, 'bench: prime the OAuth2 credential', [
			manualTrigger(),
			...idItems(1, sizes.users, 200),
			httpNode({ url: usersUrl(http), options: {} }, CRED.http),
		]),
		workflow(WF.usersOurs, 'bench: Users → Get (3CX node)', [
			manualTrigger(),
			...idItems(sizes.items, sizes.users, 200),
			ourNode(usersGet(sizes.userKeyIsLocator, sizes.userKeyName), CRED.ours),
		]),
		workflow(WF.usersHttp, 'bench: Users → Get (HTTP Request)', [
			manualTrigger(),
			...idItems(sizes.items, sizes.users, 200),
			httpNode({ url: usersUrl(http), options: {} }, CRED.http),
		]),
		workflow(WF.bulkOurs, 'bench: call log, Return All (3CX node)', [
			manualTrigger(),
			ourNode(
				{ resource: 'reportCallLogData', operation: 'getCallLogData', period: 'custom', ...CALL_LOG_2025, returnAll: true, [sizes.callLogOptionsField ?? 'listQueryOptions']: { top: sizes.pageSize } },
				CRED.ours,
			),
		]),
		workflow(WF.bulkHttp, 'bench: call log, paginated (HTTP Request)', [
			manualTrigger(),
			httpNode(
				{
					url: `${http.url}/xapi/v1${CALL_LOG_PATH}`,
					sendQuery: true,
					specifyQuery: 'keypair',
					queryParameters: { parameters: [{ name: '$top', value: String(sizes.pageSize) }] },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: { parameters: [{ type: 'qs', name: '$skip', value: `={{ $pageCount * ${sizes.pageSize} }}` }] },
								paginationCompleteWhen: 'other',
								completeExpression: `={{ $response.body.value.length < ${sizes.pageSize} }}`,
								limitPagesFetched: false,
							},
						},
					},
				},
				CRED.http,
			),
		]),
		workflow(WF.tokensOurs, 'bench: 10 concurrent executions (3CX node)', [
			webhook(WEBHOOK_PATH.ours),
			...idItems(sizes.tokenItems, sizes.users, 200),
			ourNode(usersGet(sizes.userKeyIsLocator, sizes.userKeyName), CRED.oursTokens, continueOnFail),
		]),
		workflow(WF.tokensHttp, 'bench: 10 concurrent executions (HTTP Request)', [
			webhook(WEBHOOK_PATH.http),
			...idItems(sizes.tokenItems, sizes.users, 200),
			httpNode({ url: usersUrl(http), options: {} }, CRED.httpTokens, continueOnFail),
		]),
	];
}
