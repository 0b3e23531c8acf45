/**
 * Runs the ThreeCx node through n8n-core's real execution engine (WorkflowExecute → RoutingNode),
 * with a credentials helper that behaves like the n8n CLI's: it stores the refreshed token
 * (`expirable` field) the way n8n writes it back to its database.
 */
import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { ThreeCxApi } from '../../credentials/ThreeCxApi.credentials';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';

const NODE_TYPE = 'n8n-nodes-3cx-xapi.threeCx';
const CREDENTIAL_TYPE = 'threeCxApi';

const nodeType = new ThreeCx();
const credentialType = new ThreeCxApi();

const nodeTypes: INodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: (type: string) => {
		if (type !== NODE_TYPE) throw new Error(`Unknown node type ${type}`);
		return nodeType as INodeType;
	},
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

export interface CredentialData {
	server: string;
	clientId: string;
	apiKey: string;
	ignoreSSLIssues?: boolean;
	accessToken?: string;
}

/** Stored credentials, as n8n's database holds them; shared by concurrent executions. */
export class CredentialStore extends ICredentialsHelper {
	private stored: ICredentialDataDecryptedObject;

	/** Times n8n asked the credential type for a new token (whether or not one was fetched). */
	preAuthenticationCalls = 0;

	constructor(data: CredentialData) {
		super();
		this.stored = { accessToken: '', ignoreSSLIssues: false, ...data };
	}

	get data(): ICredentialDataDecryptedObject {
		return { ...this.stored };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties() {
		return credentialType.properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return await credentialType.authenticate(credentials, requestOptions);
	}

	/** Mirrors the CLI: only when the expirable token is empty or the PBX rejected it. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		if (credentials.accessToken !== '' && !credentialsExpired) return undefined;
		this.preAuthenticationCalls++;
		const output = await credentialType.preAuthentication!.call(helpers, credentials);
		this.stored = { ...this.stored, ...output };
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the harness');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.stored };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}

export interface ExecuteNodeOptions {
	parameters: Record<string, unknown>;
	credentials: CredentialStore;
	/** Input items; one empty item when omitted. */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

export interface NodeRun {
	/** Output items of the node (main output 0). */
	items: INodeExecutionData[];
	/** The node's error when it failed as a whole. */
	error?: Error & { description?: string; httpCode?: string | null };
}

/** The ThreeCx node with the test credential, as a workflow holds it. */
function threeCxNode(name: string, parameters: Record<string, unknown>, continueOnFail = false): INode {
	return {
		id: 'b3f0c1d2-0000-4000-8000-000000000001',
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: '3CX (test)' } },
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

let executionCounter = 0;

export async function executeNode(options: ExecuteNodeOptions): Promise<NodeRun> {
	const node = threeCxNode('3CX', options.parameters, options.continueOnFail);
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
	} as never);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);

	const additionalData = {
		hooks,
		credentialsHelper: options.credentials,
		executionId,
		restApiUrl: 'http://127.0.0.1/rest',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		getRunExecutionData: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('not supported in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [
				{ node, data: { main: [options.items ?? [{ json: {} }]] }, source: null },
			],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;

	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: (taskData?.data?.main?.[0] ?? []) as INodeExecutionData[],
		error: (taskData?.error ?? run.data.resultData.error) as NodeRun['error'],
	};
}

export interface SearchListOptions {
	/** `methods.listSearch` method, e.g. `searchUsers`. */
	method: string;
	credentials: CredentialStore;
	/** The node's current parameters in the editor. */
	parameters?: Record<string, unknown>;
	filter?: string;
	paginationToken?: string;
	/** Parameter path the editor asks for. */
	path?: string;
}

/**
 * A resource locator's "From List" search as the n8n editor runs it (the CLI's
 * DynamicNodeParametersService.getResourceLocatorResults): a one-node workflow named Temp-Node,
 * n8n-core's LoadOptionsContext, the node's `methods.listSearch[method]` called with the filter
 * and pagination token.
 */
export async function searchList(options: SearchListOptions): Promise<INodeListSearchResult> {
	const parameters = (options.parameters ?? {}) as INode['parameters'];
	const node = threeCxNode('Temp-Node', parameters);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: options.credentials,
		currentNodeParameters: parameters,
		restApiUrl: 'http://127.0.0.1/rest',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, workflow.nodes[node.name], additionalData, options.path ?? 'parameters.userId');
	const method = nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`Node type ${NODE_TYPE} has no listSearch method ${options.method}`);
	return await method.call(context, options.filter, options.paginationToken);
}
