import { checkTimeZone, isTimeZone, resolvePeriod, startOfDay } from '../../../nodes/ThreeCx/xapi/odata/period';

const at = (text: string) => Date.parse(text);

describe('period presets', () => {
	test('yesterday and today in Berlin winter (UTC+1)', () => {
		const now = at('2025-01-15T10:00:00Z');
		expect(resolvePeriod('yesterday', 'Europe/Berlin', now)).toEqual({ from: '2025-01-13T23:00:00Z', to: '2025-01-14T23:00:00Z' });
		expect(resolvePeriod('today', 'Europe/Berlin', now)).toEqual({ from: '2025-01-14T23:00:00Z', to: '2025-01-15T23:00:00Z' });
	});

	test('the day is the local one: just after local midnight it is already the next day', () => {
		// 23:30 UTC on 14 Jan is 00:30 on 15 Jan in Berlin, 18:30 on 14 Jan in New York.
		const now = at('2025-01-14T23:30:00Z');
		expect(resolvePeriod('today', 'Europe/Berlin', now).from).toBe('2025-01-14T23:00:00Z');
		expect(resolvePeriod('today', 'America/New_York', now)).toEqual({ from: '2025-01-14T05:00:00Z', to: '2025-01-15T05:00:00Z' });
	});

	test('a day across the spring DST change is 23 hours, across the autumn change 25', () => {
		// Europe/Berlin: clocks forward on 30 Mar 2025, back on 26 Oct 2025.
		expect(resolvePeriod('yesterday', 'Europe/Berlin', at('2025-03-31T12:00:00Z'))).toEqual({
			from: '2025-03-29T23:00:00Z',
			to: '2025-03-30T22:00:00Z',
		});
		expect(resolvePeriod('yesterday', 'Europe/Berlin', at('2025-10-27T12:00:00Z'))).toEqual({
			from: '2025-10-25T22:00:00Z',
			to: '2025-10-26T23:00:00Z',
		});
	});

	test('a zone whose DST change skips midnight starts the day at its first instant', () => {
		// America/Santiago: 7 Sep 2024 24:00 (-04:00) became 8 Sep 01:00 (-03:00).
		expect(startOfDay('America/Santiago', at('2024-09-08T00:00:00Z'))).toBe(at('2024-09-08T04:00:00Z'));
		expect(resolvePeriod('yesterday', 'America/Santiago', at('2024-09-09T12:00:00Z'))).toEqual({
			from: '2024-09-08T04:00:00Z',
			to: '2024-09-09T03:00:00Z',
		});
	});

	test('weeks start on Monday; last 7 days are the seven whole days before today', () => {
		const wednesday = at('2025-01-15T10:00:00Z');
		expect(resolvePeriod('thisWeek', 'UTC', wednesday)).toEqual({ from: '2025-01-13T00:00:00Z', to: '2025-01-20T00:00:00Z' });
		expect(resolvePeriod('lastWeek', 'UTC', wednesday)).toEqual({ from: '2025-01-06T00:00:00Z', to: '2025-01-13T00:00:00Z' });
		expect(resolvePeriod('last7Days', 'UTC', wednesday)).toEqual({ from: '2025-01-08T00:00:00Z', to: '2025-01-15T00:00:00Z' });
		const sunday = at('2025-01-19T22:00:00Z');
		expect(resolvePeriod('thisWeek', 'UTC', sunday).from).toBe('2025-01-13T00:00:00Z');
	});

	test('month ends: leap February, year change, 31-day months', () => {
		expect(resolvePeriod('lastMonth', 'UTC', at('2024-03-31T10:00:00Z'))).toEqual({ from: '2024-02-01T00:00:00Z', to: '2024-03-01T00:00:00Z' });
		expect(resolvePeriod('thisMonth', 'UTC', at('2024-02-29T23:59:59Z'))).toEqual({ from: '2024-02-01T00:00:00Z', to: '2024-03-01T00:00:00Z' });
		expect(resolvePeriod('lastMonth', 'Asia/Tokyo', at('2025-01-01T01:00:00Z'))).toEqual({
			from: '2024-11-30T15:00:00Z',
			to: '2024-12-31T15:00:00Z',
		});
		// 31 Dec 20:00 in New York is 1 Jan 01:00 UTC: still December there.
		expect(resolvePeriod('thisMonth', 'America/New_York', at('2025-01-01T01:00:00Z'))).toEqual({
			from: '2024-12-01T05:00:00Z',
			to: '2025-01-01T05:00:00Z',
		});
	});

	test('a month across a DST change starts and ends at local midnight', () => {
		expect(resolvePeriod('lastMonth', 'Europe/Berlin', at('2025-04-10T00:00:00Z'))).toEqual({
			from: '2025-02-28T23:00:00Z',
			to: '2025-03-31T22:00:00Z',
		});
	});

	test('offset zones', () => {
		expect(resolvePeriod('yesterday', '+08:00', at('2025-01-15T20:00:00Z'))).toEqual({ from: '2025-01-14T16:00:00Z', to: '2025-01-15T16:00:00Z' });
		expect(resolvePeriod('today', '-03:30', at('2025-01-15T02:00:00Z'))).toEqual({ from: '2025-01-14T03:30:00Z', to: '2025-01-15T03:30:00Z' });
	});
});

describe('time zones', () => {
	test('IANA names, UTC and offsets are accepted', () => {
		for (const zone of ['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+2', '+08:00', '-03:30', '+14:00']) {
			expect(isTimeZone(zone)).toBe(true);
		}
	});

	test('unknown names and malformed offsets are refused', () => {
		for (const zone of ['Mars/Olympus', 'Europe/Berlinn', '+8', '+15:00', '08:00', 'UTC+1; DROP', '../etc']) {
			expect(isTimeZone(zone)).toBe(false);
		}
	});

	test('blank is the fallback; a bad zone names the parameter', () => {
		expect(checkTimeZone('', 'clientTimeZone', 'Europe/Paris')).toBe('Europe/Paris');
		expect(checkTimeZone(' Asia/Taipei ', 'clientTimeZone', 'UTC')).toBe('Asia/Taipei');
		expect(() => checkTimeZone('Mars/Olympus', 'clientTimeZone', 'UTC')).toThrow(/Invalid "clientTimeZone": expected a time zone/);
	});
});
