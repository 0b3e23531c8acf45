/** The simulator's live events (`liveEvents: true`): what the trigger's integration tests rely on. */
import { startSimulator, type Simulator } from '../../simulator';
import { client, type Client } from '../simulator/helpers';

let sim: Simulator;
let api: Client;
let plain: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ users: 20, liveEvents: true });
	plain = await startSimulator({ users: 20 });
	api = await client(sim);
});

afterAll(async () => {
	await sim?.close();
	await plain?.close();
});

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const CALL_LOG_REST =
	"sourceType=0,sourceFilter='',destinationType=0,destinationFilter='',callsType=0,callTimeFilterType=0,callTimeFilterFrom='0:00:0',callTimeFilterTo='0:00:0',hidePcalls=true";
const callLog = (fromMs: number, toMs: number) =>
	`ReportCallLogData/Pbx.GetCallLogData(periodFrom=${iso(fromMs)},periodTo=${iso(toMs)},${CALL_LOG_REST})`;

describe('live events in the simulator', () => {
	it('is off unless asked for', () => {
		expect(plain.live).toBeUndefined();
		expect(sim.live).toBeDefined();
	});

	it('a call is in the call log only once it completed, under its start time', async () => {
		const now = Date.now();
		const call = sim.live!.addCall({ startedAgoMs: 30 * 60_000, completesInMs: 300 });
		const before = await api.json(callLog(now - 3_600_000, now + 60_000));
		expect(before.body.value.map((r: { CdrId: string }) => r.CdrId)).not.toContain(call.CdrId);
		await new Promise((resolve) => setTimeout(resolve, 350));
		const after = await api.json(callLog(now - 3_600_000, now + 60_000));
		expect(after.body.value.map((r: { CdrId: string }) => r.CdrId)).toContain(call.CdrId);
		const outside = await api.json(callLog(now - 10 * 60_000, now + 60_000));
		expect(outside.body.value.map((r: { CdrId: string }) => r.CdrId)).not.toContain(call.CdrId);
	});

	it('binds report parameters strictly (wrong order → 404)', async () => {
		const res = await api.get(`ReportBreachesSla/Pbx.GetBreachesSlaData(startDt=${iso(Date.now())},queueDnStr='800',endDt=${iso(Date.now())},waitInterval='0:00:20')`);
		expect(res.status).toBe(404);
	});

	it('the PBX clock can run behind', () => {
		sim.live!.setClockSkew(-60_000);
		try {
			expect(Date.now() - sim.live!.now()).toBeGreaterThanOrEqual(59_000);
		} finally {
			sim.live!.setClockSkew(0);
		}
	});

	it('recordings, event log and active calls are rows of the entity sets', async () => {
		const recording = sim.live!.addRecording();
		const entry = sim.live!.addEventLogEntry({ type: 'Error' });
		const active = sim.live!.startActiveCall();
		const recordings = await api.json('Recordings?$orderby=EndTime desc&$top=1');
		expect(recordings.body.value[0].Id).toBe(recording.Id);
		const logs = await api.json('EventLogs?$orderby=TimeGenerated desc&$top=1');
		expect(logs.body.value[0].Id).toBe(entry.Id);
		expect((await api.json('ActiveCalls')).body.value.map((r: { Id: number }) => r.Id)).toContain(active.Id);
		sim.live!.endActiveCall(active.Id as number);
		expect((await api.json('ActiveCalls')).body.value.map((r: { Id: number }) => r.Id)).not.toContain(active.Id);
		expect((await api.get(`Recordings/Pbx.DownloadRecording(recId=${recording.Id})`)).status).toBe(200);
	});

	it('agent sessions open at log-in and close at log-out; the audit log grows', async () => {
		sim.live!.agentLogIn('801', '105');
		expect(() => sim.live!.agentLogOut('801', '106')).toThrow(/not logged in/);
		const closed = sim.live!.agentLogOut('801', '105');
		expect(closed.LoggedOutDt).toEqual(expect.stringMatching(/Z$/));
		const audit = sim.live!.addAuditLogEntry({ objectName: 'Queue 801' });
		const rows = await api.json('ReportAuditLog/Pbx.GetAuditLogData()?$orderby=Timestamp desc');
		expect(rows.body.value[0]).toMatchObject({ Id: audit.Id, ObjectName: 'Queue 801' });
	});
});
