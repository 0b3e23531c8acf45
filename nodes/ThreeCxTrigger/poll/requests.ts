/**
 * The XAPI request behind each event, as a relative URL (the credential adds `{server}/xapi/v1`)
 * and query options. Pure. Report functions take every parameter, in spec order, inside the
 * parentheses (NOTES: a missing one is a 404); the call log's fixed ones are what the 3CX web
 * report sends.
 */
import type { IDataObject } from 'n8n-workflow';

import { toUtcDateTime } from '../../ThreeCx/xapi/odata/dates';
import { toODataLiteral } from '../../ThreeCx/xapi/odata/literals';
import { timeOf, type TriggerEvent } from './events';

/** Rows per page: the cap 3CX enforces on several lists, and what its web client asks for. */
export const PAGE_SIZE = 100;

export interface RowsRequest {
	url: string;
	qs: IDataObject;
	/**
	 * Lists sorted newest first by this field: paging stops at the first page reaching back
	 * before the window. Report functions are asked for the window itself and read to the end.
	 */
	newestFirstBy?: string;
}

export interface RequestWindow {
	fromMs: number;
	toMs: number;
}

export interface RequestInputs {
	/** Queue numbers the report is asked about (queue reports need at least one). */
	queues: string[];
	/** Agent extensions (Agent Logged In / Out); empty: every agent. */
	extensions: string[];
	/** SLA Breached: the wait after which a queue call breaches its SLA, in seconds. */
	slaSeconds: number;
}

/** Events whose report must be given queue numbers. */
export function needsQueues(event: TriggerEvent): boolean {
	return event === 'missedQueueCall' || event === 'agentLoggedIn' || event === 'agentLoggedOut' || event === 'slaBreached';
}

const CALL_LOG_DEFAULTS =
	"sourceType=0,sourceFilter='',destinationType=0,destinationFilter='',callsType=0,callTimeFilterType=0," +
	"callTimeFilterFrom='0:00:0',callTimeFilterTo='0:00:0',hidePcalls=true";

function at(ms: number): string {
	return toUtcDateTime(new Date(ms), 'window');
}

function quoted(parameter: string, value: string): string {
	return toODataLiteral({ field: parameter, type: 'string' }, value);
}

/** h:mm:ss, the TimeSpan form the web client sends. */
export function interval(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
	const ss = String(s % 60).padStart(2, '0');
	return `${Math.floor(s / 3600)}:${mm}:${ss}`;
}

export function requestFor(event: TriggerEvent, window: RequestWindow, inputs: RequestInputs): RowsRequest {
	const from = at(window.fromMs);
	const to = at(window.toMs);
	const queues = quoted('queueDns', inputs.queues.join(','));
	const qs = { $top: PAGE_SIZE };
	switch (event) {
		case 'newCall':
			return { url: `/ReportCallLogData/Pbx.GetCallLogData(periodFrom=${from},periodTo=${to},${CALL_LOG_DEFAULTS})`, qs };
		case 'missedQueueCall':
			return {
				url: `/ReportAbandonedQueueCalls/Pbx.GetAbandonedQueueCallsData(periodFrom=${from},periodTo=${to},queueDns=${queues},waitInterval='0:00:0')`,
				qs,
			};
		case 'agentLoggedIn':
		case 'agentLoggedOut':
			return {
				url:
					`/ReportAgentLoginHistory/Pbx.GetAgentLoginHistoryData(clientTimeZone='UTC',startDt=${from},endDt=${to},` +
					`queueDnStr=${queues},agentDnStr=${quoted('agentDnStr', inputs.extensions.join(','))})`,
				qs,
			};
		case 'slaBreached':
			return {
				url: `/ReportBreachesSla/Pbx.GetBreachesSlaData(queueDnStr=${queues},startDt=${from},endDt=${to},waitInterval=${quoted('waitInterval', interval(inputs.slaSeconds))})`,
				qs,
			};
		case 'newRecording':
			return { url: '/Recordings', qs: { ...qs, $orderby: 'EndTime desc' }, newestFirstBy: 'EndTime' };
		case 'newEventLogEntry':
			return { url: '/EventLogs', qs: { ...qs, $orderby: 'TimeGenerated desc' }, newestFirstBy: 'TimeGenerated' };
		case 'newAuditLogEntry':
			return { url: '/ReportAuditLog/Pbx.GetAuditLogData()', qs: { ...qs, $orderby: 'Timestamp desc' }, newestFirstBy: 'Timestamp' };
		case 'activeCallStarted':
		case 'activeCallEnded':
			return { url: '/ActiveCalls', qs };
	}
}

/** Queue numbers of every queue (GET /Queues, paged), for queue reports without a queue filter. */
export const QUEUE_LIST: RowsRequest = { url: '/Queues', qs: { $select: 'Number', $top: PAGE_SIZE } };

/** The recording file of a recording row. */
export function recordingFileUrl(id: unknown): string {
	return `/Recordings/Pbx.DownloadRecording(recId=${toODataLiteral({ field: 'recId', type: 'int32' }, id)})`;
}

/** Where each event's time is (Fetch Test Event asks for the newest rows first). */
export const TIME_FIELD: Record<TriggerEvent, string> = {
	newCall: 'StartTime',
	missedQueueCall: 'CallTime',
	newRecording: 'EndTime',
	newEventLogEntry: 'TimeGenerated',
	newAuditLogEntry: 'Timestamp',
	activeCallStarted: 'EstablishedAt',
	activeCallEnded: 'EstablishedAt',
	agentLoggedIn: 'loggedInDt',
	agentLoggedOut: 'LoggedOutDt',
	slaBreached: 'CallTime',
};

/** The same rows, newest first: what Fetch Test Event reads (its first pages only). */
export function newestFirst(event: TriggerEvent, request: RowsRequest): RowsRequest {
	const field = TIME_FIELD[event];
	return { ...request, qs: { ...request.qs, $orderby: `${field} desc` }, newestFirstBy: field };
}

/** Pages one poll reads at most (10 000 rows); more means the window is too wide for one poll. */
export const MAX_PAGES = 100;

/** Whether another page may hold rows of the window. */
export function hasMorePages(request: RowsRequest, rows: IDataObject[], fromMs: number): boolean {
	if (rows.length < PAGE_SIZE) return false;
	if (!request.newestFirstBy) return true;
	const oldest = timeOf(rows[rows.length - 1][request.newestFirstBy], Number.NaN);
	return Number.isNaN(oldest) || oldest >= fromMs;
}
