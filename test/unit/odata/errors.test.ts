import {
	decodeBody,
	describeFailure,
	htmlTitle,
	httpFailureOf,
	odataProblems,
	problemText,
	readableWarning,
	topCapOf,
} from '../../../nodes/ThreeCx/xapi/odata/errors';

const ALREADY = {
	error: {
		code: '',
		message: 'Number:\nWARNINGS.XAPI.ALREADY_IN_USE',
		details: [{ code: '', message: 'WARNINGS.XAPI.ALREADY_IN_USE', target: 'Number' }],
	},
};

describe('errors', () => {
	test.each([
		['WARNINGS.XAPI.ALREADY_IN_USE', 'already in use'],
		['WARNINGS.XAPI.FILE_NOT_FOUND', 'file not found'],
		['WARNINGS.CSV_INVALID_FILE_FORMAT', 'csv invalid file format'],
		['WARNINGS.XAPI.CAN_NOT_BE_EMPTY_STRING', 'must not be empty'],
		['WARNINGS.LENGTH_NOT_MORE_50_CHARS', 'must be 50 characters or fewer'],
	])('readableWarning(%s)', (key, text) => expect(readableWarning(key)).toBe(text));

	test.each<[unknown, string[]]>([
		[ALREADY, ['Number: already in use (WARNINGS.XAPI.ALREADY_IN_USE)']],
		[Buffer.from(JSON.stringify(ALREADY)), ['Number: already in use (WARNINGS.XAPI.ALREADY_IN_USE)']],
		[JSON.stringify(ALREADY), ['Number: already in use (WARNINGS.XAPI.ALREADY_IN_USE)']],
		[{ error: { code: '', message: 'Number:\nWARNINGS.XAPI.ALREADY_IN_USE' } }, ['Number: already in use (WARNINGS.XAPI.ALREADY_IN_USE)']],
		[
			{ error: { message: 'x', details: [
				{ message: 'WARNINGS.XAPI.REQUIRED', target: 'FirstName' },
				{ message: 'WARNINGS.XAPI.INVALID_PIN_NUMBER', target: 'VMPIN' },
			] } },
			['FirstName: is required (WARNINGS.XAPI.REQUIRED)', 'VMPIN: invalid pin number (WARNINGS.XAPI.INVALID_PIN_NUMBER)'],
		],
		[{ error: { code: '', message: "The limit of '100' for Top query has been exceeded." } }, ["The limit of '100' for Top query has been exceeded."]],
		[{ error: 'unauthorized', error_description: 'bad' }, ['unauthorized']],
		[Buffer.from('<html>Bad gateway</html>'), ['HTML page: Bad gateway']],
		[Buffer.alloc(0), []],
		[undefined, []],
		[{ error: { message: '' } }, []],
	])('odataProblems(%p)', (body, texts) => expect(odataProblems(body).map(problemText)).toEqual(texts));

	test('readable error for a duplicate number', () => {
		expect(describeFailure({ status: 400, body: Buffer.from(JSON.stringify(ALREADY)) }, { method: 'POST', path: '/Users' })).toEqual({
			message: 'Number: already in use (WARNINGS.XAPI.ALREADY_IN_USE)',
			description: 'HTTP 400 from POST /Users.',
		});
	});

	test.each([
		[400, { error: { message: "The limit of '100' for Top query has been exceeded" } }, '/Users', /set Options → Top to 100 or less/],
		[401, undefined, '/Users', /Check the 3CX credential.*Only one token per client/],
		[403, undefined, '/CallHistoryView', /System Owner.*System Wide.*IP allow-list/],
		[404, undefined, '/ReportCallLogData/Pbx.GetCallLogData(periodFrom={periodFrom})', /no function matching these parameters/],
		[404, undefined, '/Users({Id})', /No record with this key/],
		[500, undefined, '/Users', /^HTTP 500 from GET \/Users\.$/],
	])('hint for %i', (status, body, path, hint) => {
		const { message, description } = describeFailure({ status, body }, { method: 'GET', path });
		expect(description).toMatch(hint);
		expect(message).toBeTruthy();
	});

	test('httpFailureOf finds the response under cause, not the request', () => {
		const axiosError = Object.assign(new Error('Request failed'), {
			config: { headers: { Authorization: 'Bearer secret' } },
			response: { status: 400, data: Buffer.from('{}') },
		});
		const wrapped = Object.assign(new Error('wrapped'), { cause: axiosError });
		expect(httpFailureOf(wrapped)).toEqual({ status: 400, body: Buffer.from('{}') });
		expect(httpFailureOf(new Error('ECONNREFUSED'))).toBeUndefined();
		expect(httpFailureOf(undefined)).toBeUndefined();
	});

	test('decodeBody', () => {
		expect(decodeBody(new Uint8Array(Buffer.from('{"a":1}')).buffer)).toEqual({ a: 1 });
		expect(decodeBody('  ')).toBeUndefined();
	});

	test("a proxy's HTML error page is reduced to its status and title", () => {
		const page = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
		expect(htmlTitle(page)).toBe('HTML page: 502 Bad Gateway');
		expect(htmlTitle('<html><body><h1>Service &amp; more <b>Unavailable</b></h1></body></html>')).toBe('HTML page: Service & more Unavailable');
		expect(htmlTitle('<html><body><p>Down for <i>maintenance</i></p></body></html>')).toBe('HTML page: Down for maintenance');
		expect(htmlTitle('<html><body></body></html>')).toBe('HTML page without a title');
		expect(htmlTitle('plain words')).toBeUndefined();
		const failure = describeFailure({ status: 502, body: Buffer.from(page) }, { method: 'GET', path: '/Users?$top=100' });
		expect(failure.message).toBe('HTML page: 502 Bad Gateway');
		expect(failure.description).toMatch(/^HTTP 502 from GET \/Users\?\$top=100\. An HTML page instead of an OData answer/);
		expect(failure.description).not.toContain('<');
	});

	test('the cap a 400 names', () => {
		const capped = { status: 400, body: Buffer.from(`{"error":{"code":"","message":"The limit of '100' for Top query has been exceeded. The value from the incoming request is '1000'."}}`) };
		expect(topCapOf(capped)).toBe(100);
		expect(topCapOf({ ...capped, status: 500 })).toBeUndefined();
		expect(topCapOf({ status: 400, body: Buffer.from('{"error":{"message":"bad"}}') })).toBeUndefined();
		expect(topCapOf(undefined)).toBeUndefined();
	});
});
