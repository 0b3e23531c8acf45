/**
 * With `liveEvents`, the report functions behind the trigger's events answer from the live lists
 * (seed/live.ts) instead of rows spread over the requested period: rows in the period, in the
 * queues asked for.
 */
import type { XapiRequest } from '../http/request';
import type { BoundValue, CallSegment, ParamDef } from '../odata/literals';
import type { Row } from '../odata/query';
import type { RowSource } from '../reports';
import type { LiveEvents } from '../seed/live';
import { functionArgs, type Pbx } from './context';
import { answerReport } from './reports';

type Args = Record<string, BoundValue>;

const dt = (name: string): ParamDef => ({ name, kind: 'datetime' });
const str = (name: string): ParamDef => ({ name, kind: 'string', nullable: true });
const int = (name: string): ParamDef => ({ name, kind: 'int' });
const bool = (name: string): ParamDef => ({ name, kind: 'bool' });

interface LiveReport {
	params: ParamDef[];
	type: string;
	/** fields $orderby and $filter may name even when no row exists yet */
	timeFields: string[];
	rows(live: LiveEvents, args: Args): Row[];
}

function within(value: unknown, from: BoundValue, to: BoundValue): boolean {
	const t = Date.parse(String(value ?? ''));
	return !Number.isNaN(t) && t >= Date.parse(String(from)) && t <= Date.parse(String(to));
}

function inList(list: BoundValue, value: unknown): boolean {
	const wanted = String(list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	return wanted.length === 0 || wanted.includes(String(value));
}

const LIVE_REPORTS: Record<string, LiveReport> = {
	'ReportCallLogData/Pbx.GetCallLogData': {
		params: [
			dt('periodFrom'), dt('periodTo'), int('sourceType'), str('sourceFilter'), int('destinationType'), str('destinationFilter'),
			int('callsType'), int('callTimeFilterType'), str('callTimeFilterFrom'), str('callTimeFilterTo'), bool('hidePcalls'),
		],
		type: 'Pbx.CallLogData',
		timeFields: ['StartTime'],
		rows: (live, a) =>
			live.visibleCalls().filter((row) => within(row.StartTime, a.periodFrom, a.periodTo)).map(({ visibleAtMs: _v, ...row }) => row),
	},
	'ReportAbandonedQueueCalls/Pbx.GetAbandonedQueueCallsData': {
		params: [dt('periodFrom'), dt('periodTo'), str('queueDns'), str('waitInterval')],
		type: 'Pbx.AbandonedQueueCalls',
		timeFields: ['CallTime'],
		rows: (live, a) => live.abandoned.filter((row) => within(row.CallTime, a.periodFrom, a.periodTo) && inList(a.queueDns, row.QueueDn)),
	},
	'ReportBreachesSla/Pbx.GetBreachesSlaData': {
		params: [str('queueDnStr'), dt('startDt'), dt('endDt'), str('waitInterval')],
		type: 'Pbx.BreachesSla',
		timeFields: ['CallTime'],
		rows: (live, a) => live.slaBreaches.filter((row) => within(row.CallTime, a.startDt, a.endDt) && inList(a.queueDnStr, row.QueueDnNumber)),
	},
	'ReportAgentLoginHistory/Pbx.GetAgentLoginHistoryData': {
		params: [str('clientTimeZone'), dt('startDt'), dt('endDt'), str('queueDnStr'), str('agentDnStr')],
		type: 'Pbx.AgentLoginHistory',
		timeFields: ['loggedInDt', 'LoggedOutDt'],
		rows: (live, a) =>
			live.agentSessions.filter(
				(row) =>
					(within(row.loggedInDt, a.startDt, a.endDt) || within(row.LoggedOutDt, a.startDt, a.endDt)) &&
					inList(a.queueDnStr, row.QueueNo) &&
					inList(a.agentDnStr, row.AgentNo),
			),
	},
	'ReportAuditLog/Pbx.GetAuditLogData': { params: [], type: 'Pbx.AuditLog', timeFields: ['Timestamp', 'Id'], rows: (live) => live.auditLog },
};

/** Answers the request from the live lists when it is one of their report functions. */
export async function liveReport(pbx: Pbx, c: XapiRequest, set: string, call: CallSegment): Promise<boolean> {
	const report = pbx.live && LIVE_REPORTS[`${set}/${call.name}`];
	if (!pbx.live || !report) return false;
	const rows = report.rows(pbx.live, functionArgs(c, call, report.params));
	const props = [...new Set([...report.timeFields, ...rows.flatMap((row) => Object.keys(row))])];
	const source: RowSource = { type: report.type, props, count: rows.length, row: (i) => rows[i] };
	await answerReport(pbx, c, source);
	return true;
}
