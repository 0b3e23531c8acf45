import {
	PAGE_SIZE,
	QUEUE_LIST,
	TIME_FIELD,
	hasMorePages,
	interval,
	needsQueues,
	newestFirst,
	recordingFileUrl,
	requestFor,
} from '../../../nodes/ThreeCxTrigger/poll/requests';
import { TRIGGER_EVENTS } from '../../../nodes/ThreeCxTrigger/poll/events';

const WINDOW = { fromMs: Date.UTC(2026, 0, 10, 11, 0, 0, 500), toMs: Date.UTC(2026, 0, 10, 12, 10) };
const INPUTS = { queues: ['800', '801'], extensions: [], slaSeconds: 20 };

describe('requestFor', () => {
	it('call log: the window to the second in UTC and the web report defaults, in spec order', () => {
		expect(requestFor('newCall', WINDOW, INPUTS)).toEqual({
			url:
				"/ReportCallLogData/Pbx.GetCallLogData(periodFrom=2026-01-10T11:00:00Z,periodTo=2026-01-10T12:10:00Z,sourceType=0,sourceFilter='',destinationType=0,destinationFilter=''," +
				"callsType=0,callTimeFilterType=0,callTimeFilterFrom='0:00:0',callTimeFilterTo='0:00:0',hidePcalls=true)",
			qs: { $top: PAGE_SIZE },
		});
	});

	it('abandoned queue calls: queue list quoted', () => {
		expect(requestFor('missedQueueCall', WINDOW, INPUTS).url).toBe(
			"/ReportAbandonedQueueCalls/Pbx.GetAbandonedQueueCallsData(periodFrom=2026-01-10T11:00:00Z,periodTo=2026-01-10T12:10:00Z,queueDns='800%2C801',waitInterval='0:00:0')",
		);
	});

	it('agent login history: UTC zone, queues and agents', () => {
		const url = requestFor('agentLoggedOut', WINDOW, { ...INPUTS, extensions: ['101'] }).url;
		expect(url).toBe(
			"/ReportAgentLoginHistory/Pbx.GetAgentLoginHistoryData(clientTimeZone='UTC',startDt=2026-01-10T11:00:00Z,endDt=2026-01-10T12:10:00Z,queueDnStr='800%2C801',agentDnStr='101')",
		);
		expect(requestFor('agentLoggedIn', WINDOW, INPUTS).url).toContain("agentDnStr='')");
	});

	it('SLA breaches: the SLA time as a TimeSpan', () => {
		expect(requestFor('slaBreached', WINDOW, { ...INPUTS, slaSeconds: 95 }).url).toBe(
			"/ReportBreachesSla/Pbx.GetBreachesSlaData(queueDnStr='800%2C801',startDt=2026-01-10T11:00:00Z,endDt=2026-01-10T12:10:00Z,waitInterval='0:01:35')",
		);
	});

	it.each([
		['newRecording', '/Recordings', 'EndTime desc'],
		['newEventLogEntry', '/EventLogs', 'TimeGenerated desc'],
		['newAuditLogEntry', '/ReportAuditLog/Pbx.GetAuditLogData()', 'Timestamp desc'],
	] as const)('%s: a list read newest first', (event, url, orderby) => {
		const request = requestFor(event, WINDOW, INPUTS);
		expect(request).toEqual({ url, qs: { $top: PAGE_SIZE, $orderby: orderby }, newestFirstBy: orderby.split(' ')[0] });
	});

	it('active calls: the plain list', () => {
		expect(requestFor('activeCallEnded', WINDOW, INPUTS)).toEqual({ url: '/ActiveCalls', qs: { $top: PAGE_SIZE } });
	});

	it('every event has a request and a time field', () => {
		for (const event of TRIGGER_EVENTS) {
			expect(requestFor(event, WINDOW, INPUTS).url).toMatch(/^\//);
			expect(TIME_FIELD[event]).toBeTruthy();
		}
	});
});

describe('needsQueues', () => {
	it('is true for the queue reports only', () => {
		expect(TRIGGER_EVENTS.filter(needsQueues)).toEqual(['missedQueueCall', 'agentLoggedIn', 'agentLoggedOut', 'slaBreached']);
	});
});

describe('newestFirst', () => {
	it('orders a report by its event time, descending', () => {
		expect(newestFirst('newCall', requestFor('newCall', WINDOW, INPUTS))).toMatchObject({ qs: { $orderby: 'StartTime desc' }, newestFirstBy: 'StartTime' });
	});
});

describe('hasMorePages', () => {
	const full = (time: string) => Array.from({ length: PAGE_SIZE }, () => ({ EndTime: time }));
	const list = requestFor('newRecording', WINDOW, INPUTS);
	const report = requestFor('newCall', WINDOW, INPUTS);

	it('stops on a short page', () => {
		expect(hasMorePages(report, [{}], WINDOW.fromMs)).toBe(false);
		expect(hasMorePages(report, full(''), WINDOW.fromMs)).toBe(true);
	});

	it('stops a newest-first list once a page reaches before the window', () => {
		expect(hasMorePages(list, full('2026-01-10T11:30:00Z'), WINDOW.fromMs)).toBe(true);
		expect(hasMorePages(list, full('2026-01-10T10:59:00Z'), WINDOW.fromMs)).toBe(false);
		expect(hasMorePages(list, full(''), WINDOW.fromMs)).toBe(true);
		// zone-less times are UTC, whatever the machine's zone
		expect(hasMorePages(list, full('2026-01-10T10:59:59'), WINDOW.fromMs)).toBe(false);
	});
});

describe('helpers', () => {
	it.each([[0, '0:00:00'], [20, '0:00:20'], [3661, '1:01:01'], [86399, '23:59:59']])('interval(%i) = %s', (s, text) => expect(interval(s)).toBe(text));

	it('recording file URL takes an int32 id', () => {
		expect(recordingFileUrl(12)).toBe('/Recordings/Pbx.DownloadRecording(recId=12)');
		expect(() => recordingFileUrl('1)')).toThrow(/recId/);
	});

	it('queue list asks only for numbers', () => {
		expect(QUEUE_LIST).toEqual({ url: '/Queues', qs: { $select: 'Number', $top: PAGE_SIZE } });
	});
});
