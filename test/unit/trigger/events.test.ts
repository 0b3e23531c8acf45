import { eventsFromRows, isTriggerEvent, timeOf, toItem, TRIGGER_EVENTS } from '../../../nodes/ThreeCxTrigger/poll/events';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);

const callRow = (over: Record<string, unknown> = {}) => ({
	CdrId: 'cdr-1',
	CallHistoryId: 'h-1',
	SegmentId: 7,
	StartTime: '2026-01-10T11:50:00Z',
	Direction: 'Inbound',
	Answered: false,
	SourceDn: '10000',
	DestinationDn: '101',
	actionDnDn: '800',
	...over,
});

describe('timeOf', () => {
	it.each([
		['2026-01-10T11:50:00Z', Date.UTC(2026, 0, 10, 11, 50)],
		['2026-01-10T13:50:00+02:00', Date.UTC(2026, 0, 10, 11, 50)],
		['2026-01-10T11:50:00.123Z', Date.UTC(2026, 0, 10, 11, 50, 0, 123)],
		['2026-01-10T11:50:00', Date.UTC(2026, 0, 10, 11, 50)],
	])('%s', (text, ms) => expect(timeOf(text, 0)).toBe(ms));

	it.each([[null], [''], ['yesterday'], [42]])('falls back for %p', (value) => expect(timeOf(value, NOW)).toBe(NOW));
});

describe('eventsFromRows', () => {
	it('New Call: keyed by CdrId, timed by StartTime', () => {
		expect(eventsFromRows('newCall', [callRow()], {}, NOW)).toEqual([{ key: 'call:cdr-1', timeMs: Date.UTC(2026, 0, 10, 11, 50), data: callRow() }]);
		expect(eventsFromRows('newCall', [callRow({ CdrId: null })], {}, NOW)[0].key).toBe('call:h-1');
		expect(eventsFromRows('newCall', [callRow({ CdrId: null, CallHistoryId: '' })], {}, NOW)[0].key).toBe('call:7@2026-01-10T11:50:00Z');
	});

	it.each([
		[{ directions: ['Outbound'] }, 0],
		[{ directions: ['Inbound', 'Internal'] }, 1],
		[{ answered: 'answered' as const }, 0],
		[{ answered: 'unanswered' as const }, 1],
		[{ extensions: ['101'] }, 1],
		[{ extensions: ['102'] }, 0],
		[{ queues: ['800'] }, 1],
		[{ queues: ['801'] }, 0],
	])('New Call filters %p → %i', (filters, count) => {
		expect(eventsFromRows('newCall', [callRow()], filters, NOW)).toHaveLength(count);
	});

	it('Missed Queue Call: CallHistoryId, else queue|caller|time', () => {
		const row = { CallHistoryId: 'h', CallTime: '2026-01-10T11:00:00Z', QueueDn: '800', CallerId: '+44' };
		expect(eventsFromRows('missedQueueCall', [row], {}, NOW)[0]).toMatchObject({ key: 'abandoned:h', timeMs: Date.UTC(2026, 0, 10, 11) });
		expect(eventsFromRows('missedQueueCall', [{ ...row, CallHistoryId: null }], {}, NOW)[0].key).toBe('abandoned:800|+44|2026-01-10T11:00:00Z');
	});

	it('New Recording: by Id and EndTime, filtered by From/To extension', () => {
		const row = { Id: 5, StartTime: '2026-01-10T11:00:00Z', EndTime: '2026-01-10T11:05:00Z', FromDn: '', ToDn: '102' };
		expect(eventsFromRows('newRecording', [row], {}, NOW)[0]).toMatchObject({ key: 'recording:5', timeMs: Date.UTC(2026, 0, 10, 11, 5) });
		expect(eventsFromRows('newRecording', [row], { extensions: ['101'] }, NOW)).toEqual([]);
		expect(eventsFromRows('newRecording', [row], { extensions: ['102'] }, NOW)).toHaveLength(1);
	});

	it('Event Log: severity filter on Type', () => {
		const rows = [
			{ Id: 1, Type: 'Error', TimeGenerated: '2026-01-10T11:00:00Z' },
			{ Id: 2, Type: 'Info', TimeGenerated: '2026-01-10T11:01:00Z' },
		];
		expect(eventsFromRows('newEventLogEntry', rows, { severities: ['Error'] }, NOW).map((e) => e.key)).toEqual(['eventlog:1']);
		expect(eventsFromRows('newEventLogEntry', rows, {}, NOW)).toHaveLength(2);
	});

	it('Audit Log: object name contains, any case', () => {
		const rows = [{ Id: 1, ObjectName: 'Extension 100', Timestamp: '2026-01-10T11:00:00Z' }, { Id: 2, ObjectName: 'Queue 800' }];
		expect(eventsFromRows('newAuditLogEntry', rows, { objectName: 'extension' }, NOW).map((e) => e.key)).toEqual(['audit:1']);
		expect(eventsFromRows('newAuditLogEntry', rows, { objectName: '  ' }, NOW)).toHaveLength(2);
	});

	it('Agent log-in / log-out: one session row gives a log-in and, once closed, a log-out', () => {
		const open = { QueueNo: '800', AgentNo: '101', loggedInDt: '2026-01-10T09:00:00Z', LoggedOutDt: null };
		const closed = { ...open, LoggedOutDt: '2026-01-10T11:00:00Z' };
		expect(eventsFromRows('agentLoggedIn', [open], {}, NOW)[0].key).toBe('login:800|101|2026-01-10T09:00:00Z');
		expect(eventsFromRows('agentLoggedOut', [open], {}, NOW)).toEqual([]);
		expect(eventsFromRows('agentLoggedOut', [closed], {}, NOW)[0]).toMatchObject({ key: 'logout:800|101|2026-01-10T11:00:00Z', timeMs: Date.UTC(2026, 0, 10, 11) });
	});

	it('SLA Breached: queue|caller|time', () => {
		const row = { QueueDnNumber: '801', CallerId: '+49', CallTime: '2026-01-10T11:30:00Z' };
		expect(eventsFromRows('slaBreached', [row], {}, NOW)[0].key).toBe('sla:801|+49|2026-01-10T11:30:00Z');
	});

	it('active call events are not made from single rows', () => {
		expect(eventsFromRows('activeCallStarted', [{ Id: 1 }], {}, NOW)).toEqual([]);
	});
});

describe('toItem', () => {
	it('has the documented shape with ISO UTC times', () => {
		const item = toItem('newCall', { key: 'call:x', timeMs: Date.UTC(2026, 0, 10, 11, 50), data: { A: 1 } }, NOW);
		expect(item).toEqual({ event: 'newCall', id: 'call:x', time: '2026-01-10T11:50:00.000Z', detectedAt: '2026-01-10T12:00:00.000Z', data: { A: 1 } });
	});
});

describe('isTriggerEvent', () => {
	it('knows the ten events and nothing else', () => {
		expect(TRIGGER_EVENTS).toHaveLength(10);
		for (const event of TRIGGER_EVENTS) expect(isTriggerEvent(event)).toBe(true);
		expect(isTriggerEvent('newcall')).toBe(false);
		expect(isTriggerEvent(undefined)).toBe(false);
	});
});
