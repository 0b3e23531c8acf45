import * as fs from 'fs';
import YAML from 'yaml';
import { Simulator, specDir, specFile } from '../../simulator';
import { REPORTS } from '../../simulator/reports';
import { PERIOD_MARCH_2025, USER_ACTIVITY_NO_FILTERS, functionArgs } from '../support/fixtures';
import { withSpec } from '../support/spec';
import { Client, callLogUrl, specAvailable, withSim } from './helpers';

describe('simulator: report functions', () => {
	let sim: Simulator;
	let c: Client;
	beforeAll(async () => {
		({ sim, c } = await withSim({ users: 60 }));
	});
	afterAll(() => sim.close());

	it('answers GetCallLogData with 10,000 deterministic rows and no $top cap', async () => {
		const r = await c.json(`${callLogUrl()}?$top=500&$count=true`);
		expect(r.status).toBe(200);
		expect(r.body['@odata.count']).toBe(10_000);
		expect(r.body.value).toHaveLength(500);
		const row = r.body.value[0];
		for (const k of ['CallHistoryId', 'StartTime', 'SourceDn', 'DestinationDn', 'TalkingDuration', 'Answered', 'actionDnDn']) expect(row).toHaveProperty(k);
		// newest first, inside the period
		const times = r.body.value.map((x: { StartTime: string }) => Date.parse(x.StartTime));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2025-03-01T00:00:00Z'));

		const again = await c.json(`${callLogUrl()}?$top=500&$skip=0`);
		expect(again.body.value).toEqual(r.body.value);
		const { sim: other, c: c2 } = await withSim({ users: 60 });
		try {
			expect((await c2.json(`${callLogUrl()}?$top=50&$skip=9000`)).body.value).toEqual((await c.json(`${callLogUrl()}?$top=50&$skip=9000`)).body.value);
		} finally {
			await other.close();
		}
	});

	it('pages through all rows with $top/$skip', async () => {
		const ids = new Set<string>();
		for (let skip = 0; ; skip += 1000) {
			const r = await c.json(`${callLogUrl()}?$top=1000&$skip=${skip}&$select=SegmentId`);
			r.body.value.forEach((x: { SegmentId: number }) => ids.add(String(x.SegmentId)));
			if (r.body.value.length < 1000) break;
		}
		expect(ids.size).toBe(10_000);
	});

	it('supports $filter, $orderby and $select on report rows', async () => {
		const r = await c.json(`${callLogUrl()}?$filter=${encodeURIComponent("Answered eq false and Direction eq 'Inbound'")}&$orderby=StartTime&$select=StartTime,Answered,Direction&$top=20&$count=true`);
		expect(r.status).toBe(200);
		expect(r.body['@odata.count']).toBeGreaterThan(100);
		expect(r.body['@odata.count']).toBeLessThan(10_000);
		expect(r.body.value.every((x: Record<string, unknown>) => x.Answered === false && x.Direction === 'Inbound' && Object.keys(x).length === 3)).toBe(true);
		const t = r.body.value.map((x: { StartTime: string }) => x.StartTime);
		expect([...t].sort()).toEqual(t);
		const d = await c.json(`${callLogUrl()}?$filter=${encodeURIComponent('date(StartTime) eq 2025-03-15')}&$count=true&$top=0`);
		expect(d.body['@odata.count']).toBeGreaterThan(200);
		expect((await c.json(`${callLogUrl()}?$filter=${encodeURIComponent('endswith(SourceDn,\'1\')')}`)).status).toBe(400);
	});

	it('parses parameters strictly: missing/extra/misordered 404, bad literal 500', async () => {
		const missing = callLogUrl({ hidePcalls: undefined });
		expect((await c.get(missing)).status).toBe(404);
		const extra = callLogUrl().replace(')', ',foo=1)');
		expect((await c.get(extra)).status).toBe(404);
		const swapped = callLogUrl().replace('periodFrom=2025-03-01T00:00:00Z,periodTo=2025-03-31T00:00:00Z', 'periodTo=2025-03-31T00:00:00Z,periodFrom=2025-03-01T00:00:00Z');
		expect((await c.get(swapped)).status).toBe(404);
		expect((await c.get(callLogUrl({ periodFrom: '2025-03-01' }))).status).toBe(500); // no time
		expect((await c.get(callLogUrl({ periodFrom: '2025-13-01T00:00:00Z' }))).status).toBe(500);
		expect((await c.get(callLogUrl({ periodFrom: "'2025-03-01T00:00:00Z'" }))).status).toBe(500); // quoted date
		expect((await c.get(callLogUrl({ periodFrom: '2025-03-01T00:00:00' }))).status).toBe(500); // no zone
		expect((await c.get(callLogUrl({ periodFrom: '2025-03-01T00:00:00+01:00' }))).status).toBe(500); // raw + is a space
		expect((await c.get(callLogUrl({ periodFrom: '2025-03-01T00%3A00%3A00%2B01%3A00' }))).status).toBe(200);
		expect((await c.get(callLogUrl({ sourceFilter: 'abc' }))).status).toBe(500); // unquoted string
		expect((await c.get(callLogUrl({ sourceType: "'0'" }))).status).toBe(500); // quoted int
		expect((await c.get(callLogUrl({ hidePcalls: '1' }))).status).toBe(500);
		const err = await c.json(callLogUrl({ periodTo: 'yesterday' }));
		expect(err.status).toBe(500);
		expect(err.body.error.message).toEqual(expect.any(String));
		expect((await c.get(callLogUrl({ sourceFilter: 'null' }))).status).toBe(200);
	});

	it("accepts quoted strings with '' escapes and %2F", async () => {
		expect((await c.get(callLogUrl({ sourceFilter: "'O''Brien'" }))).status).toBe(200);
		expect((await c.get(callLogUrl({ sourceFilter: "'O'Brien'" }))).status).toBe(404); // unbalanced quote: the argument list does not parse
		expect((await c.get(callLogUrl({ sourceFilter: encodeURIComponent("'a,b=c'") }))).status).toBe(200);
		const tz = "'America%2FChicago'";
		expect((await c.get(callLogUrl({ clientTimeZone: tz }, 'DownloadCallLog'))).status).toBe(200);
		expect((await c.get(callLogUrl({ clientTimeZone: "'America/Chicago'" }, 'DownloadCallLog'))).status).toBe(specAvailable() ? 404 : 501); // raw / breaks routing
	});

	it('answers user activity, queue performance, abandoned calls and agent login history', async () => {
		const P = functionArgs(PERIOD_MARCH_2025);
		const ua = await c.json(`ReportUserActivity/Pbx.GetUserActivity(${functionArgs({ clientTimeZone: 'UTC', ...PERIOD_MARCH_2025, ...USER_ACTIVITY_NO_FILTERS })})?$count=true`);
		expect(ua.status).toBe(200);
		// groupingType 0 = hour by hour (NOTES.md): 30 days, 720 rows.
		expect(ua.body['@odata.count']).toBe(720);
		expect(ua.body.value[0]).toEqual({ DateTimeInterval: expect.any(String), AnsweredCount: expect.any(Number), UnansweredCount: expect.any(Number) });
		const qp = await c.json(`ReportQueuePerformanceOverview/Pbx.GetQueuePerformanceOverviewData(${P},queueDns='800,801',waitInterval='0:00:0')`);
		expect(qp.status).toBe(200);
		expect(new Set(qp.body.value.map((x: { QueueDn: string }) => x.QueueDn))).toEqual(new Set(['800', '801']));
		const qt = await c.json(`ReportQueuePerformanceTotals/Pbx.GetQueuePerformanceTotalsData(${P},queueDns='',waitInterval='0:00:0')`);
		expect(qt.body.value.length).toBe(5);
		const ab = await c.json(`ReportAbandonedQueueCalls/Pbx.GetAbandonedQueueCallsData(${P},queueDns='800,801,802',waitInterval='0:00:0')?$top=1000&$count=true`);
		expect(ab.body['@odata.count']).toBeGreaterThan(100);
		expect(ab.body.value[0]).toHaveProperty('WaitTime');
		const al = await c.json(`ReportAgentLoginHistory/Pbx.GetAgentLoginHistoryData(clientTimeZone='UTC',startDt=2025-03-01T00:00:00Z,endDt=2025-03-08T00:00:00Z,queueDnStr='800',agentDnStr='')?$count=true&$top=5`);
		expect(al.status).toBe(200);
		expect(al.body['@odata.count']).toBeGreaterThan(7);
		expect(al.body.value[0]).toMatchObject({ QueueNo: '800', AgentNo: expect.any(String), loggedInDt: expect.any(String) });
	});

	it('answers Download* twins as CSV with Content-Disposition', async () => {
		const r = await c.get(callLogUrl({}, 'DownloadCallLog'));
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
		const text = (await r.text()).replace(/^\ufeff/, '');
		const lines = text.trimEnd().split('\r\n');
		expect(lines[0].split(',')).toContain('StartTime');
		expect(lines).toHaveLength(10_001);
		const twoDays = { clientTimeZone: 'UTC', ...PERIOD_MARCH_2025, periodTo: '2025-03-03T00:00:00Z', ...USER_ACTIVITY_NO_FILTERS, includeQueueCalls: false };
		const ua = await c.get(`ReportUserActivity/Pbx.DownloadGetUserActivity(${functionArgs(twoDays)})`);
		expect(ua.headers.get('content-type')).toMatch(/^text\/csv/);
		expect((await ua.text()).trimEnd().split('\r\n')).toHaveLength(49);
	});

	it('reproduces the empty-filter quirks: empty department → no rows, empty queue → 404 on two reports', async () => {
		const P = functionArgs(PERIOD_MARCH_2025);
		const activity = (group: string) =>
			c.json(`ReportUserActivity/Pbx.GetUserActivity(${functionArgs({ clientTimeZone: 'UTC', ...PERIOD_MARCH_2025, ...USER_ACTIVITY_NO_FILTERS, groupNumber: group })})?$count=true&$top=0`);
		expect((await activity('')).body['@odata.count']).toBe(0);
		expect((await activity('GRP0000')).body['@odata.count']).toBe(720);
		const byGroup = (group: string) => c.json(`ReportExtensionStatisticsByGroup/Pbx.GetExtensionStatisticsByGroupData(groupNumber='${group}',${P},callArea=0)`);
		expect((await byGroup('')).body.value).toEqual([]);
		expect((await byGroup('GRP0001')).body.value.length).toBe(20);
		const cost = await c.json(`ReportCallCostByExtensionGroup/Pbx.GetCallCostByExtensionGroupData(${P},groupFilter='',callClass=0)`);
		expect([cost.status, cost.body.value]).toEqual([200, []]);
		const span = "startDt=2025-03-01T00:00:00Z,endDt=2025-03-31T00:00:00Z";
		expect((await c.get(`ReportAgentsInQueueStatistics/Pbx.GetAgentsInQueueStatisticsData(queueDnStr='',${span},waitInterval='0:00:0')`)).status).toBe(404);
		expect((await c.get(`ReportAbandonedQueueCalls/Pbx.GetAbandonedQueueCallsData(${P},queueDns='',waitInterval='0:00:0')`)).status).toBe(404);
		const agents = await c.json(`ReportAgentsInQueueStatistics/Pbx.GetAgentsInQueueStatisticsData(queueDnStr='800',${span},waitInterval='0:00:0')`);
		expect(agents.status).toBe(200);
		expect(new Set(agents.body.value.map((row: { Queue: string }) => row.Queue))).toEqual(new Set(['800']));
	});

	it('derives every call report from the same calls: the numbers agree with the call log', async () => {
		const period = { periodFrom: '2025-03-10T00:00:00Z', periodTo: '2025-03-11T00:00:00Z' };
		const P = functionArgs(period);
		const log = (await c.json(`${callLogUrl(period)}?$select=Answered,Direction,StartTime,SourceCallerId,DestinationDn&$top=100000`)).body.value as Array<Record<string, unknown>>;
		const totals = (await c.json(`ReportQueuePerformanceTotals/Pbx.GetQueuePerformanceTotalsData(${P},queueDns='',waitInterval='0:00:0')`)).body.value as Array<Record<string, number>>;
		const overview = (await c.json(`ReportQueuePerformanceOverview/Pbx.GetQueuePerformanceOverviewData(${P},queueDns='',waitInterval='0:00:0')`)).body.value as Array<Record<string, number>>;
		const abandoned = (await c.json(`ReportAbandonedQueueCalls/Pbx.GetAbandonedQueueCallsData(${P},queueDns='800,801,802,803,804',waitInterval='0:00:0')?$top=100000`)).body.value as Array<Record<string, string>>;
		const sum = (rows: Array<Record<string, number>>, key: string) => rows.reduce((total, row) => total + row[key], 0);
		const received = sum(totals, 'QueueReceivedCount');
		// Queue calls are inbound calls of the call log; unanswered ones are the abandoned calls.
		expect(received).toBeGreaterThan(0);
		expect(received).toBeLessThanOrEqual(log.filter((row) => row.Direction === 'Inbound').length);
		expect(abandoned.length).toBe(sum(totals, 'ExtensionDroppedCount'));
		expect(sum(overview, 'ExtensionAnsweredCount')).toBe(sum(totals, 'ExtensionAnsweredCount'));
		const unansweredInbound = new Set(log.filter((row) => row.Direction === 'Inbound' && row.Answered === false).map((row) => `${row.StartTime}|${row.SourceCallerId}`));
		for (const call of abandoned) expect(unansweredInbound.has(`${call.CallTime}|${call.CallerId}`)).toBe(true);
		// User activity of everyone counts every call once, answered or not.
		const activity = (await c.json(`ReportUserActivity/Pbx.GetUserActivity(${functionArgs({ clientTimeZone: 'UTC', ...period, ...USER_ACTIVITY_NO_FILTERS })})`)).body.value as Array<Record<string, number>>;
		expect(activity).toHaveLength(24);
		expect(sum(activity, 'AnsweredCount')).toBe(log.filter((row) => row.Answered === true).length);
		expect(sum(activity, 'UnansweredCount')).toBe(log.filter((row) => row.Answered === false).length);
		// SLA: breaches are the queue calls that waited longer than the SLA wait; the statistics count them.
		const span = "startDt=2025-03-10T00:00:00Z,endDt=2025-03-11T00:00:00Z";
		const breaches = (await c.json(`ReportBreachesSla/Pbx.GetBreachesSlaData(queueDnStr='',${span},waitInterval='0:00:30')?$top=100000`)).body.value;
		const sla = (await c.json(`ReportStatisticSla/Pbx.GetStatisticSlaData(queueDnStr='',${span},waitInterval='0:00:30')`)).body.value as Array<Record<string, number>>;
		expect(breaches.length).toBe(sum(sla, 'BadSlaCallsCount'));
		expect(sum(sla, 'ReceivedCount')).toBe(received);
		const detailed = (await c.json(`ReportDetailedQueueStatistics/Pbx.GetDetailedQueueStatisticsData(queueDnStr='',${span},waitInterval='0:00:0')`)).body.value as Array<Record<string, number>>;
		const team = (await c.json(`ReportTeamQueueGeneralStatistics/Pbx.GetTeamQueueGeneralStatisticsData(queueDnStr='',${span},waitInterval='0:00:0')`)).body.value as Array<Record<string, number>>;
		expect([sum(detailed, 'CallsCount'), sum(team, 'ReceivedCount')]).toEqual([received, received]);
		expect([sum(detailed, 'AnsweredCount'), sum(team, 'AnsweredCount')]).toEqual([sum(totals, 'ExtensionAnsweredCount'), sum(totals, 'ExtensionAnsweredCount')]);
	});

	it('handles 50,000 call-log rows efficiently', async () => {
		const { sim: big, c: cb } = await withSim({ callLogRows: 50_000 });
		try {
			const t0 = Date.now();
			const last = await cb.json(`${callLogUrl()}?$top=100&$skip=49950&$count=true`);
			expect(last.body['@odata.count']).toBe(50_000);
			expect(last.body.value).toHaveLength(50);
			const filtered = await cb.json(`${callLogUrl()}?$filter=${encodeURIComponent("Status eq 'Answered'")}&$orderby=TalkingDuration desc&$top=10`);
			expect(filtered.status).toBe(200);
			expect(Date.now() - t0).toBeLessThan(5000);
		} finally {
			await big.close();
		}
	});

	withSpec(it, 'the simulator test of report parameter lists against the spec', specAvailable())('declares the same parameter lists as the reference spec', () => {
		const doc = YAML.parse(fs.readFileSync(specFile(specDir(), '20.0.10')!, 'utf8'));
		for (const def of REPORTS) {
			const key = Object.keys(doc.paths).find((p) => p.startsWith(`/${def.set}/${def.fn}(`));
			expect(key).toBeDefined();
			const params = (doc.paths[key!].get.parameters as Array<{ in?: string; name: string; schema: { type: string; format?: string } }>).filter((p) => p.in === 'path');
			expect(def.params.map((p) => p.name)).toEqual(params.map((p) => p.name));
			params.forEach((p, i) => {
				const kind = p.schema.type === 'integer' ? 'int' : p.schema.type === 'boolean' ? 'bool' : p.schema.format === 'date-time' ? 'datetime' : 'string';
				expect(`${p.name}:${def.params[i].kind}`).toBe(`${p.name}:${kind}`);
			});
		}
	});
});
