/**
 * The 3CX Trigger through n8n-core (PollContext, TriggersAndPollers) against the simulator with
 * live events: baseline, back-fill, out-of-order completions, clock skew, failed polls, restarts,
 * every event kind, Fetch Test Event, binary recordings and input errors.
 */
import { startSimulator, type Simulator } from '../../simulator';
import type { LiveControl } from '../../simulator/seed/live';
import { CredentialStore } from '../support/n8n-harness';
import { TriggerRunner } from '../trigger/poll-harness';

let sim: Simulator;
let live: LiveControl;
let credentials: CredentialStore;

beforeAll(async () => {
	sim = await startSimulator({ users: 40, liveEvents: true });
	live = sim.live!;
	credentials = new CredentialStore({ server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey });
});

afterAll(async () => {
	await sim?.close();
});

const MIN = 60_000;
const ids = (result: { items: Array<{ json: Record<string, unknown> }> }) => result.items.map((item) => item.json.id);
const runner = (parameters: Record<string, unknown>) => new TriggerRunner(credentials, parameters);

describe('3CX Trigger: New Call', () => {
	it('first activation emits nothing old, then each completed call once', async () => {
		live.addCall({ startedAgoMs: 5 * MIN });
		const trigger = runner({ event: 'newCall' });
		const first = await trigger.poll();
		expect(first.none).toBe(true);
		expect(trigger.staticData).toMatchObject({ scope: 'newCall', cursorMs: expect.any(Number) });

		const a = live.addCall({ direction: 'Inbound' });
		const b = live.addCall({ direction: 'Outbound' });
		const second = await trigger.poll();
		expect(ids(second).sort()).toEqual([`call:${a.CdrId}`, `call:${b.CdrId}`].sort());
		const item = second.items.find((i) => i.json.id === `call:${a.CdrId}`)!.json;
		expect(item).toEqual({ event: 'newCall', id: `call:${a.CdrId}`, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), detectedAt: expect.stringMatching(/Z$/), data: expect.objectContaining({ CdrId: a.CdrId, Direction: 'Inbound' }) });
		expect(Date.parse(item.time as string)).toBe(Date.parse(a.StartTime as string));

		expect((await trigger.poll()).none).toBe(true);
	});

	it('a long call completing after a shorter, later one is emitted once (overlap + seen keys)', async () => {
		const trigger = runner({ event: 'newCall' });
		await trigger.poll();
		// started 40 min ago, completes only in 1.5 s: not in the call log yet
		const long = live.addCall({ startedAgoMs: 40 * MIN, completesInMs: 1500 });
		const short = live.addCall({ startedAgoMs: 10_000 });
		expect(ids(await trigger.poll())).toEqual([`call:${short.CdrId}`]);
		await new Promise((resolve) => setTimeout(resolve, 1600));
		expect(ids(await trigger.poll())).toEqual([`call:${long.CdrId}`]);
		expect((await trigger.poll()).none).toBe(true);
	});

	it('a PBX clock 10 minutes behind n8n still delivers every call once', async () => {
		const trigger = runner({ event: 'newCall' });
		await trigger.poll();
		live.setClockSkew(-10 * MIN);
		try {
			const call = live.addCall();
			expect(ids(await trigger.poll())).toEqual([`call:${call.CdrId}`]);
			expect((await trigger.poll()).none).toBe(true);
		} finally {
			live.setClockSkew(0);
		}
	});

	it('a failed poll does not move the cursor: the next poll delivers what it missed', async () => {
		const trigger = runner({ event: 'newCall' });
		await trigger.poll();
		const before = trigger.staticData;
		const call = live.addCall();
		sim.inject({ status: 503, match: /GetCallLogData/ });
		await expect(trigger.poll()).rejects.toThrow(/503|Injected fault/);
		expect(trigger.staticData).toEqual(before);
		expect(ids(await trigger.poll())).toEqual([`call:${call.CdrId}`]);
	});

	it('survives a restart: events from while n8n was down arrive once, nothing repeats', async () => {
		const trigger = runner({ event: 'newCall' });
		await trigger.poll();
		const a = live.addCall();
		expect(ids(await trigger.poll())).toEqual([`call:${a.CdrId}`]);
		trigger.restart();
		const b = live.addCall();
		expect(ids(await trigger.poll())).toEqual([`call:${b.CdrId}`]);
	});

	it('filters by direction, answered, extension and queue', async () => {
		const trigger = runner({ event: 'newCall', directions: ['Inbound'], answered: 'unanswered', extensions: '105' });
		await trigger.poll();
		live.addCall({ direction: 'Inbound', answered: true, extension: '105' });
		live.addCall({ direction: 'Outbound', answered: false, extension: '105' });
		live.addCall({ direction: 'Inbound', answered: false, extension: '106' });
		const hit = live.addCall({ direction: 'Inbound', answered: false, extension: '105' });
		expect(ids(await trigger.poll())).toEqual([`call:${hit.CdrId}`]);
	});

	it('Include Events Since back-fills on the first poll', async () => {
		const old = live.addCall({ startedAgoMs: 90 * MIN });
		const trigger = runner({ event: 'newCall', options: { includeEventsSince: new Date(Date.now() - 2 * 60 * MIN).toISOString() } });
		expect(ids(await trigger.poll())).toContain(`call:${old.CdrId}`);
		expect((await trigger.poll()).none).toBe(true);
	});

	it('a back-fill of 13 hours catches up in steps of 6 hours, each call once', async () => {
		const oldest = live.addCall({ startedAgoMs: 12.5 * 60 * MIN, answered: false, extension: '139' });
		const recent = live.addCall({ startedAgoMs: 60 * MIN, answered: false, extension: '139' });
		const trigger = runner({ event: 'newCall', extensions: '139', options: { includeEventsSince: new Date(Date.now() - 13 * 60 * MIN).toISOString() } });
		expect(ids(await trigger.poll())).toEqual([`call:${oldest.CdrId}`]);
		expect((await trigger.poll()).none).toBe(true);
		expect(ids(await trigger.poll())).toEqual([`call:${recent.CdrId}`]);
		expect((await trigger.poll()).none).toBe(true);
	});
});

describe('3CX Trigger: other events', () => {
	it('Missed Queue Call (every queue when none is given; only the listed ones otherwise)', async () => {
		const all = runner({ event: 'missedQueueCall' });
		const only801 = runner({ event: 'missedQueueCall', queues: '801' });
		await all.poll();
		await only801.poll();
		const a = live.addMissedQueueCall({ queue: '800' });
		const b = live.addMissedQueueCall({ queue: '801' });
		expect(ids(await all.poll()).sort()).toEqual([`abandoned:${a.CallHistoryId}`, `abandoned:${b.CallHistoryId}`].sort());
		expect(ids(await only801.poll())).toEqual([`abandoned:${b.CallHistoryId}`]);
		expect(sim.stats.requests.some((r) => r.path.includes("queueDns='800,801,802,803,804'"))).toBe(true);
	});

	it('New Recording with the file attached as binary data', async () => {
		const trigger = runner({ event: 'newRecording', downloadRecording: true, binaryPropertyName: 'audio' });
		await trigger.poll();
		const recording = live.addRecording();
		const result = await trigger.poll();
		expect(ids(result)).toEqual([`recording:${recording.Id}`]);
		const binary = result.items[0].binary!.audio;
		expect(binary.mimeType).toBe('audio/x-wav');
		expect(binary.fileName).toBe(`recording_${recording.Id}.wav`);
		expect(Buffer.from(binary.data, 'base64').subarray(0, 4).toString()).toBe('RIFF');
	});

	it('New Event Log Entry filtered by severity', async () => {
		const trigger = runner({ event: 'newEventLogEntry', severities: ['Error'] });
		await trigger.poll();
		live.addEventLogEntry({ type: 'Info' });
		const error = live.addEventLogEntry({ type: 'Error', message: 'Trunk {0} is not registered' });
		const result = await trigger.poll();
		expect(ids(result)).toEqual([`eventlog:${error.Id}`]);
		expect(result.items[0].json.data).toMatchObject({ Type: 'Error', Message: 'Trunk {0} is not registered' });
	});

	it('New Audit Log Entry filtered by object name', async () => {
		const trigger = runner({ event: 'newAuditLogEntry', objectName: 'queue' });
		await trigger.poll();
		live.addAuditLogEntry({ objectName: 'Extension 101' });
		const hit = live.addAuditLogEntry({ objectName: 'Queue 800' });
		expect(ids(await trigger.poll())).toEqual([`audit:${hit.Id}`]);
	});

	it('Active Call Started / Ended from two polls of the active calls', async () => {
		const started = runner({ event: 'activeCallStarted' });
		const ended = runner({ event: 'activeCallEnded' });
		expect((await started.poll()).none).toBe(true);
		expect((await ended.poll()).none).toBe(true);
		const call = live.startActiveCall({ caller: '101 Ann Lee', callee: '+441234567' });
		expect(ids(await started.poll())).toEqual([`active:${call.Id}:started`]);
		expect((await ended.poll()).none).toBe(true);
		live.endActiveCall(call.Id as number);
		const end = await ended.poll();
		expect(ids(end)).toEqual([`active:${call.Id}:ended`]);
		expect(end.items[0].json.data).toMatchObject({ Caller: '101 Ann Lee' });
		expect((await started.poll()).none).toBe(true);
	});

	it('Agent Logged In / Out of Queue', async () => {
		const loggedIn = runner({ event: 'agentLoggedIn', queues: '802' });
		const loggedOut = runner({ event: 'agentLoggedOut', queues: '802', extensions: '110' });
		await loggedIn.poll();
		await loggedOut.poll();
		live.agentLogIn('802', '110');
		live.agentLogIn('802', '111');
		expect((await loggedIn.poll()).items.map((i) => (i.json.data as { AgentNo: string }).AgentNo).sort()).toEqual(['110', '111']);
		expect((await loggedOut.poll()).none).toBe(true);
		live.agentLogOut('802', '110');
		live.agentLogOut('802', '111');
		const out = await loggedOut.poll();
		expect(out.items.map((i) => (i.json.data as { AgentNo: string }).AgentNo)).toEqual(['110']);
		expect((await loggedIn.poll()).none).toBe(true);
	});

	it('SLA Breached sends the SLA time to the report', async () => {
		const trigger = runner({ event: 'slaBreached', queues: '803', slaSeconds: 45 });
		await trigger.poll();
		const breach = live.addSlaBreach({ queue: '803' });
		expect(ids(await trigger.poll())).toEqual([`sla:803|${breach.CallerId}|${breach.CallTime}`]);
		expect(sim.stats.requests.some((r) => r.path.includes("waitInterval='0:00:45'"))).toBe(true);
	});

	it('advance(): a random mix of events is delivered once per kind', async () => {
		const triggers = ['newCall', 'missedQueueCall', 'newRecording', 'newEventLogEntry', 'newAuditLogEntry', 'slaBreached'].map((event) => runner({ event }));
		for (const trigger of triggers) await trigger.poll();
		live.advance(30);
		const counts = [];
		for (const trigger of triggers) counts.push((await trigger.poll()).items.length);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
		for (const trigger of triggers) expect((await trigger.poll()).none).toBe(true);
	});
});

describe('3CX Trigger: Fetch Test Event (manual)', () => {
	it('returns the most recent event and leaves the cursor alone', async () => {
		live.addEventLogEntry({ type: 'Warning' });
		await new Promise((resolve) => setTimeout(resolve, 5));
		const newest = live.addEventLogEntry({ type: 'Warning', message: 'newest' });
		const trigger = runner({ event: 'newEventLogEntry', severities: ['Warning'] });
		const result = await trigger.poll('manual');
		expect(ids(result)).toEqual([`eventlog:${newest.Id}`]);
		expect(trigger.staticData).toEqual({});
	});

	it('New Call: the newest call of the last 7 days', async () => {
		const newest = live.addCall({ startedAgoMs: 1000 });
		expect(ids(await runner({ event: 'newCall' }).poll('manual'))).toEqual([`call:${newest.CdrId}`]);
	});

	it('says so when there is none', async () => {
		await expect(runner({ event: 'slaBreached', queues: '899' }).poll('manual')).rejects.toThrow(/No such event on the PBX since/);
		await expect(runner({ event: 'activeCallEnded' }).poll('manual')).rejects.toThrow(/no history of ended active calls/);
	});
});

describe('3CX Trigger: input errors', () => {
	it.each([
		[{ event: 'newCall', extensions: "100') or (1 eq 1" }, /Extensions/],
		[{ event: 'missedQueueCall', queues: 'sales' }, /Queues/],
		[{ event: 'newCall', options: { overlapMinutes: 0 } }, /Overlap/],
		[{ event: 'newCall', options: { includeEventsSince: 'soon' } }, /Include Events Since/],
	])('%p fails before any request', async (parameters, message) => {
		const before = sim.stats.apiRequests;
		await expect(runner(parameters).poll()).rejects.toThrow(message);
		expect(sim.stats.apiRequests).toBe(before);
	});
});
