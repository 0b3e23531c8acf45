import {
	extensionFor,
	fileNameFor,
	fileNameFromDisposition,
	isFileAnswer,
	isJsonContentType,
	mimeTypeOf,
	multipartBody,
	responseBytes,
} from '../../../nodes/ThreeCx/xapi/odata/files';
import { parseJsonText } from '../../../nodes/ThreeCx/xapi/odata/json';

describe('files', () => {
	test.each<[unknown, boolean]>([
		['application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8', true],
		['application/problem+json', true],
		['text/json', true],
		['audio/x-wav', false],
		['text/csv; charset=utf-8', false],
		['application/octet-stream', false],
		[undefined, false],
	])('isJsonContentType(%p)', (type, json) => expect(isJsonContentType(type)).toBe(json));

	test.each<[unknown, string | undefined]>([
		['attachment; filename="calls.csv"', 'calls.csv'],
		['attachment; filename=calls.csv', 'calls.csv'],
		["attachment; filename=\"x.wav\"; filename*=UTF-8''Z%C3%BCrich%20call.wav", 'Zürich call.wav'],
		["attachment; filename*=utf-8''a%2Fb.wav", 'b.wav'],
		['attachment; filename="../../etc/passwd"', 'passwd'],
		['attachment; filename="C:\\\\temp\\\\x.csv"', 'x.csv'],
		['attachment; filename="q\\"uote.csv"', 'q"uote.csv'],
		["attachment; filename*=UTF-8''%E0%A4%A", undefined],
		['attachment; filename=".."', undefined],
		['attachment', undefined],
		[undefined, undefined],
	])('fileNameFromDisposition(%p)', (header, name) => expect(fileNameFromDisposition(header)).toBe(name));

	test.each([
		['audio/x-wav', 'wav'],
		['audio/wav', 'wav'],
		['text/csv; charset=utf-8', 'csv'],
		['application/zip', 'zip'],
		['application/x-weird', 'bin'],
	])('extensionFor(%s)', (mime, ext) => expect(extensionFor(mime)).toBe(ext));

	test.each([
		['attachment; filename="calls.csv"', 'text/csv', 'DownloadCallLog', 'calls.csv'],
		['attachment; filename="calls"', 'text/csv', 'DownloadCallLog', 'calls.csv'],
		[undefined, 'audio/x-wav', 'DownloadRecording-12', 'DownloadRecording-12.wav'],
		[undefined, 'application/octet-stream', '../x', 'x.bin'],
	])('fileNameFor(%p, %s, %s)', (header, mime, base, name) => expect(fileNameFor(header, mime, base)).toBe(name));

	test('mimeTypeOf', () => {
		expect(mimeTypeOf('Audio/X-WAV; rate=8000')).toBe('audio/x-wav');
		expect(mimeTypeOf(undefined)).toBe('');
	});

	test('multipart body carries the bytes unchanged and escapes the file name', () => {
		const data = Buffer.from([0, 1, 2, 255, 13, 10]);
		const { body, contentType } = multipartBody('file', { data, fileName: 'a"b\r\n.wav', mimeType: 'audio/wav' });
		const boundary = /boundary=(\S+)$/.exec(contentType)![1];
		expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
		const text = body.toString('latin1');
		expect(text.startsWith(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a%22b%0D%0A.wav"\r\nContent-Type: audio/wav\r\n\r\n`)).toBe(true);
		expect(text.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
		expect(body.includes(data)).toBe(true);
	});
});

describe('file or JSON answer', () => {
	const bytes = (text: string) => Buffer.from(text, 'utf8');

	test.each<[string, unknown, boolean]>([
		['{"value":1}', 'application/json; charset=utf-8', false],
		['RIFF....WAVE', 'audio/x-wav', true],
		['a,b\r\n1,2', 'text/csv', true],
		['{"value":1}', 'text/csv', true],
		['{"value":1}', undefined, false],
		['not json', undefined, true],
		['', 'audio/x-wav', false],
	])('%p with Content-Type %p: file %p', (text, contentType, file) => {
		expect(isFileAnswer(bytes(text), contentType)).toBe(file);
	});

	test('bodies as bytes; an already parsed body is not bytes', () => {
		expect(responseBytes(bytes('x'))).toEqual(bytes('x'));
		expect(responseBytes(new Uint8Array([120]).buffer)).toEqual(bytes('x'));
		expect(responseBytes('é')).toEqual(bytes('é'));
		expect(responseBytes({ value: 1 })).toBeUndefined();
		expect(responseBytes(undefined)).toBeUndefined();
	});
});

describe('parseJsonText', () => {
	test('JSON values, null included; anything else undefined', () => {
		expect(parseJsonText('{"a":[1]}')).toEqual({ a: [1] });
		expect(parseJsonText('null')).toBeNull();
		expect(parseJsonText('"x"')).toBe('x');
		expect(parseJsonText('{"AuthPassword": hunter2')).toBeUndefined();
		expect(parseJsonText('')).toBeUndefined();
	});
});
