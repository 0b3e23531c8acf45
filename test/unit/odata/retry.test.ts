import { isTransient, requestFault, retryAfterMs, retryDelay, RETRY_POLICY } from '../../../nodes/ThreeCx/xapi/odata/retry';
import { defaultTimeoutSeconds, isTimeout, timeoutSeconds } from '../../../nodes/ThreeCx/xapi/odata/timeout';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('retry policy', () => {
	test.each([
		[{ method: 'GET', status: 429 }, true],
		[{ method: 'GET', status: 500 }, true],
		[{ method: 'GET', status: 502 }, true],
		[{ method: 'GET', status: 503 }, true],
		[{ method: 'GET', status: 504 }, true],
		[{ method: 'GET', code: 'ECONNRESET' }, true],
		[{ method: 'GET', status: 400 }, false],
		[{ method: 'GET', status: 401 }, false],
		[{ method: 'GET', status: 404 }, false],
		[{ method: 'GET', code: 'ECONNREFUSED' }, false],
		[{ method: 'POST', status: 502 }, false],
		[{ method: 'PATCH', code: 'ECONNRESET' }, false],
		[{ method: 'POST', status: 429 }, true],
	])('%p transient: %p', (fault, transient) => {
		expect(isTransient(fault)).toBe(transient);
	});

	test('exponential backoff with equal jitter, bounded, a few tries in all', () => {
		const fault = { method: 'GET', status: 503 };
		expect(retryDelay(fault, 1, () => 0, NOW)).toBe(200);
		expect(retryDelay(fault, 1, () => 1, NOW)).toBe(400);
		expect(retryDelay(fault, 2, () => 0, NOW)).toBe(400);
		expect(retryDelay(fault, 3, () => 1, NOW)).toBe(1600);
		expect(retryDelay(fault, RETRY_POLICY.attempts, () => 0, NOW)).toBeUndefined();
		expect(retryDelay(fault, 3, () => 1, NOW, { ...RETRY_POLICY, attempts: 10, maxMs: 1000 })).toBe(1000);
		expect(retryDelay({ method: 'GET', status: 404 }, 1, () => 0, NOW)).toBeUndefined();
	});

	test('Retry-After is honoured (seconds or a date), unless it asks for more than a minute', () => {
		expect(retryDelay({ method: 'GET', status: 429, retryAfter: '3' }, 1, () => 0, NOW)).toBe(3000);
		expect(retryDelay({ method: 'GET', status: 503, retryAfter: 'Thu, 01 Jan 2026 00:00:05 GMT' }, 1, () => 0, NOW)).toBe(5000);
		expect(retryDelay({ method: 'GET', status: 503, retryAfter: '120' }, 1, () => 0, NOW)).toBeUndefined();
		expect(retryAfterMs('soon', NOW)).toBeUndefined();
		expect(retryAfterMs(undefined, NOW)).toBeUndefined();
		expect(retryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', NOW)).toBe(0);
	});

	test('the fault of an n8n error: status and Retry-After from the axios cause, or the network code', () => {
		const axios = { response: { status: 429, headers: { 'retry-after': '2' } } };
		expect(requestFault({ message: 'wrapped', cause: axios }, 'GET')).toEqual({ method: 'GET', status: 429, retryAfter: '2' });
		expect(requestFault(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'GET')).toEqual({ method: 'GET', code: 'ECONNRESET' });
		expect(requestFault(undefined, 'GET')).toEqual({ method: 'GET' });
	});
});

describe('request timeout', () => {
	test('entity calls 60 s; reports and downloads 300 s; Options → Timeout wins', () => {
		expect(defaultTimeoutSeconds({ output: 'collection', path: '/Users' })).toBe(60);
		expect(defaultTimeoutSeconds({ output: 'collection', path: '/ReportCallLogData/Pbx.GetCallLogData(a={a})' })).toBe(300);
		expect(defaultTimeoutSeconds({ output: 'file', path: '/Recordings/Pbx.DownloadRecording(recId={recId})' })).toBe(300);
		expect(timeoutSeconds({ output: 'entity', path: '/Users({Id})' }, 5)).toBe(5);
		expect(timeoutSeconds({ output: 'entity', path: '/Users({Id})' }, '')).toBe(60);
		for (const bad of [0, -1, 'soon']) expect(() => timeoutSeconds({ output: 'entity', path: '/Users' }, bad)).toThrow(/^Invalid "timeout"/);
	});

	test("axios' own timeout is recognised, other aborts are not", () => {
		expect(isTimeout({ cause: { code: 'ECONNABORTED', message: 'timeout of 1000ms exceeded' } })).toBe(true);
		expect(isTimeout({ code: 'ETIMEDOUT' })).toBe(true);
		expect(isTimeout({ code: 'ECONNABORTED', message: 'aborted' })).toBe(false);
		expect(isTimeout(new Error('boom'))).toBe(false);
	});
});
