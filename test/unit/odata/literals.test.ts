import { odataString, toODataLiteral } from '../../../nodes/ThreeCx/xapi/odata/literals';
import type { XapiField } from '../../../nodes/ThreeCx/xapi/types';

const field = (type: XapiField['type'], enumValues?: string[]) => ({ field: 'param', type, enumValues });

describe('toODataLiteral', () => {
	test.each<[XapiField['type'], unknown, string]>([
		['string', 'plain', "'plain'"],
		['string', "O'Brien", "'O''Brien'"],
		['string', "x')/Pbx.Evil(", "'x'')%2FPbx.Evil('"],
		['string', "a',x=1", "'a''%2Cx%3D1'"],
		['string', 'America/Chicago', "'America%2FChicago'"],
		['string', 'a?b#c%d+e f', "'a%3Fb%23c%25d%2Be%20f'"],
		['string', 'Zürich €', "'Z%C3%BCrich%20%E2%82%AC'"],
		['string', '+08:00', "'%2B08:00'"],
		['string', '', "''"],
		['string', null, "''"],
		['string', undefined, "''"],
		['string', 42, "'42'"],
		['int32', 29, '29'],
		['int32', '29', '29'],
		['int32', -2147483648, '-2147483648'],
		['int32', 2147483647, '2147483647'],
		['int64', '9223372036854775807', '9223372036854775807'],
		['number', 1.5, '1.5'],
		['boolean', true, 'true'],
		['boolean', 'false', 'false'],
		['guid', '0F8FAD5B-D9CB-469F-A165-70867728950E', '0F8FAD5B-D9CB-469F-A165-70867728950E'],
		['dateTime', '2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z'],
		['dateTime', '2025-03-01T02:00:00+02:00', '2025-03-01T00:00:00Z'],
		['dateTime', '2025-02-28T19:00:00-05:00', '2025-03-01T00:00:00Z'],
		['dateTime', '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00Z'],
		['dateTime', '2025-03-01T00:00:00.250+00:00', '2025-03-01T00:00:00Z'],
		['dateTime', '2025-03-01', '2025-03-01T00:00:00Z'],
		['dateTime', new Date(Date.UTC(2025, 2, 1)), '2025-03-01T00:00:00Z'],
		['dateTime', { toISO: () => '2025-03-01T09:00:00.000+09:00' }, '2025-03-01T00:00:00Z'],
		['date', '2025-03-01', '2025-03-01'],
		['date', '2025-03-01T23:30:00+05:00', '2025-03-01'],
		['interval', '0:00:0', "'0:00:0'"],
		['interval', '1.02:30:00.5', "'1.02:30:00.5'"],
		['interval', '', "''"],
		['enum', 'LoggedOut', "'LoggedOut'"],
		['duration', 'PT1H30M', "duration'PT1H30M'"],
		['duration', 'p1d', "duration'P1D'"],
		['timeOfDay', '08:30:00', '08:30:00'],
	])('%s %p → %s', (type, value, expected) => {
		expect(toODataLiteral(field(type, type === 'enum' ? ['LoggedIn', 'LoggedOut'] : undefined), value)).toBe(expected);
	});

	test.each<[XapiField['type'], unknown, RegExp]>([
		['int32', 2147483648, /whole number \(int32\) between -2147483648 and 2147483647/],
		['int32', -2147483649, /between/],
		['int32', 1.5, /whole number/],
		['int32', '12abc', /whole number/],
		['int32', 'NaN', /whole number/],
		['int32', null, /expected a value/],
		['int64', '9223372036854775808', /int64/],
		['number', 'abc', /a number/],
		['boolean', 'yes', /true or false/],
		['guid', "x')", /GUID/],
		['dateTime', 'yesterday', /date-time like 2025-03-01T00:00:00Z/],
		['dateTime', '2025-02-30T00:00:00Z', /date-time/],
		['dateTime', '2025-03-01T24:00:00Z', /date-time/],
		['dateTime', "2025-03-01T00:00:00Z')", /date-time/],
		['dateTime', '', /date-time/],
		['date', '03/01/2025', /date like 2025-03-01/],
		['interval', '25:00:00', /interval/],
		['interval', '0:61', /interval/],
		['interval', "0:00:0')", /interval/],
		['enum', 'Away', /one of LoggedIn, LoggedOut/],
		['string', { a: 1 }, /text/],
		['json', { a: 1 }, /cannot/],
		['enumList', ['LoggedIn'], /cannot/],
		['duration', "PT1H')", /ISO 8601 duration like PT1H30M/],
		['duration', '', /ISO 8601 duration/],
		['timeOfDay', '25:00:00', /time of day like 08:30:00/],
		['timeOfDay', '', /time of day/],
	])('rejects %s %p', (type, value, message) => {
		expect(() => toODataLiteral(field(type, ['LoggedIn', 'LoggedOut']), value)).toThrow(message);
	});

	test('names the parameter', () => {
		expect(() => toODataLiteral({ field: 'periodFrom', type: 'dateTime' }, 'soon')).toThrow(
			'Invalid "periodFrom": expected a date-time like 2025-03-01T00:00:00Z, got "soon"',
		);
	});

	test.each<[unknown, string | RegExp]>([
		['ABCDEFGHIJKL', "'ABCDEFGHIJKL'"],
		["O'Brien/ä +%", "'O''Brien%2F%C3%A4%20%2B%25'"],
		['ABCDEFGHIJKLM', /^Invalid "name": expected at most 12 characters \(got 13\)$/],
		["O'Brien/ä +%#", /at most 12 characters/],
	])('maxLength 12: %p', (value, expected) => {
		const literal = () => toODataLiteral({ field: 'name', type: 'string', maxLength: 12 }, value, { key: true });
		if (typeof expected === 'string') expect(literal()).toBe(expected);
		else expect(literal).toThrow(expected);
	});

	test.each([undefined, null, ''])('keys may not be empty (%p)', (value) => {
		expect(() => toODataLiteral(field('string'), value, { key: true })).toThrow(/identifies the record/);
	});

	test.each([
		['2025-03-01T00:00:00', 'Europe/Berlin', '2025-02-28T23:00:00Z'],
		['2025-07-01T00:00:00', 'Europe/Berlin', '2025-06-30T22:00:00Z'],
		['2025-03-01T00:00:00', 'America/Chicago', '2025-03-01T06:00:00Z'],
		['2025-03-01', 'Asia/Kolkata', '2025-02-28T18:30:00Z'],
		['2025-03-01T00:00:00+01:00', 'America/Chicago', '2025-02-28T23:00:00Z'],
	])('zone-less %s is read in %s', (value, timeZone, expected) => {
		expect(toODataLiteral(field('dateTime'), value, { timeZone })).toBe(expected);
	});
});

describe('odataString', () => {
	test.each([
		["O'Brien", "'O''Brien'"],
		['', "''"],
		["''", "''''''"],
		["x') or true or ('", "'x'') or true or ('''"],
		// Not URL-encoded: a query string encoder or toODataLiteral does that.
		['a&b=c#%+/?:', "'a&b=c#%+/?:'"],
	])('%p → %p', (text, literal) => {
		expect(odataString(text)).toBe(literal);
	});
});
