/**
 * Reports computed from the calls of their period (seed/calls.ts), so that their numbers agree with
 * the call log: user activity, call distribution, per-extension statistics, queue performance,
 * abandoned queue calls, SLA statistics and breaches, agents in queue. Filters are honoured; the
 * real PBX's quirks (NOTES.md "Empty filters") are reproduced by the routes (routes/reports.ts).
 */
import type { BoundValue } from '../odata/literals';
import type { Row } from '../odata/query';
import type { ReportContext, RowSource } from '../reports';
import { CallFacts, extensionOf, periodCalls, userOf } from './calls';
import { queueAgentIndices, queueName, queueNumber, userPerson } from './people';
import { iso, isoDuration } from './random';
import { dnList, period, selectedQueues } from './reports';

type Args = Record<string, BoundValue>;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Rows of a list computed once per request. */
function listSource(type: string, props: string[], rows: Row[]): RowSource {
	return { type, props, count: rows.length, row: (i) => rows[i] };
}

/** User indices of a department: GRP0000 (the default) holds everyone, GRP0001/GRP0002 every third
 * user (as seeded, seed/entities.ts); '' or an unknown number: nobody, as a real PBX answers. */
export function departmentMembers(ctx: ReportContext, group: BoundValue): number[] {
	const all = Array.from({ length: ctx.users }, (_, i) => i);
	if (group === 'GRP0000') return all;
	const gi = typeof group === 'string' ? /^GRP000([12])$/.exec(group)?.[1] : undefined;
	return gi ? all.filter((i) => i % 3 === Number(gi)) : [];
}

/** Users a report counts: the extension list if given, else the department's members. */
function selectedUsers(ctx: ReportContext, args: Args, groupKey: string, listKey?: string): Set<number> {
	const members = departmentMembers(ctx, args[groupKey]);
	const only = listKey ? dnList(args[listKey]) : undefined;
	return new Set(only ? members.filter((u) => only.has(extensionOf(ctx, u))) : members);
}

/** Seconds of a TimeSpan literal `h:mm:ss` (`'0:00:0'` → 0). */
function seconds(value: BoundValue): number {
	const m = typeof value === 'string' ? /^(\d+):(\d{1,2})(?::(\d{1,2}))?/.exec(value) : null;
	return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : 0;
}

function calls(args: Args, ctx: ReportContext, fromKey = 'periodFrom', toKey = 'periodTo'): { from: number; to: number; list: CallFacts[] } {
	const { from, to } = period(args, fromKey, toKey);
	return { from, to, list: periodCalls(ctx, from, to) };
}

/** Interval rows: groupingType 0 = hour by hour (NOTES.md); other codes by day [unsure]. */
function intervalRows(args: Args, from: number, to: number, list: CallFacts[], count: (c: CallFacts) => [string, number] | undefined, props: string[]): Row[] {
	const bucket = args.groupingType === 0 ? HOUR : DAY;
	const start = Math.floor(from / bucket) * bucket;
	const n = to > from ? Math.min(5000, Math.ceil((to - start) / bucket)) : 0;
	const rows: Row[] = Array.from({ length: n }, (_, k) => ({ DateTimeInterval: iso(start + k * bucket), ...Object.fromEntries(props.map((p) => [p, 0])) }));
	for (const call of list) {
		const hit = count(call);
		const k = Math.floor((call.start - start) / bucket);
		if (hit && rows[k]) (rows[k][hit[0]] as number) += hit[1];
	}
	return rows;
}

export function userActivity(args: Args, ctx: ReportContext): RowSource {
	const { from, to, list } = calls(args, ctx);
	const users = selectedUsers(ctx, args, 'groupNumber', 'extensionDns');
	const withQueues = args.includeQueueCalls !== false;
	const rows = users.size === 0 ? [] : intervalRows(args, from, to, list, (c) => {
		if (!users.has(userOf(c)) || (!withQueues && c.queue >= 0) || !areaMatches(args.callArea, c)) return undefined;
		return [c.answered ? 'AnsweredCount' : 'UnansweredCount', 1];
	}, ['AnsweredCount', 'UnansweredCount']);
	return listSource('Pbx.UserActivity', ['DateTimeInterval', 'AnsweredCount', 'UnansweredCount'], rows);
}

export function callDistribution(args: Args, ctx: ReportContext): RowSource {
	const { from, to, list } = calls(args, ctx);
	const users = selectedUsers(ctx, args, 'groupNumber', 'extensionDns');
	const withQueues = args.includeQueueCalls !== false;
	const rows = users.size === 0 ? [] : intervalRows(args, from, to, list, (c) => {
		if (!users.has(userOf(c)) || (!withQueues && c.queue >= 0) || !areaMatches(args.callArea, c)) return undefined;
		return [c.direction === 'Outbound' ? 'OutgoingCount' : 'IncomingCount', 1];
	}, ['IncomingCount', 'OutgoingCount']);
	return listSource('Pbx.CallDistribution', ['DateTimeInterval', 'IncomingCount', 'OutgoingCount'], rows);
}

/** callArea 0 = all, 1 = internal, 2 = external (NOTES.md). */
function areaMatches(area: BoundValue, c: CallFacts): boolean {
	if (area === 1) return c.direction === 'Internal';
	if (area === 2) return c.direction !== 'Internal';
	return true;
}

const EXTENSION_STATS_PROPS = [
	'Dn', 'DisplayName', 'InboundAnsweredCount', 'InboundAnsweredTalkingDur', 'InboundUnansweredCount',
	'OutboundAnsweredCount', 'OutboundAnsweredTalkingDur', 'OutboundUnansweredCount', 'SentimentScore',
];

function extensionStats(args: Args, ctx: ReportContext, users: Set<number>, type: string, props: string[]): RowSource {
	const { list } = calls(args, ctx);
	const stats = new Map<number, Row>();
	for (const u of users) {
		const p = userPerson(ctx.seed, u);
		stats.set(u, { Dn: p.number, DisplayName: `${p.first} ${p.last}`, in: 0, inTalk: 0, inMissed: 0, out: 0, outTalk: 0, outMissed: 0 });
	}
	for (const c of list) {
		const row = stats.get(userOf(c));
		if (!row || !areaMatches(args.callArea, c)) continue;
		const outbound = c.direction === 'Outbound';
		const key = outbound ? (c.answered ? 'out' : 'outMissed') : c.answered ? 'in' : 'inMissed';
		(row[key] as number)++;
		if (c.answered) (row[outbound ? 'outTalk' : 'inTalk'] as number) += c.talking;
	}
	const rows = [...stats.values()].map((s) => ({
		Dn: s.Dn,
		DisplayName: s.DisplayName,
		InboundAnsweredCount: s.in,
		InboundAnsweredTalkingDur: isoDuration(s.inTalk as number),
		InboundUnansweredCount: s.inMissed,
		OutboundAnsweredCount: s.out,
		OutboundAnsweredTalkingDur: isoDuration(s.outTalk as number),
		OutboundUnansweredCount: s.outMissed,
		SentimentScore: null,
	}));
	return listSource(type, props, rows.map((r) => Object.fromEntries(props.map((p) => [p, r[p as keyof typeof r]]))));
}

export function extensionStatisticsByGroup(args: Args, ctx: ReportContext): RowSource {
	return extensionStats(args, ctx, selectedUsers(ctx, args, 'groupNumber'), 'Pbx.ExtensionStatisticsByGroup', EXTENSION_STATS_PROPS);
}

const CALL_COST_PROPS = ['BillingCost', 'CallType', 'DstDn', 'DstDnClass', 'GroupName', 'IsAnswered', 'RingingDur', 'SegId', 'SrcDisplayName', 'SrcDn', 'StartTime', 'TalkingDur'];

export function callCostByExtensionGroup(args: Args, ctx: ReportContext): RowSource {
	const { list } = calls(args, ctx);
	const users = selectedUsers(ctx, args, 'groupFilter');
	const group = args.groupFilter === 'GRP0000' ? 'DEFAULT' : args.groupFilter === 'GRP0001' ? 'Sales' : 'Support';
	const rows = list
		.filter((c) => c.direction === 'Outbound' && users.has(c.caller))
		.map((c) => {
			const p = userPerson(ctx.seed, c.caller);
			return {
				BillingCost: Math.round(c.talking * 0.35) / 100,
				CallType: 'External',
				DstDn: c.external,
				DstDnClass: 'External',
				GroupName: group,
				IsAnswered: c.answered,
				RingingDur: isoDuration(c.ringing),
				SegId: 1_000_000 + c.i,
				SrcDisplayName: `${p.first} ${p.last}`,
				SrcDn: p.number,
				StartTime: iso(c.start),
				TalkingDur: isoDuration(c.talking),
			};
		});
	return listSource('Pbx.CallCostByExtensionGroup', CALL_COST_PROPS, rows);
}

// ---- queues ------------------------------------------------------------------------------------

/** Queue calls of the period in the selected queues. */
function queueCalls(args: Args, ctx: ReportContext, queueKey: string, fromKey?: string, toKey?: string): { qs: number[]; list: CallFacts[] } {
	const qs = selectedQueues(args, queueKey);
	const { list } = calls(args, ctx, fromKey, toKey);
	return { qs, list: list.filter((c) => c.queue >= 0 && qs.includes(c.queue)) };
}

export function queuePerformanceOverview(args: Args, ctx: ReportContext): RowSource {
	const { qs, list } = queueCalls(args, ctx, 'queueDns');
	const rows: Row[] = [];
	for (const q of qs) {
		const inQueue = list.filter((c) => c.queue === q);
		for (const a of queueAgentIndices(ctx.users, q)) {
			const p = userPerson(ctx.seed, a);
			const mine = inQueue.filter((c) => c.callee === a);
			rows.push({
				QueueDn: queueNumber(q),
				QueueDisplayName: queueName(q),
				ExtensionDn: p.number,
				ExtensionDisplayName: `${p.first} ${p.last}`,
				QueueReceivedCount: inQueue.length,
				QueueAnsweredCount: inQueue.filter((c) => c.answered).length,
				ExtensionAnsweredCount: mine.filter((c) => c.answered).length,
				ExtensionDroppedCount: mine.filter((c) => !c.answered).length,
				TalkTime: isoDuration(mine.reduce((sum, c) => sum + c.talking, 0)),
				SortOrder: rows.length,
			});
		}
	}
	return listSource('Pbx.QueuePerformanceOverview', OVERVIEW_PROPS, rows);
}
const OVERVIEW_PROPS = ['QueueDn', 'QueueDisplayName', 'ExtensionDn', 'ExtensionDisplayName', 'QueueReceivedCount', 'QueueAnsweredCount', 'ExtensionAnsweredCount', 'ExtensionDroppedCount', 'TalkTime', 'SortOrder'];

export function queuePerformanceTotals(args: Args, ctx: ReportContext): RowSource {
	const { qs, list } = queueCalls(args, ctx, 'queueDns');
	const rows = qs.map((q) => {
		const inQueue = list.filter((c) => c.queue === q);
		return {
			QueueDn: queueNumber(q),
			QueueDisplayName: queueName(q),
			QueueReceivedCount: inQueue.length,
			ExtensionAnsweredCount: inQueue.filter((c) => c.answered).length,
			ExtensionDroppedCount: inQueue.filter((c) => !c.answered).length,
		};
	});
	return listSource('Pbx.QueuePerformanceTotals', ['QueueDn', 'QueueDisplayName', 'QueueReceivedCount', 'ExtensionAnsweredCount', 'ExtensionDroppedCount'], rows);
}

export function abandonedQueueCalls(args: Args, ctx: ReportContext): RowSource {
	const { list } = queueCalls(args, ctx, 'queueDns');
	const min = seconds(args.waitInterval);
	const rows = list
		.filter((c) => !c.answered && c.wait >= min)
		.map((c) => {
			const p = userPerson(ctx.seed, c.callee);
			const t = iso(c.start);
			return {
				CallerId: c.external,
				CallHistoryId: `00000000-0000-4000-8000-${String(c.i).padStart(12, '0')}`,
				CallTime: t,
				CallTimeForCsv: t,
				ExtensionDisplayName: `${p.first} ${p.last}`,
				ExtensionDn: p.number,
				IsLoggedIn: c.i % 3 !== 0,
				PollingAttempts: 1 + (c.i % 4),
				QueueDisplayName: queueName(c.queue),
				QueueDn: queueNumber(c.queue),
				WaitTime: isoDuration(c.wait),
			};
		});
	return listSource('Pbx.AbandonedQueueCalls', ['CallerId', 'CallHistoryId', 'CallTime', 'CallTimeForCsv', 'ExtensionDisplayName', 'ExtensionDn', 'IsLoggedIn', 'PollingAttempts', 'QueueDisplayName', 'QueueDn', 'WaitTime'], rows);
}

/** SLA wait: the report's waitInterval, or the queue's 20 s default when it is 0:00:0 [unsure]. */
const slaSeconds = (args: Args) => seconds(args.waitInterval) || 20;

export function breachesSla(args: Args, ctx: ReportContext): RowSource {
	const { list } = queueCalls(args, ctx, 'queueDnStr', 'startDt', 'endDt');
	const sla = slaSeconds(args);
	const rows = list
		.filter((c) => c.wait > sla)
		.map((c) => ({ CallerId: c.external, CallTime: iso(c.start), Queue: queueName(c.queue), QueueDnNumber: queueNumber(c.queue), WaitingTime: isoDuration(c.wait) }));
	return listSource('Pbx.BreachesSla', ['CallerId', 'CallTime', 'Queue', 'QueueDnNumber', 'WaitingTime'], rows);
}

export function statisticSla(args: Args, ctx: ReportContext): RowSource {
	const { qs, list } = queueCalls(args, ctx, 'queueDnStr', 'startDt', 'endDt');
	const sla = slaSeconds(args);
	const rows = qs.map((q) => {
		const inQueue = list.filter((c) => c.queue === q);
		return { BadSlaCallsCount: inQueue.filter((c) => c.wait > sla).length, Dn: queueName(q), QueueDnNumber: queueNumber(q), ReceivedCount: inQueue.length };
	});
	return listSource('Pbx.StatisticSla', ['BadSlaCallsCount', 'Dn', 'QueueDnNumber', 'ReceivedCount'], rows);
}

export function agentsInQueueStatistics(args: Args, ctx: ReportContext): RowSource {
	const { qs, list } = queueCalls(args, ctx, 'queueDnStr', 'startDt', 'endDt');
	const { from, to } = period(args, 'startDt', 'endDt');
	const hours = Math.max(1, (to - from) / HOUR);
	const rows: Row[] = [];
	for (const q of qs) {
		for (const a of queueAgentIndices(ctx.users, q)) {
			const p = userPerson(ctx.seed, a);
			const mine = list.filter((c) => c.queue === q && c.callee === a);
			const answered = mine.filter((c) => c.answered);
			const ring = mine.reduce((sum, c) => sum + c.ringing, 0);
			const talk = answered.reduce((sum, c) => sum + c.talking, 0);
			rows.push({
				AnsweredCount: answered.length,
				AnsweredPercent: mine.length ? Math.round((answered.length / mine.length) * 100) : 0,
				AnsweredPerHourCount: Math.round((answered.length / hours) * 100) / 100,
				AvgRingTime: isoDuration(mine.length ? Math.round(ring / mine.length) : 0),
				AvgTalkTime: isoDuration(answered.length ? Math.round(talk / answered.length) : 0),
				Dn: p.number,
				DnDisplayName: `${p.first} ${p.last}`,
				LoggedInTime: isoDuration(Math.round(hours * 3600 * 0.6)),
				LostCount: mine.length - answered.length,
				Queue: queueNumber(q),
				QueueDisplayName: queueName(q),
				RingTime: isoDuration(ring),
				TalkTime: isoDuration(talk),
			});
		}
	}
	return listSource('Pbx.AgentsInQueueStatistics', AGENTS_PROPS, rows);
}
const AGENTS_PROPS = ['AnsweredCount', 'AnsweredPercent', 'AnsweredPerHourCount', 'AvgRingTime', 'AvgTalkTime', 'Dn', 'DnDisplayName', 'LoggedInTime', 'LostCount', 'Queue', 'QueueDisplayName', 'RingTime', 'TalkTime'];

export function detailedQueueStatistics(args: Args, ctx: ReportContext): RowSource {
	const { qs, list } = queueCalls(args, ctx, 'queueDnStr', 'startDt', 'endDt');
	const rows = qs.map((q) => {
		const inQueue = list.filter((c) => c.queue === q);
		const answered = inQueue.filter((c) => c.answered);
		const ring = inQueue.reduce((sum, c) => sum + c.ringing, 0);
		const talk = answered.reduce((sum, c) => sum + c.talking, 0);
		return {
			AnsweredCount: answered.length,
			AvgRingTime: isoDuration(inQueue.length ? Math.round(ring / inQueue.length) : 0),
			AvgTalkTime: isoDuration(answered.length ? Math.round(talk / answered.length) : 0),
			CallbacksCount: 0,
			CallsCount: inQueue.length,
			QueueDn: queueName(q),
			QueueDnNumber: queueNumber(q),
			RingTime: isoDuration(ring),
			TalkTime: isoDuration(talk),
		};
	});
	return listSource('Pbx.DetailedQueueStatistics', ['AnsweredCount', 'AvgRingTime', 'AvgTalkTime', 'CallbacksCount', 'CallsCount', 'QueueDn', 'QueueDnNumber', 'RingTime', 'TalkTime'], rows);
}

export function teamQueueGeneralStatistics(args: Args, ctx: ReportContext): RowSource {
	const { qs, list } = queueCalls(args, ctx, 'queueDnStr', 'startDt', 'endDt');
	const rows = qs.map((q) => {
		const inQueue = list.filter((c) => c.queue === q);
		const answered = inQueue.filter((c) => c.answered);
		const talk = answered.reduce((sum, c) => sum + c.talking, 0);
		return {
			AgentsInQueueCount: queueAgentIndices(ctx.users, q).length,
			AnsweredCount: answered.length,
			AvgTalkTime: isoDuration(answered.length ? Math.round(talk / answered.length) : 0),
			Dn: queueName(q),
			QueueDnNumber: queueNumber(q),
			ReceivedCount: inQueue.length,
			TotalTalkTime: isoDuration(talk),
		};
	});
	return listSource('Pbx.TeamQueueGeneralStatistics', ['AgentsInQueueCount', 'AnsweredCount', 'AvgTalkTime', 'Dn', 'QueueDnNumber', 'ReceivedCount', 'TotalTalkTime'], rows);
}
