import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { inputError } from '../ThreeCx/xapi/nodeErrors';
import { triggerProperties } from './description';
import { activeCallChanges, type ActiveCallState } from './poll/activeCalls';
import { freshEvents, nextState, pollWindow, stateFor, FUTURE_MARGIN_MS, type PollState } from './poll/cursor';
import { eventsFromRows, isTriggerEvent, toItem, type EventFilters, type PbxEvent, type TriggerEvent } from './poll/events';
import { binaryProperty, eventFilters, overlapMs, sinceMs, slaSeconds } from './poll/inputs';
import { QUEUE_LIST, needsQueues, newestFirst, requestFor, type RequestWindow } from './poll/requests';
import { downloadRecording, fetchRows } from './transport';

/** How far back Fetch Test Event looks for the most recent event. */
const TEST_LOOKBACK_MS = 7 * 86_400_000;
/** Pages Fetch Test Event reads at most (newest first). */
const TEST_PAGES = 5;

interface PollInputs {
	event: TriggerEvent;
	filters: EventFilters;
	overlapMs: number;
	sinceMs?: number;
	slaSeconds: number;
	downloadRecording: boolean;
	binaryPropertyName: string;
}

export class ThreeCxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '3CX Trigger',
		name: 'threeCxTrigger',
		icon: { light: 'file:../ThreeCx/threeCx.light.svg', dark: 'file:../ThreeCx/threeCx.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when calls, recordings, log entries or queue events appear on a 3CX V20 PBX',
		defaults: { name: '3CX Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'threeCxApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const nowMs = Date.now();
		const inputs = readInputs(this, nowMs);
		if (this.getMode() === 'manual') return [await testEvent(this, inputs, nowMs)];
		const staticData = this.getWorkflowStaticData('node');
		const items =
			inputs.event === 'activeCallStarted' || inputs.event === 'activeCallEnded'
				? await pollActiveCalls(this, inputs.event, staticData, nowMs)
				: await pollHistory(this, inputs, staticData, nowMs);
		return items.length ? [items] : null;
	}
}

function readInputs(context: IPollFunctions, nowMs: number): PollInputs {
	try {
		const event = context.getNodeParameter('event');
		if (!isTriggerEvent(event)) throw new NodeOperationError(context.getNode(), `Unknown event "${String(event)}"`);
		const value = (name: string, fallback: unknown) => context.getNodeParameter(name, fallback);
		const options = context.getNodeParameter('options', {}) as IDataObject;
		const downloadRecording = event === 'newRecording' && value('downloadRecording', false) === true;
		return {
			event,
			filters: eventFilters({
				directions: value('directions', []),
				answered: value('answered', 'any'),
				extensions: value('extensions', ''),
				queues: value('queues', ''),
				severities: value('severities', []),
				objectName: value('objectName', ''),
			}),
			overlapMs: overlapMs(options.overlapMinutes),
			sinceMs: sinceMs(options.includeEventsSince, context.getTimezone(), nowMs),
			slaSeconds: event === 'slaBreached' ? slaSeconds(value('slaSeconds', 20)) : 20,
			downloadRecording,
			binaryPropertyName: downloadRecording ? binaryProperty(value('binaryPropertyName', 'data')) : 'data',
		};
	} catch (error) {
		throw inputError(context.getNode(), error, 0);
	}
}

/** The rows of the event's list or report for `window`; queue reports are asked about every
 * queue when no queue is given (an empty queue list is answered with 404 on some PBXes). */
async function rowsFor(context: IPollFunctions, inputs: PollInputs, window: RequestWindow, newest = false): Promise<IDataObject[]> {
	let queues = inputs.filters.queues ?? [];
	if (needsQueues(inputs.event) && queues.length === 0) {
		queues = (await fetchRows(context, QUEUE_LIST, 0)).map((row) => String(row.Number ?? '')).filter(Boolean);
		if (queues.length === 0) return [];
	}
	const request = requestFor(inputs.event, window, { queues, extensions: inputs.filters.extensions ?? [], slaSeconds: inputs.slaSeconds });
	if (newest) return await fetchRows(context, newestFirst(inputs.event, request), window.fromMs, TEST_PAGES);
	return await fetchRows(context, request, window.fromMs);
}

async function toItems(context: IPollFunctions, inputs: PollInputs, events: PbxEvent[], nowMs: number): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (const found of events) {
		const item: INodeExecutionData = { json: toItem(inputs.event, found, nowMs) };
		if (inputs.downloadRecording) {
			item.binary = { [inputs.binaryPropertyName]: await downloadRecording(context, found.data.Id) };
		}
		items.push(item);
	}
	return items;
}

/** Writes the state only now that the poll succeeded: a failed poll leaves the cursor alone. */
function saveState(staticData: IDataObject, state: PollState | ActiveCallState): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, state);
}

async function pollHistory(context: IPollFunctions, inputs: PollInputs, staticData: IDataObject, nowMs: number): Promise<INodeExecutionData[]> {
	const state = stateFor(staticData as PollState, inputs.event);
	const window = pollWindow(state, nowMs, inputs.overlapMs, inputs.sinceMs);
	const found = eventsFromRows(inputs.event, await rowsFor(context, inputs, window), inputs.filters, nowMs);
	const fresh = freshEvents(found, state, window);
	const items = await toItems(context, inputs, fresh, nowMs);
	saveState(staticData, nextState(state, window.untilMs, inputs.overlapMs, window.baseline ? found : fresh));
	return items;
}

async function pollActiveCalls(
	context: IPollFunctions,
	event: 'activeCallStarted' | 'activeCallEnded',
	staticData: IDataObject,
	nowMs: number,
): Promise<INodeExecutionData[]> {
	const state = staticData as ActiveCallState;
	const previous = state.scope === event ? state.active : undefined;
	const rows = await fetchRows(context, requestFor(event, { fromMs: 0, toMs: nowMs }, { queues: [], extensions: [], slaSeconds: 20 }), 0);
	const changes = activeCallChanges(previous, rows, nowMs);
	const events = event === 'activeCallStarted' ? changes.started : changes.ended;
	saveState(staticData, { scope: event, cursorMs: nowMs, active: changes.snapshot });
	return events.map((found) => ({ json: toItem(event, found, nowMs) }));
}

/** Fetch Test Event: the most recent real event of the kind, without touching the cursor. */
async function testEvent(context: IPollFunctions, inputs: PollInputs, nowMs: number): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	if (inputs.event === 'activeCallEnded') {
		throw new NodeOperationError(node, 'The PBX keeps no history of ended active calls', {
			description: 'An ended call is noticed by comparing two polls of an active workflow. To see the item shape, test with "Active Call Started" (same data) or activate the workflow.',
		});
	}
	let events: PbxEvent[];
	let since: number;
	if (inputs.event === 'activeCallStarted') {
		since = 0;
		const rows = await fetchRows(context, requestFor(inputs.event, { fromMs: 0, toMs: nowMs }, { queues: [], extensions: [], slaSeconds: 20 }), 0);
		events = activeCallChanges({}, rows, nowMs).started;
	} else {
		since = inputs.sinceMs ?? nowMs - TEST_LOOKBACK_MS;
		const rows = await rowsFor(context, inputs, { fromMs: since, toMs: nowMs + FUTURE_MARGIN_MS }, true);
		events = eventsFromRows(inputs.event, rows, inputs.filters, nowMs).filter((found) => found.timeMs >= since);
	}
	const latest = events.reduce<PbxEvent | undefined>((best, found) => (!best || found.timeMs > best.timeMs ? found : best), undefined);
	if (!latest) {
		const where = inputs.event === 'activeCallStarted' ? 'No call is in progress on the PBX' : `No such event on the PBX since ${new Date(since).toISOString()}`;
		throw new NodeOperationError(node, `${where} (with these filters)`, {
			description: 'Make one happen (or widen the filters, or set Options → Include Events Since further back) and fetch again.',
		});
	}
	return await toItems(context, inputs, [latest], nowMs);
}
