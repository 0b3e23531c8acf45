import type { IDataObject } from 'n8n-workflow';
import { addedFieldsBody, fieldsBody, parseJsonBody, toJsonValue } from '../../../nodes/ThreeCx/xapi/odata/body';
import type { XapiField } from '../../../nodes/ThreeCx/xapi/types';

const f = (name: string, type: XapiField['type'], required = false, enumValues?: string[], maxLength?: number): XapiField => ({
	name,
	field: name.toLowerCase(),
	type,
	required,
	enumValues,
	maxLength,
});
const TAGS = ['MS', 'Teams', 'Google'];

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
		// enumList: multiOptions array, or an expression giving an array or comma-separated text.
		[f('Tags', 'enumList', false, TAGS), ['MS', 'Google'], ['MS', 'Google']],
		[f('Tags', 'enumList', false, TAGS), 'Teams, MS\nGoogle,', ['Teams', 'MS', 'Google']],
		[f('Tags', 'enumList', false, TAGS), ['MS', 'MS'], ['MS']],
		[f('Tags', 'enumList', false, TAGS), [], []],
		// duration: the spec's ISO 8601 pattern.
		[f('Wait', 'duration'), 'PT1H30M', 'PT1H30M'],
		[f('Wait', 'duration'), ' pt30s ', 'PT30S'],
		[f('Wait', 'duration'), 'P1DT2H', 'P1DT2H'],
		[f('Wait', 'duration'), 'P2D', 'P2D'],
		[f('Wait', 'duration'), 'PT0.5S', 'PT0.5S'],
		[f('Wait', 'duration'), '-PT5M', '-PT5M'],
		[f('At', 'timeOfDay'), '08:30:00', '08:30:00'],
		[f('At', 'timeOfDay'), '23:59:59.999', '23:59:59.999'],
		// maxLength counts characters, not UTF-16 units or bytes.
		[f('Name', 'string', false, undefined, 12), "O'Brien/ä +%", "O'Brien/ä +%"],
		[f('Name', 'string', false, undefined, 2), '😀😀', '😀😀'],
		[f('Name', 'string', false, undefined, 12), 123456789012, '123456789012'],
	])('%o %p', (field, value, expected) => expect(toJsonValue(field, value)).toEqual(expected));

	test.each<[XapiField, unknown, RegExp]>([
		[f('Id', 'int32'), 3e9, /"id": expected a whole number \(int32\)/],
		[f('At', 'dateTime'), 'next week', /"at": expected a date-time/],
		[f('Opts', 'json'), '{"pass": secret}', /^Invalid "opts": expected valid JSON \(check quotes, commas and brackets\)$/],
		[f('Ids', 'intList'), '1,x', /"ids"/],
		[f('Ids', 'intList'), { a: 1 }, /a list/],
		[f('QueueStatus', 'enum', false, ['LoggedIn']), 'Away', /one of LoggedIn/],
		[f('Tags', 'enumList', false, TAGS), 'MS,Slack', /^Invalid "tags": expected one of MS, Teams, Google, got "Slack"$/],
		[f('Tags', 'enumList', false, TAGS), [['MS']], /"tags": expected one of/],
		[f('Tags', 'enumList', false, TAGS), { MS: true }, /"tags": expected a list of MS, Teams, Google/],
		[f('Tags', 'enumList', false, TAGS), 5, /"tags": expected a list/],
		[f('Wait', 'duration'), '1:30:00', /^Invalid "wait": expected an ISO 8601 duration like PT1H30M .*, got "1:30:00"$/],
		[f('Wait', 'duration'), 'PT1H30M ms', /ISO 8601 duration/],
		[f('Wait', 'duration'), 'P1H', /ISO 8601 duration/],
		[f('Wait', 'duration'), 'P', /ISO 8601 duration/],
		[f('Wait', 'duration'), 'PT', /ISO 8601 duration/],
		[f('Wait', 'duration'), 'P1DT', /ISO 8601 duration/],
		[f('Wait', 'duration'), 'P1Y', /ISO 8601 duration/],
		[f('Wait', 'duration'), 90, /ISO 8601 duration/],
		[f('At', 'timeOfDay'), '8:30', /"at": expected a time of day like 08:30:00/],
		[f('At', 'timeOfDay'), '24:00:00', /time of day/],
		[f('At', 'timeOfDay'), '08:30:00Z', /time of day/],
		[f('Name', 'string', false, undefined, 12), "O'Brien/ä +%#", /^Invalid "name": expected at most 12 characters \(got 13\)$/],
		[f('Name', 'string', true, undefined, 2), '😀😀😀', /at most 2 characters/],
	])('rejects %o %p', (field, value, message) => {
		expect(() => toJsonValue(field, value)).toThrow(message);
	});

	test('JSON errors never echo the text (it may hold a password)', () => {
		expect(() => toJsonValue(f('Opts', 'json'), '{"AuthPassword": hunter2}')).not.toThrow(/hunter2/);
	});

	test('length errors never echo the text (it may be a secret)', () => {
		expect(() => toJsonValue(f('Password', 'string', false, undefined, 4), 'hunter2')).not.toThrow(/hunter2/);
	});

	test('fieldsBody: empty multiOptions and blank durations are left out', () => {
		const fields = [f('Tags', 'enumList', false, TAGS), f('Wait', 'duration'), f('At', 'timeOfDay')];
		expect(fieldsBody(fields, (field) => ({ tags: [], wait: '', at: null })[field.field])).toEqual({});
		expect(fieldsBody(fields, (field) => ({ tags: ['Teams'], wait: 'PT5M', at: '07:00:00' })[field.field])).toEqual({
			Tags: ['Teams'],
			Wait: 'PT5M',
			At: '07:00:00',
		});
		expect(() => fieldsBody([f('Wait', 'duration', true)], () => '')).toThrow(/"wait": expected a value \(duration\); it is required/);
	});

	test('fieldsBody: wire names, blanks left out, required enforced', () => {
		const fields = [f('Number', 'string', true), f('FirstName', 'string'), f('Id', 'int32'), f('Emails', 'stringList'), f('On', 'boolean')];
		const values: Record<string, unknown> = { number: '', firstname: 'Ann', id: null, emails: [], on: false };
		expect(fieldsBody(fields, (field) => values[field.field])).toEqual({ Number: '', FirstName: 'Ann', On: false });
		expect(() => fieldsBody([f('Id', 'int32', true)], () => undefined)).toThrow(/"id": expected a value \(int32\); it is required/);
	});

	describe('addedFieldsBody: every added field as given', () => {
		const nullable = (field: XapiField): XapiField => ({ ...field, nullable: true });
		const fields = [
			nullable(f('Mobile', 'string')),
			nullable(f('PrimaryGroupId', 'int32')),
			nullable(f('At', 'dateTime')),
			nullable(f('Route', 'json')),
			f('Groups', 'json'),
			f('Emails', 'stringList'),
			f('Tags', 'enumList', false, TAGS),
			f('Count', 'int32'),
		];

		test('only added fields; empty text, lists and JSON clear', () => {
			expect(addedFieldsBody(fields, {})).toEqual({});
			expect(addedFieldsBody(fields, { mobile: '', emails: '', tags: [], groups: '[]' })).toEqual({ Mobile: '', Emails: [], Tags: [], Groups: [] });
			expect(addedFieldsBody(fields, { primarygroupid: 0, count: '3', unknown: 'x' })).toEqual({ PrimaryGroupId: 0, Count: 3 });
		});

		test('null where the spec allows it: the value null, or the text null in a field that is not text', () => {
			expect(addedFieldsBody(fields, { mobile: null, primarygroupid: null, at: ' null ', route: 'null' })).toEqual({
				Mobile: null,
				PrimaryGroupId: null,
				At: null,
				Route: null,
			});
			expect(addedFieldsBody(fields, { mobile: 'null' })).toEqual({ Mobile: 'null' });
		});

		test.each<[IDataObject, RegExp]>([
			[{ groups: null }, /^Invalid "groups": expected a value \(json\); the PBX does not accept null here$/],
			[{ groups: 'null' }, /"groups": expected a value \(json\); the PBX does not accept null here/],
			[{ count: null }, /"count": expected a value \(int32\); the PBX does not accept null here/],
			[{ count: '' }, /^Invalid "count": expected a value \(int32\), or remove the field from the list$/],
			[{ primarygroupid: '' }, /"primarygroupid": expected a value \(int32\), \{\{ null \}\}, or remove the field/],
			[{ at: '' }, /"at": expected a value \(dateTime\)/],
			[{ route: '' }, /"route": expected valid JSON/],
		])('rejects %p', (added, message) => {
			expect(() => addedFieldsBody(fields, added)).toThrow(message);
		});
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
