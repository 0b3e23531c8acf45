import { fieldsBody, parseJsonBody, toJsonValue } from '../../../nodes/ThreeCx/xapi/body';
import type { XapiField } from '../../../nodes/ThreeCx/xapi/types';

const f = (name: string, type: XapiField['type'], required = false, enumValues?: string[]): XapiField => ({
	name,
	field: name.toLowerCase(),
	type,
	required,
	enumValues,
});

describe('body', () => {
	test.each<[XapiField, unknown, unknown]>([
		[f('Name', 'string'), "O'Brien'), x=1", "O'Brien'), x=1"],
		[f('Name', 'string'), 5, '5'],
		[f('Id', 'int32'), '42', 42],
		[f('Size', 'int64'), 9007199254740991, 9007199254740991],
		[f('Rate', 'number'), '2.5', 2.5],
		[f('On', 'boolean'), 'true', true],
		[f('At', 'dateTime'), '2025-03-01T01:00:00.000+01:00', '2025-03-01T00:00:00Z'],
		[f('Day', 'date'), '2025-03-01', '2025-03-01'],
		[f('Id', 'guid'), '0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b-d9cb-469f-a165-70867728950e'],
		[f('Wait', 'interval'), '0:30:00', '0:30:00'],
		[f('QueueStatus', 'enum', false, ['LoggedIn', 'LoggedOut']), 'LoggedOut', 'LoggedOut'],
		[f('Opts', 'json'), '{"a":[1,"x"]}', { a: [1, 'x'] }],
		[f('Opts', 'json'), { a: 1 }, { a: 1 }],
		[f('Emails', 'stringList'), 'a@x.com, b@x.com,,', ['a@x.com', 'b@x.com']],
		[f('Emails', 'stringList'), ['a', 'b,c'], ['a', 'b,c']],
		[f('Ids', 'intList'), '1, 2\n3', [1, 2, 3]],
		[f('Ids', 'intList'), [4, '5'], [4, 5]],
	])('%o %p', (field, value, expected) => expect(toJsonValue(field, value)).toEqual(expected));

	test.each<[XapiField, unknown, RegExp]>([
		[f('Id', 'int32'), 3e9, /"id": expected a whole number \(int32\)/],
		[f('At', 'dateTime'), 'next week', /"at": expected a date-time/],
		[f('Opts', 'json'), '{"pass": secret}', /^Invalid "opts": expected valid JSON \(check quotes, commas and brackets\)$/],
		[f('Ids', 'intList'), '1,x', /"ids"/],
		[f('Ids', 'intList'), { a: 1 }, /a list/],
		[f('QueueStatus', 'enum', false, ['LoggedIn']), 'Away', /one of LoggedIn/],
	])('rejects %o %p', (field, value, message) => {
		expect(() => toJsonValue(field, value)).toThrow(message);
	});

	test('JSON errors never echo the text (it may hold a password)', () => {
		expect(() => toJsonValue(f('Opts', 'json'), '{"AuthPassword": hunter2}')).not.toThrow(/hunter2/);
	});

	test('fieldsBody: wire names, blanks left out, required enforced', () => {
		const fields = [f('Number', 'string', true), f('FirstName', 'string'), f('Id', 'int32'), f('Emails', 'stringList'), f('On', 'boolean')];
		const values: Record<string, unknown> = { number: '', firstname: 'Ann', id: null, emails: [], on: false };
		expect(fieldsBody(fields, (field) => values[field.field])).toEqual({ Number: '', FirstName: 'Ann', On: false });
		expect(() => fieldsBody([f('Id', 'int32', true)], () => undefined)).toThrow(/"id": expected a value \(int32\); it is required/);
	});

	test.each([
		['{"Name":"x"}', { Name: 'x' }],
		['[{"Id":1}]', [{ Id: 1 }]],
		[{ Name: 'y' }, { Name: 'y' }],
	])('parseJsonBody(%p)', (text, json) => expect(parseJsonBody(text, 'jsonBody')).toEqual(json));

	test.each(['', '42', '"x"', 'null', '{bad'])('parseJsonBody rejects %p', (text) => {
		expect(() => parseJsonBody(text, 'jsonBody')).toThrow(/Invalid "jsonBody"/);
	});
});
