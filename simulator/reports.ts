/**
 * The modelled report functions (their parameter lists, strictly bound) and how a query is
 * applied to their rows lazily. The rows themselves are generated in seed/reports.ts.
 */
import type { BoundValue, ParamDef } from './odata/literals';
import { Page, QueryOptions, Row, pageEnd, passes, project, rowComparator } from './odata/query';
import {
	abandonedQueueCalls,
	agentsInQueueStatistics,
	breachesSla,
	callCostByExtensionGroup,
	callDistribution,
	detailedQueueStatistics,
	extensionStatisticsByGroup,
	queuePerformanceOverview,
	queuePerformanceTotals,
	statisticSla,
	teamQueueGeneralStatistics,
	userActivity,
} from './seed/callReports';
import { agentLoginHistory, callLog } from './seed/reports';

export interface ReportContext {
	seed: number;
	users: number;
	callLogRows: number;
}

export interface RowSource {
	type: string;
	props: string[];
	count: number;
	row(i: number): Row;
}

export interface ReportDef {
	set: string;
	fn: string; // e.g. Pbx.GetCallLogData
	params: ParamDef[];
	source(args: Record<string, BoundValue>, ctx: ReportContext): RowSource;
	/** set for Download* twins: CSV file name */
	csvName?: string;
	/** A filter the real PBX answers with 404 when empty (NOTES.md "Empty filters"). */
	refusesEmpty?: string;
}

// ---- definitions -----------------------------------------------------------------------------

const dt = (name: string): ParamDef => ({ name, kind: 'datetime' });
const str = (name: string): ParamDef => ({ name, kind: 'string', nullable: true });
const int = (name: string): ParamDef => ({ name, kind: 'int' });
const bool = (name: string): ParamDef => ({ name, kind: 'bool' });

const CALL_LOG_PARAMS = [
	dt('periodFrom'), dt('periodTo'), int('sourceType'), str('sourceFilter'), int('destinationType'), str('destinationFilter'),
	int('callsType'), int('callTimeFilterType'), str('callTimeFilterFrom'), str('callTimeFilterTo'), bool('hidePcalls'),
];
const USER_ACTIVITY_PARAMS = [
	str('clientTimeZone'), dt('periodFrom'), dt('periodTo'), str('groupNumber'), str('extensionDns'), str('waitInterval'),
	bool('includeQueueCalls'), int('callArea'), int('groupingType'),
];
const QUEUE_PERIOD_PARAMS = [dt('periodFrom'), dt('periodTo'), str('queueDns'), str('waitInterval')];
const AGENT_LOGIN_PARAMS = [str('clientTimeZone'), dt('startDt'), dt('endDt'), str('queueDnStr'), str('agentDnStr')];
const QUEUE_SPAN_PARAMS = [str('queueDnStr'), dt('startDt'), dt('endDt'), str('waitInterval')];
const BY_GROUP_PARAMS = [str('groupNumber'), dt('periodFrom'), dt('periodTo'), int('callArea')];
const CALL_COST_PARAMS = [dt('periodFrom'), dt('periodTo'), str('groupFilter'), int('callClass')];
const TZ = str('clientTimeZone');

/** Modelled report functions (parameter lists as in the 20.0.10 spec; a test checks them against it). */
export const REPORTS: ReportDef[] = [
	{ set: 'ReportCallLogData', fn: 'Pbx.GetCallLogData', params: CALL_LOG_PARAMS, source: callLog },
	{ set: 'ReportCallLogData', fn: 'Pbx.GetOldCallLogData', params: CALL_LOG_PARAMS, source: callLog },
	{ set: 'ReportCallLogData', fn: 'Pbx.DownloadCallLog', params: [...CALL_LOG_PARAMS, TZ], source: callLog, csvName: 'CallLog' },
	{ set: 'ReportUserActivity', fn: 'Pbx.GetUserActivity', params: USER_ACTIVITY_PARAMS, source: userActivity },
	{ set: 'ReportUserActivity', fn: 'Pbx.DownloadGetUserActivity', params: USER_ACTIVITY_PARAMS, source: userActivity, csvName: 'UserActivity' },
	{ set: 'ReportQueuePerformanceOverview', fn: 'Pbx.GetQueuePerformanceOverviewData', params: QUEUE_PERIOD_PARAMS, source: queuePerformanceOverview },
	{ set: 'ReportQueuePerformanceOverview', fn: 'Pbx.DownloadQueuePerformanceOverview', params: QUEUE_PERIOD_PARAMS, source: queuePerformanceOverview, csvName: 'QueuePerformanceOverview' },
	{ set: 'ReportQueuePerformanceTotals', fn: 'Pbx.GetQueuePerformanceTotalsData', params: QUEUE_PERIOD_PARAMS, source: queuePerformanceTotals },
	{ set: 'ReportQueuePerformanceTotals', fn: 'Pbx.DownloadQueuePerformanceTotals', params: QUEUE_PERIOD_PARAMS, source: queuePerformanceTotals, csvName: 'QueuePerformanceTotals' },
	{ set: 'ReportAbandonedQueueCalls', fn: 'Pbx.GetAbandonedQueueCallsData', params: QUEUE_PERIOD_PARAMS, source: abandonedQueueCalls, refusesEmpty: 'queueDns' },
	{ set: 'ReportAbandonedQueueCalls', fn: 'Pbx.DownloadAbandonedQueueCalls', params: [...QUEUE_PERIOD_PARAMS, TZ], source: abandonedQueueCalls, csvName: 'AbandonedQueueCalls', refusesEmpty: 'queueDns' },
	{ set: 'ReportCallDistribution', fn: 'Pbx.GetCallDistribution', params: USER_ACTIVITY_PARAMS, source: callDistribution },
	{ set: 'ReportCallDistribution', fn: 'Pbx.DownloadGetGetCallDistribution', params: USER_ACTIVITY_PARAMS, source: callDistribution, csvName: 'CallDistribution' },
	{ set: 'ReportExtensionStatisticsByGroup', fn: 'Pbx.GetExtensionStatisticsByGroupData', params: BY_GROUP_PARAMS, source: extensionStatisticsByGroup },
	{ set: 'ReportExtensionStatisticsByGroup', fn: 'Pbx.DownloadExtensionStatisticsByGroup', params: BY_GROUP_PARAMS, source: extensionStatisticsByGroup, csvName: 'ExtensionStatisticsByGroup' },
	{ set: 'ReportCallCostByExtensionGroup', fn: 'Pbx.GetCallCostByExtensionGroupData', params: CALL_COST_PARAMS, source: callCostByExtensionGroup },
	{ set: 'ReportCallCostByExtensionGroup', fn: 'Pbx.DownloadCallCostByExtensionGroup', params: [...CALL_COST_PARAMS, TZ], source: callCostByExtensionGroup, csvName: 'CallCostByExtensionGroup' },
	{ set: 'ReportAgentsInQueueStatistics', fn: 'Pbx.GetAgentsInQueueStatisticsData', params: QUEUE_SPAN_PARAMS, source: agentsInQueueStatistics, refusesEmpty: 'queueDnStr' },
	{ set: 'ReportAgentsInQueueStatistics', fn: 'Pbx.DownloadAgentsInQueueStatistics', params: QUEUE_SPAN_PARAMS, source: agentsInQueueStatistics, csvName: 'AgentsInQueueStatistics', refusesEmpty: 'queueDnStr' },
	{ set: 'ReportStatisticSla', fn: 'Pbx.GetStatisticSlaData', params: QUEUE_SPAN_PARAMS, source: statisticSla },
	{ set: 'ReportStatisticSla', fn: 'Pbx.DownloadStatisticSla', params: QUEUE_SPAN_PARAMS, source: statisticSla, csvName: 'StatisticSla' },
	{ set: 'ReportDetailedQueueStatistics', fn: 'Pbx.GetDetailedQueueStatisticsData', params: QUEUE_SPAN_PARAMS, source: detailedQueueStatistics },
	{ set: 'ReportDetailedQueueStatistics', fn: 'Pbx.DownloadDetailedQueueStatistics', params: QUEUE_SPAN_PARAMS, source: detailedQueueStatistics, csvName: 'DetailedQueueStatistics' },
	{ set: 'ReportTeamQueueGeneralStatistics', fn: 'Pbx.GetTeamQueueGeneralStatisticsData', params: QUEUE_SPAN_PARAMS, source: teamQueueGeneralStatistics },
	{ set: 'ReportTeamQueueGeneralStatistics', fn: 'Pbx.DownloadTeamQueueGeneralStatistics', params: QUEUE_SPAN_PARAMS, source: teamQueueGeneralStatistics, csvName: 'TeamQueueGeneralStatistics' },
	{ set: 'ReportBreachesSla', fn: 'Pbx.GetBreachesSlaData', params: QUEUE_SPAN_PARAMS, source: breachesSla },
	{ set: 'ReportBreachesSla', fn: 'Pbx.DownloadBreachesSla', params: [...QUEUE_SPAN_PARAMS, TZ], source: breachesSla, csvName: 'BreachesSla' },
	{ set: 'ReportAgentLoginHistory', fn: 'Pbx.GetAgentLoginHistoryData', params: AGENT_LOGIN_PARAMS, source: agentLoginHistory },
	{ set: 'ReportAgentLoginHistory', fn: 'Pbx.DownloadAgentLoginHistory', params: AGENT_LOGIN_PARAMS, source: agentLoginHistory, csvName: 'AgentLoginHistory' },
];

export function findReport(set: string, fn: string): ReportDef | undefined {
	return REPORTS.find((r) => r.set === set && r.fn === fn);
}

// ---- query application over a lazy source -----------------------------------------------------

const NO_NAV: ReadonlySet<string> = new Set();

/** Without $filter, $search and $orderby a page is just the rows at its indices. */
function plain(q: QueryOptions): boolean {
	return !q.filter && !q.search && q.orderby.length === 0;
}

function* plainPage(src: RowSource, q: QueryOptions): Generator<Row> {
	for (let i = q.skip; i < pageEnd(q, src.count); i++) yield project(src.row(i), q, NO_NAV);
}

/**
 * Page of a report: without $filter/$orderby only the requested rows are generated; otherwise
 * rows are generated one at a time and only indices (plus sort keys) are kept.
 */
export function queryReport(src: RowSource, q: QueryOptions): Page {
	if (plain(q)) return { value: [...plainPage(src, q)], count: src.count };
	const hits: Array<{ i: number; keys: Row }> = [];
	for (let i = 0; i < src.count; i++) {
		const row = src.row(i);
		if (!passes(q, row)) continue;
		const keys: Row = {};
		for (const o of q.orderby) keys[o.prop] = row[o.prop];
		hits.push({ i, keys });
	}
	if (q.orderby.length) {
		const byKeys = rowComparator(q.orderby);
		hits.sort((a, b) => byKeys(a.keys, b.keys) || a.i - b.i);
	}
	const value: Row[] = [];
	for (let k = q.skip; k < pageEnd(q, hits.length); k++) value.push(project(src.row(hits[k].i), q, NO_NAV));
	return { value, count: hits.length };
}

/** Iterates all rows of a query result (for CSV): same semantics as queryReport, row by row when it can. */
export function* iterateReport(src: RowSource, q: QueryOptions): Generator<Row> {
	if (plain(q)) yield* plainPage(src, q);
	else yield* queryReport(src, q).value;
}
