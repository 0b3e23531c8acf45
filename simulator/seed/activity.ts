/** Seeded activity of the directory's users: recordings, call history, event log, active calls. */
import type { Row } from '../odata/query';
import { activeCallTemplate, callHistoryTemplate, eventLogTemplate, recordingTemplate } from '../entities/templates';
import type { AddRow, SeedOptions } from './entities';
import { ANCHOR_MS, Rng, externalNumber, iso, isoDuration } from './random';

export function seedActivity({ seed, users: userCount, baseUrl }: SeedOptions, users: Row[], add: AddRow): void {
	const pickUser = (r: Rng): Row | undefined => (users.length ? r.pick(users) : undefined);
	for (let k = 0; k < 60; k++) {
		const r = new Rng(seed, 'recording', k);
		const start = ANCHOR_MS - (k + 1) * 3_600_000 + r.int(0, 3_000_000);
		const from = pickUser(r);
		const to = pickUser(r);
		const id = 500 + k;
		add('Recordings', {
			...recordingTemplate(id),
			CallType: r.pick(['Local', 'InboundExternal', 'OutboundExternal']),
			StartTime: iso(start),
			EndTime: iso(start + r.int(10, 900) * 1000),
			FromCallerNumber: from ? (from.Number as string) : externalNumber(r),
			FromDisplayName: from ? (from.DisplayName as string) : '',
			FromDn: from ? (from.Number as string) : '',
			ToCallerNumber: to ? (to.Number as string) : externalNumber(r),
			ToDisplayName: to ? (to.DisplayName as string) : '',
			ToDn: to ? (to.Number as string) : '',
			RecordingUrl: `${baseUrl}/xapi/v1/Recordings/Pbx.DownloadRecording(recId=${id})`,
			FromIdParticipant: 10_000 + k * 2,
			ToIdParticipant: 10_001 + k * 2,
		});
	}
	for (let k = 0; k < 200; k++) {
		const r = new Rng(seed, 'callhistory', k);
		const start = ANCHOR_MS - (k + 1) * 900_000;
		const src = pickUser(r);
		const ext = r.bool(0.5);
		const answered = r.bool(0.8);
		const dur = answered ? r.int(5, 1200) : 0;
		add('CallHistoryView', {
			...callHistoryTemplate(100_000 + k),
			CallAnswered: answered,
			CallTime: isoDuration(dur),
			SegmentStartTime: iso(start),
			SegmentEndTime: iso(start + dur * 1000),
			SrcCallerNumber: src ? (src.Number as string) : '',
			SrcDisplayName: src ? (src.DisplayName as string) : '',
			SrcDn: src ? (src.Number as string) : '',
			SrcId: src ? (src.Id as number) : 0,
			DstCallerNumber: ext ? externalNumber(r) : String(100 + r.int(0, Math.max(0, userCount - 1))),
			DstExternal: ext,
			DstInternal: !ext,
			DstDnType: ext ? 1 : 0,
			SrcParticipantId: 200_000 + k * 2,
			DstParticipantId: 200_001 + k * 2,
		});
	}
	for (let k = 0; k < 200; k++) {
		const r = new Rng(seed, 'eventlog', k);
		const type = r.pick(['Info', 'Info', 'Info', 'Warning', 'Error']);
		const ev = r.pick([
			{ id: 12290, src: 'CallFlow', msg: 'Call to {0} failed: {1}' },
			{ id: 4097, src: 'Registrar', msg: 'Extension {0} registered from {1}' },
			{ id: 8193, src: 'Trunk', msg: 'Trunk {0} is not registered' },
			{ id: 3, src: 'Backup', msg: 'Backup {0} completed' },
		]);
		add('EventLogs', {
			...eventLogTemplate(k + 1),
			EventId: ev.id,
			Source: ev.src,
			Message: ev.msg,
			Params: [String(100 + r.int(0, 50)), r.pick(['192.0.2.10', 'timeout', '503 Service Unavailable'])],
			Group: 'System',
			GroupName: 'System',
			Type: type,
			TimeGenerated: iso(ANCHOR_MS - k * 600_000),
		});
	}
	for (let k = 0; k < 5; k++) {
		const r = new Rng(seed, 'activecall', k);
		const u = pickUser(r);
		add('ActiveCalls', {
			...activeCallTemplate(700 + k),
			Caller: u ? `${u.Number} ${u.DisplayName}` : '100',
			Callee: externalNumber(r),
			EstablishedAt: iso(ANCHOR_MS - r.int(10, 600) * 1000),
			LastChangeStatus: iso(ANCHOR_MS - r.int(1, 9) * 1000),
			ServerNow: iso(ANCHOR_MS),
			Status: r.pick(['Talking', 'Routing', 'Dialing']),
		});
	}
}
