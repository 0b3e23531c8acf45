import {
	extensionFor,
	fileNameFor,
	fileNameFromDisposition,
	isJsonContentType,
	mimeTypeOf,
	multipartBody,
} from '../../../nodes/ThreeCx/xapi/files';

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
