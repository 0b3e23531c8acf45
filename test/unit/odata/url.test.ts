import { buildPath, operationName } from '../../../nodes/ThreeCx/xapi/odata/url';
import type { XapiField } from '../../../nodes/ThreeCx/xapi/types';

const f = (name: string, type: XapiField['type']): XapiField => ({ name, field: name, type, required: true });

describe('buildPath', () => {
	test.each<[string, XapiField[], Record<string, unknown>, string]>([
		['/Users({Id})', [f('Id', 'int32')], { Id: 29 }, '/Users(29)'],
		['/Backups({FileName})', [f('FileName', 'string')], { FileName: "a'b.zip" }, "/Backups('a''b.zip')"],
		['/Users(Number={Number})', [f('Number', 'string')], { Number: '100' }, "/Users(Number='100')"],
		['/OAuthClients({Id})', [f('Id', 'guid')], { Id: '0f8fad5b-d9cb-469f-a165-70867728950e' }, '/OAuthClients(0f8fad5b-d9cb-469f-a165-70867728950e)'],
		['/ActiveCalls({Id})/Pbx.DropCall', [f('Id', 'int32')], { Id: '7' }, '/ActiveCalls(7)/Pbx.DropCall'],
		['/Users/Pbx.GetFirstAvailableExtensionNumber()', [], {}, '/Users/Pbx.GetFirstAvailableExtensionNumber()'],
		[
			'/R/Pbx.Get(clientTimeZone={clientTimeZone},periodFrom={periodFrom},groupNumber={groupNumber},waitInterval={waitInterval},includeQueueCalls={includeQueueCalls})',
			[f('clientTimeZone', 'string'), f('periodFrom', 'dateTime'), f('groupNumber', 'string'), f('waitInterval', 'interval'), f('includeQueueCalls', 'boolean')],
			{ clientTimeZone: 'America/Chicago', periodFrom: '2025-03-01T01:00:00+01:00', groupNumber: '', waitInterval: '0:00:0', includeQueueCalls: false },
			"/R/Pbx.Get(clientTimeZone='America%2FChicago',periodFrom=2025-03-01T00:00:00Z,groupNumber='',waitInterval='0:00:0',includeQueueCalls=false)",
		],
		['/R/Pbx.Get(a={a},b={b})', [f('a', 'string'), f('b', 'int32')], { a: "')/x?$top=1#,b=2", b: 1 }, "/R/Pbx.Get(a=''')%2Fx%3F%24top%3D1%23%2Cb%3D2',b=1)"],
	])('%s', (template, params, values, expected) => {
		expect(buildPath(template, params, values)).toBe(expected);
	});

	test('empty key fails, empty function string is quoted', () => {
		expect(() => buildPath('/Backups({FileName})', [f('FileName', 'string')], { FileName: '' })).toThrow(/FileName/);
		expect(buildPath('/X/Pbx.F(a={a})', [f('a', 'string')], { a: null })).toBe("/X/Pbx.F(a='')");
	});

	test('placeholder without metadata is a generator bug', () => {
		expect(() => buildPath('/Users({Id})', [], {})).toThrow(/no parameter metadata/);
	});

	test.each([
		['/Recordings/Pbx.DownloadRecording(recId={recId})', 'DownloadRecording'],
		['/Trunks({Id})/Pbx.ExportTrunk()', 'ExportTrunk'],
		['/Users', 'Users'],
	])('operationName(%s)', (path, name) => expect(operationName(path)).toBe(name));
});
