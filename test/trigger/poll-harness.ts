/**
 * Runs the 3CX Trigger's poll the way n8n's active-workflow manager does: n8n-core's PollContext
 * (real request helpers, credentials through the harness's CredentialStore) and
 * TriggersAndPollers.runPollFunction, with the workflow's static data kept between polls. A
 * "restart" carries the static data over as n8n's database would (a JSON copy).
 */
import { Container } from '@n8n/di';
import { PollContext, TriggersAndPollers } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { ThreeCxTrigger } from '../../nodes/ThreeCxTrigger/ThreeCxTrigger.node';
import type { CredentialStore } from '../support/n8n-harness';

const NODE_TYPE = 'n8n-nodes-3cx-xapi.threeCxTrigger';
const nodeType = new ThreeCxTrigger();

const nodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: (type: string) => {
		if (type !== NODE_TYPE) throw new Error(`Unknown node type ${type}`);
		return nodeType as INodeType;
	},
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

export interface PollResult {
	/** items of the poll (empty when the poll returned null) */
	items: INodeExecutionData[];
	/** the poll returned null: n8n starts no execution */
	none: boolean;
}

export class TriggerRunner {
	private workflow: Workflow;
	private readonly node: INode;

	constructor(
		private readonly credentials: CredentialStore,
		parameters: Record<string, unknown>,
		staticData: IDataObject = {},
		private readonly timezone = 'UTC',
	) {
		this.node = {
			id: 'c3f0c1d2-0000-4000-8000-00000000aaaa',
			name: '3CX Trigger',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: parameters as INode['parameters'],
			credentials: { threeCxApi: { id: '1', name: '3CX (test)' } },
		};
		this.workflow = this.newWorkflow(staticData);
	}

	private newWorkflow(staticData: IDataObject): Workflow {
		return new Workflow({
			id: 'trigger-test',
			nodes: [this.node],
			connections: {},
			nodeTypes,
			active: true,
			staticData,
			settings: { timezone: this.timezone },
		});
	}

	/** What n8n would store for this node (its database copy of the static data). */
	get staticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.getStaticData('node', this.node))) as IDataObject;
	}

	/** n8n restarts: a new Workflow object from the stored static data. */
	restart(): void {
		const stored = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
		this.workflow = this.newWorkflow(stored);
	}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<PollResult> {
		const additionalData = {
			credentialsHelper: this.credentials,
			restApiUrl: 'http://127.0.0.1/rest',
			variables: {},
			executionId: undefined,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new PollContext(this.workflow, this.node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
		const result = await Container.get(TriggersAndPollers).runPollFunction(this.workflow, this.node, context);
		return { items: result?.[0] ?? [], none: result === null };
	}
}
