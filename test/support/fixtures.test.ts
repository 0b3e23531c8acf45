/**
 * The shared parameter sets and their OData spelling; the benchmark's HTTP Request contender calls
 * the URL `functionArgs` spells, so the node must send exactly that for the same fields.
 */
import { startSimulator, type Simulator } from '../../simulator';
import { CALL_LOG_2025, functionArgs, odataLiteral } from './fixtures';
import { CredentialStore, executeNode } from './n8n-harness';
import { xapiRequests } from './simRequests';

describe('odataLiteral', () => {
	test.each([
		[0, '0'],
		[true, 'true'],
		['', "''"],
		["O'Brien", "'O''Brien'"],
		['0:00:0', "'0:00:0'"],
		['2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z'],
		['2025-03-01', "'2025-03-01'"],
	])('%p → %s', (value, literal) => {
		expect(odataLiteral(value)).toBe(literal);
	});
});

describe('functionArgs', () => {
	test('spells the 2025 call log in the order given, as the 3CX web report sends it', () => {
		expect(functionArgs(CALL_LOG_2025)).toBe(
			"periodFrom=2025-01-01T00:00:00Z,periodTo=2025-12-31T23:59:59Z,sourceType=0,sourceFilter='',destinationType=0," +
				"destinationFilter='',callsType=0,callTimeFilterType=0,callTimeFilterFrom='0:00:0',callTimeFilterTo='0:00:0',hidePcalls=true",
		);
	});

	test('overrides replace a literal in place, drop one with undefined, or add one at the end', () => {
		expect(functionArgs({ a: 1, b: 'x', c: true }, { b: 'raw', c: undefined, d: "'UTC'" })).toBe("a=1,b=raw,d='UTC'");
	});
});

describe('the node sends the fixtures as spelled', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ clientId: 'fixtures', callLogRows: 10 });
	});
	afterAll(async () => await sim.close());

	test('Get Call Log Data with CALL_LOG_2025 requests exactly the benchmark path', async () => {
		const credentials = new CredentialStore({ server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey });
		const { error } = await executeNode({ parameters: { resource: 'reportCallLogData', operation: 'getCallLogData', period: 'custom', ...CALL_LOG_2025 }, credentials });
		expect(error).toBeUndefined();
		const paths = xapiRequests(sim).map((r) => `/xapi/v1${r.path}`);
		expect(paths).toEqual([`/xapi/v1/ReportCallLogData/Pbx.GetCallLogData(${functionArgs(CALL_LOG_2025)})`]);
	});
});
