/**
 * Live events (`liveEvents: true`): a PBX whose history grows while it runs. Calls end and enter
 * the call log, queue calls are abandoned or breach their SLA, agents log in and out, recordings,
 * event-log and audit-log entries appear, active calls start and end. Times follow the wall clock
 * plus an adjustable skew (a PBX clock that differs from n8n's). A call can be added that started
 * long ago or that completes only later, so completions arrive out of start-time order.
 *
 * The report functions of these events answer from the lists here (routes/live.ts); recordings,
 * event log and active calls are rows of the entity store.
 */
import type { EntityStore } from '../entities/store';
import { activeCallTemplate, eventLogTemplate, recordingTemplate } from '../entities/templates';
import type { Row } from '../odata/query';
import { QUEUE_COUNT, queueAgentIndices, queueName, queueNumber, userPerson } from './people';
import { COMPANIES, Rng, externalNumber, iso, isoDuration } from './random';

export interface LiveCall {
	/** how long before the PBX's now the call started (default 30 s) */
	startedAgoMs?: number;
	/** the call completes (enters the call log) this long after now (default 0: already) */
	completesInMs?: number;
	direction?: 'Inbound' | 'Outbound' | 'Internal';
	answered?: boolean;
	/** extension of the internal party (default one of the seeded users) */
	extension?: string;
	recorded?: boolean;
}

export interface LiveQueueCall {
	/** default 800 */
	queue?: string;
	startedAgoMs?: number;
	waitSeconds?: number;
}

/** What a test or the demo drives (Simulator.live). */
export interface LiveControl {
	/** the PBX's clock: wall time plus skew */
	now(): number;
	/** the PBX clock runs this many ms ahead of (negative: behind) the wall clock */
	setClockSkew(ms: number): void;
	addCall(call?: LiveCall): Row;
	addMissedQueueCall(call?: LiveQueueCall): Row;
	addSlaBreach(call?: LiveQueueCall): Row;
	addRecording(options?: { extension?: string }): Row;
	addEventLogEntry(options?: { type?: 'Error' | 'Warning' | 'Info'; message?: string }): Row;
	addAuditLogEntry(options?: { objectName?: string; userName?: string }): Row;
	startActiveCall(options?: { caller?: string; callee?: string }): Row;
	endActiveCall(id: number): void;
	agentLogIn(queue: string, agent: string): Row;
	agentLogOut(queue: string, agent: string): Row;
	/** a random mix of `count` events at the current time (calls, recordings, log entries, log-ins) */
	advance(count?: number): void;
}

export class LiveEvents implements LiveControl {
	readonly callLog: Array<Row & { visibleAtMs: number }> = [];
	readonly abandoned: Row[] = [];
	readonly slaBreaches: Row[] = [];
	readonly auditLog: Row[] = [];
	readonly agentSessions: Row[] = [];
	private skewMs = 0;
	private counter = 0;

	constructor(
		private readonly store: EntityStore,
		private readonly seed: number,
		private readonly users: number,
		private readonly baseUrl: () => string,
	) {}

	now(): number {
		return Date.now() + this.skewMs;
	}

	setClockSkew(ms: number): void {
		this.skewMs = ms;
	}

	private rng(kind: string): Rng {
		return new Rng(this.seed, `live:${kind}`, ++this.counter);
	}

	private person(r: Rng, extension?: string): { number: string; name: string } {
		if (extension) return { number: extension, name: `Extension ${extension}` };
		const p = userPerson(this.seed, r.int(0, Math.max(1, this.users) - 1));
		return { number: p.number, name: `${p.first} ${p.last}` };
	}

	private nextId(set: string): number {
		let max = 0;
		for (const id of this.store.get(set)!.rows.keys()) if (id > max) max = id;
		return max + 1;
	}

	/** Rows of the call log the PBX shows now (completed calls only). */
	visibleCalls(): Row[] {
		const now = this.now();
		return this.callLog.filter((row) => row.visibleAtMs <= now);
	}

	addCall(call: LiveCall = {}): Row {
		const r = this.rng('call');
		const now = this.now();
		const start = now - (call.startedAgoMs ?? 30_000);
		const direction = call.direction ?? r.pick(['Inbound', 'Outbound', 'Internal'] as const);
		const answered = call.answered ?? r.bool(0.75);
		const person = this.person(r, call.extension);
		const external = externalNumber(r);
		const id = 2_000_000 + this.counter;
		const src = direction === 'Inbound' ? { type: 1, dn: '10000', cid: external, name: r.pick(COMPANIES) } : { type: 0, dn: person.number, cid: person.number, name: person.name };
		const dst = direction === 'Inbound' || direction === 'Internal' ? { type: 0, dn: direction === 'Inbound' ? person.number : String(100 + r.int(0, 9)), cid: person.number, name: person.name } : { type: 1, dn: '10000', cid: external, name: '' };
		const talking = answered ? r.int(3, 600) : 0;
		const hist = r.guid();
		const recId = call.recorded ? this.addRecording({ extension: person.number }).Id : null;
		const row = {
			SegmentId: id,
			StartTime: iso(start),
			SourceType: src.type,
			SourceDn: src.dn,
			SourceCallerId: src.cid,
			SourceDisplayName: src.name,
			DestinationType: dst.type,
			DestinationDn: dst.dn,
			DestinationCallerId: dst.cid,
			DestinationDisplayName: dst.name,
			ActionType: answered ? 1 : 5,
			ActionDnType: dst.type,
			actionDnDn: dst.dn,
			ActionDnCallerId: dst.cid,
			ActionDnDisplayName: dst.name,
			RingingDuration: isoDuration(r.int(1, 30)),
			TalkingDuration: isoDuration(talking),
			CallCost: 0,
			Answered: answered,
			RecordingUrl: recId === null ? null : `/xapi/v1/Recordings/Pbx.DownloadRecording(recId=${String(recId)})`,
			SubrowDescNumber: 0,
			Direction: direction,
			MainCallHistoryId: hist,
			CallHistoryId: hist,
			Status: answered ? 'Answered' : 'Unanswered',
			CallType: direction === 'Internal' ? 'Internal' : 'External',
			Reason: answered ? 'Terminated by destination' : 'Not answered',
			Indent: 0,
			QualityReport: false,
			CdrId: r.guid(),
			CallId: id,
			SrcRecId: recId,
			DstRecId: null,
			SentimentScore: null,
			Summary: null,
			Transcription: null,
			Recordings: recId === null ? [] : [{ Id: recId, SentimentScore: null, Summary: null, Transcription: null }],
		};
		this.callLog.push({ ...row, visibleAtMs: now + (call.completesInMs ?? 0) });
		return row;
	}

	private queueCall(kind: string, call: LiveQueueCall): { r: Rng; q: number; queue: string; time: string; wait: number } {
		const r = this.rng(kind);
		const queue = call.queue ?? queueNumber(0);
		const q = Math.max(0, Number(queue) - 800) % QUEUE_COUNT;
		return { r, q, queue, time: iso(this.now() - (call.startedAgoMs ?? 20_000)), wait: call.waitSeconds ?? r.int(30, 300) };
	}

	addMissedQueueCall(call: LiveQueueCall = {}): Row {
		const { r, q, queue, time, wait } = this.queueCall('abandoned', call);
		const agents = queueAgentIndices(this.users, q);
		const agent = agents.length ? userPerson(this.seed, r.pick(agents)) : undefined;
		const row: Row = {
			CallerId: externalNumber(r),
			CallHistoryId: r.guid(),
			CallTime: time,
			CallTimeForCsv: time,
			ExtensionDisplayName: agent ? `${agent.first} ${agent.last}` : null,
			ExtensionDn: agent ? agent.number : null,
			IsLoggedIn: true,
			PollingAttempts: r.int(0, 6),
			QueueDisplayName: queueName(q),
			QueueDn: queue,
			WaitTime: isoDuration(wait),
		};
		this.abandoned.push(row);
		return row;
	}

	addSlaBreach(call: LiveQueueCall = {}): Row {
		const { r, q, queue, time, wait } = this.queueCall('sla', call);
		const row: Row = { CallerId: externalNumber(r), CallTime: time, Queue: queueName(q), QueueDnNumber: queue, WaitingTime: isoDuration(wait) };
		this.slaBreaches.push(row);
		return row;
	}

	addRecording(options: { extension?: string } = {}): Row {
		const r = this.rng('recording');
		const id = this.nextId('Recordings');
		const from = this.person(r, options.extension);
		const end = this.now();
		const row: Row = {
			...recordingTemplate(id),
			CallType: 'InboundExternal',
			StartTime: iso(end - r.int(10, 600) * 1000),
			EndTime: iso(end),
			FromCallerNumber: externalNumber(r),
			FromDisplayName: r.pick(COMPANIES),
			FromDn: '',
			ToCallerNumber: from.number,
			ToDisplayName: from.name,
			ToDn: from.number,
			RecordingUrl: `${this.baseUrl()}/xapi/v1/Recordings/Pbx.DownloadRecording(recId=${id})`,
		};
		this.store.get('Recordings')!.rows.set(id, row);
		return row;
	}

	addEventLogEntry(options: { type?: 'Error' | 'Warning' | 'Info'; message?: string } = {}): Row {
		const r = this.rng('eventlog');
		const id = this.nextId('EventLogs');
		const row: Row = {
			...eventLogTemplate(id),
			EventId: 4097,
			Source: 'Registrar',
			Message: options.message ?? 'Extension {0} registered from {1}',
			Params: [String(100 + r.int(0, 50)), '192.0.2.10'],
			Group: 'System',
			GroupName: 'System',
			Type: options.type ?? r.pick(['Info', 'Warning', 'Error']),
			TimeGenerated: iso(this.now()),
		};
		this.store.get('EventLogs')!.rows.set(id, row);
		return row;
	}

	addAuditLogEntry(options: { objectName?: string; userName?: string } = {}): Row {
		const r = this.rng('audit');
		const row: Row = {
			Id: this.auditLog.length + 1,
			Action: r.int(0, 2),
			Ip: '192.0.2.20',
			NewData: '{"ForwardingProfile":"Away"}',
			ObjectName: options.objectName ?? `Extension ${100 + r.int(0, 9)}`,
			ObjectType: 1,
			PrevData: '{"ForwardingProfile":"Available"}',
			Source: 1,
			Timestamp: iso(this.now()),
			UserName: options.userName ?? 'admin',
		};
		this.auditLog.push(row);
		return row;
	}

	startActiveCall(options: { caller?: string; callee?: string } = {}): Row {
		const r = this.rng('active');
		const id = this.nextId('ActiveCalls');
		const now = iso(this.now());
		const person = this.person(r);
		const row: Row = {
			...activeCallTemplate(id),
			Caller: options.caller ?? `${person.number} ${person.name}`,
			Callee: options.callee ?? externalNumber(r),
			EstablishedAt: now,
			LastChangeStatus: now,
			ServerNow: now,
			Status: 'Talking',
		};
		this.store.get('ActiveCalls')!.rows.set(id, row);
		return row;
	}

	endActiveCall(id: number): void {
		this.store.get('ActiveCalls')!.rows.delete(id);
	}

	agentLogIn(queue: string, agent: string): Row {
		const now = this.now();
		const row: Row = {
			QueueNo: queue,
			AgentNo: agent,
			Agent: `Extension ${agent}`,
			Day: iso(Math.floor(now / 86_400_000) * 86_400_000),
			loggedInDt: iso(now),
			LoggedOutDt: null,
			LoggedInInterval: 'PT0S',
			LoggedInDayInterval: 'PT0S',
			LoggedInTotalInterval: 'PT0S',
			TalkingInterval: 'PT0S',
			TalkingDayInterval: 'PT0S',
			TalkingTotalInterval: 'PT0S',
		};
		this.agentSessions.push(row);
		return row;
	}

	agentLogOut(queue: string, agent: string): Row {
		const open = this.agentSessions.find((s) => s.QueueNo === queue && s.AgentNo === agent && s.LoggedOutDt === null);
		if (!open) throw new Error(`Agent ${agent} is not logged in to queue ${queue}`);
		const now = this.now();
		const seconds = Math.max(0, Math.round((now - Date.parse(open.loggedInDt as string)) / 1000));
		Object.assign(open, { LoggedOutDt: iso(now), LoggedInInterval: isoDuration(seconds), LoggedInDayInterval: isoDuration(seconds), LoggedInTotalInterval: isoDuration(seconds) });
		return open;
	}

	advance(count = 5): void {
		const r = this.rng('advance');
		for (let i = 0; i < count; i++) {
			const kind = r.int(0, 5);
			if (kind === 0) this.addCall();
			else if (kind === 1) this.addMissedQueueCall({ queue: queueNumber(r.int(0, QUEUE_COUNT - 1)) });
			else if (kind === 2) this.addRecording();
			else if (kind === 3) this.addEventLogEntry();
			else if (kind === 4) this.addAuditLogEntry();
			else this.addSlaBreach({ queue: queueNumber(r.int(0, QUEUE_COUNT - 1)) });
		}
	}
}
