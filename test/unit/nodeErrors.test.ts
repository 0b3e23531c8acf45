import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { callError, inputError, operationError } from '../../nodes/ThreeCx/xapi/nodeErrors';
import { InputProblem } from '../../nodes/ThreeCx/xapi/odata/values';
import { NODE } from './fake-context';

const GET_USERS = { method: 'GET', path: '/Users' };

describe('callError', () => {
	test('an HTTP answer: the PBX words, a hint, the status; no cause carrying the request', () => {
		const axiosError = Object.assign(new Error('Request failed with status code 403'), {
			config: { headers: { Authorization: 'Bearer eyJsecret' } },
			response: { status: 403, data: Buffer.from('{"error":{"message":"Forbidden"}}') },
		});
		const error = callError(NODE, new NodeApiError(NODE, axiosError as never), GET_USERS, 2) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Forbidden');
		expect(error.description).toMatch(/^HTTP 403 from GET \/Users\. The API client is not allowed/);
		expect(error.httpCode).toBe('403');
		expect(error.context.itemIndex).toBe(2);
		expect(error.cause).toBeUndefined();
		expect(JSON.stringify({ error, response: error.errorResponse })).not.toContain('eyJsecret');
	});

	test('a network failure keeps its message, even one n8n would make generic', () => {
		const error = callError(NODE, new Error('connect ECONNREFUSED 127.0.0.1:5001'), GET_USERS);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('connect ECONNREFUSED 127.0.0.1:5001');
		expect(error.context.itemIndex).toBeUndefined();
	});

	test('a timeout of our own names the real request and the seconds', () => {
		const timeout = Object.assign(new Error('timeout of 60000ms exceeded'), { code: 'ECONNABORTED' });
		const request = { method: 'GET', path: '/ReportCallLogData/Pbx.GetCallLogData(periodFrom=2025-03-01T00:00:00Z)?$top=1000', timeoutSeconds: 60 };
		const error = callError(NODE, new NodeApiError(NODE, timeout as never), request) as NodeApiError;
		expect(error.message).toBe(`3CX did not answer GET ${request.path} within 60 s`);
		expect(error.description).toMatch(/Options → Timeout/);
	});

	test('a network failure without words of its own names the request', () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		expect(callError(NODE, reset, { method: 'GET', path: '/Users?$top=100&$skip=200' }).description).toBe('The request was GET /Users?$top=100&$skip=200.');
	});

	test('nothing readable: a plain message', () => {
		expect(callError(NODE, undefined, GET_USERS).message).toBe('Request failed');
	});

	test('a NodeOperationError (the answer could not be shaped) is kept', () => {
		const shaping = new NodeOperationError(NODE, 'The PBX answered with invalid JSON');
		expect(callError(NODE, shaping, GET_USERS)).toBe(shaping);
	});
});

describe('inputError', () => {
	test('an InputProblem names the parameter and says nothing was sent', () => {
		const error = inputError(NODE, new InputProblem('limit', 'a whole number of 0 or more', -3), 4) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid "limit": expected a whole number of 0 or more, got -3');
		expect(error.description).toBe('Parameter "limit" must be a whole number of 0 or more. Nothing was sent to the PBX.');
		expect(error.context.itemIndex).toBe(4);
	});

	test("n8n's node errors pass through; anything else becomes a NodeOperationError with its words", () => {
		const api = new NodeApiError(NODE, { message: 'x' });
		expect(inputError(NODE, api, 0)).toBe(api);
		const wrapped = inputError(NODE, Object.assign(new Error('Cannot read properties of undefined'), { description: 'In the expression' }), 1);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('Cannot read properties of undefined');
		expect(wrapped.description).toBe('In the expression');
		expect(wrapped.context.itemIndex).toBe(1);
		expect(inputError(NODE, 'thrown text', 0)).toBeInstanceOf(NodeOperationError);
	});
});

test('operationError: a NodeOperationError on the item', () => {
	const error = operationError(NODE, 'Unknown operation "x" for resource "y"', 3);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toBe('Unknown operation "x" for resource "y"');
	expect(error.context.itemIndex).toBe(3);
});
