import { InputProblem } from '../../../nodes/ThreeCx/xapi/odata/values';
import { binaryProperty, eventFilters, numberList, overlapMs, sinceMs, slaSeconds } from '../../../nodes/ThreeCxTrigger/poll/inputs';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);

describe('numberList', () => {
	it.each([
		['', []],
		[undefined, []],
		['100', ['100']],
		[' 100, 101 ,,102 ', ['100', '101', '102']],
		[800, ['800']],
	])('%p → %p', (value, list) => expect(numberList(value, 'Queues')).toEqual(list));

	it.each([["800'"], ['80 0'], ['sales'], [['800']], ['800)']])('rejects %p naming the parameter', (value) => {
		expect(() => numberList(value, 'Queues')).toThrow(InputProblem);
		expect(() => numberList(value, 'Queues')).toThrow(/"Queues"/);
	});
});

describe('overlapMs', () => {
	it('defaults to 60 minutes', () => expect(overlapMs(undefined)).toBe(3_600_000));
	it('accepts 1 to 1440 minutes', () => {
		expect(overlapMs(1)).toBe(60_000);
		expect(overlapMs('1440')).toBe(86_400_000);
	});
	it.each([[0], [1441], ['x'], [-5]])('rejects %p', (value) => expect(() => overlapMs(value)).toThrow(/Overlap \(Minutes\)/));
});

describe('sinceMs', () => {
	it('is undefined when empty', () => expect(sinceMs('', 'UTC', NOW)).toBeUndefined());
	it('reads zone-less picker values in the workflow zone', () => {
		expect(sinceMs('2026-01-09T00:00:00', 'Europe/Berlin', NOW)).toBe(Date.UTC(2026, 0, 8, 23));
		expect(sinceMs('2026-01-09T00:00:00Z', 'Europe/Berlin', NOW)).toBe(Date.UTC(2026, 0, 9));
	});
	it('rejects the future and malformed dates', () => {
		expect(() => sinceMs('2026-02-01T00:00:00Z', 'UTC', NOW)).toThrow(/Include Events Since.*past/);
		expect(() => sinceMs('last week', 'UTC', NOW)).toThrow(/Include Events Since/);
	});
});

describe('slaSeconds', () => {
	it('defaults to 20 and accepts whole seconds', () => {
		expect(slaSeconds(undefined)).toBe(20);
		expect(slaSeconds(90)).toBe(90);
	});
	it.each([[0], [1.5], [86_400]])('rejects %p', (value) => expect(() => slaSeconds(value)).toThrow(/SLA Time/));
});

describe('eventFilters', () => {
	it('reads every filter', () => {
		expect(
			eventFilters({ directions: ['Inbound'], answered: 'unanswered', extensions: '100,101', queues: '800', severities: ['Error'], objectName: 'Ext' }),
		).toEqual({ directions: ['Inbound'], answered: 'unanswered', extensions: ['100', '101'], queues: ['800'], severities: ['Error'], objectName: 'Ext' });
	});

	it('empty values mean no filter', () => {
		expect(eventFilters({})).toEqual({ directions: [], answered: 'any', extensions: [], queues: [], severities: [], objectName: undefined });
	});

	it.each([
		[{ directions: ['Sideways'] }, /Direction/],
		[{ answered: 'maybe' }, /Answered/],
		[{ severities: ['Fatal'] }, /Severity/],
		[{ objectName: 5 }, /Object Name Contains/],
		[{ extensions: 'abc' }, /Extensions/],
	])('rejects %p', (raw, message) => expect(() => eventFilters(raw)).toThrow(message));
});

describe('binaryProperty', () => {
	it('trims a name and rejects blanks', () => {
		expect(binaryProperty(' audio ')).toBe('audio');
		expect(() => binaryProperty('  ')).toThrow(/Put File in Field/);
		expect(() => binaryProperty(undefined)).toThrow(/Put File in Field/);
	});
});
