import { NodeApiError, type INode } from 'n8n-workflow';

import { StaleTokenError } from '../../nodes/ThreeCx/auth/tokenCache';
import { TokenExchangeError } from '../../nodes/ThreeCx/auth/tokenExchange';
import {
	retryDelay,
	sendWithTokenRetry,
	RETRIED_REQUEST_HEADER,
	tokenRejection,
	TokenRejectedError,
	type RetryDeps,
} from '../../nodes/ThreeCx/auth/tokenRetry';

const node = { id: '1', name: '3CX', type: 'n8n-nodes-3cx-xapi.threeCx', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const axios401 = Object.assign(new Error('Request failed with status code 401'), { response: { status: 401 } });

describe('retryDelay', () => {
	const schedule = { attempts: 10, baseMs: 100, maxMs: 1600 };
	it.each([
		[1, 0, 50],
		[1, 0.999, 99.95],
		[3, 0, 200],
		[9, 0.5, 1200],
	])('attempt %d, random %d → %d ms (half fixed, half random, doubling to the cap)', (attempt, random, expected) => {
		expect(retryDelay(attempt, schedule, random)).toBeCloseTo(expected);
	});
});

describe('tokenRejection', () => {
	it.each([
		['an axios 401', axios401],
		["n8n's NodeApiError around a 401", new NodeApiError(node, axios401 as never)],
		['an error with httpCode "401"', { httpCode: '401' }],
	])('retries %s', (_what, error) => {
		expect(tokenRejection(error)).toEqual({ rejected: true, retryAfterMs: 0 });
	});

	it("takes the credential's requested wait from a wrapped StaleTokenError", () => {
		expect(tokenRejection(new NodeApiError(node, new StaleTokenError(750) as never))).toEqual({ rejected: true, retryAfterMs: 750 });
	});

	it.each([
		['a wrong API key (401 at /connect/token)', new NodeApiError(node, new TokenExchangeError('3CX rejected the Client ID or API Key (HTTP 401 at /connect/token)', 'd') as never)],
		['a 403', Object.assign(new Error('forbidden'), { response: { status: 403 } })],
		['a 500', { httpCode: '500' }],
		['a network error', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
		['nothing', undefined],
	])('does not retry %s', (_what, error) => {
		expect(tokenRejection(error).rejected).toBe(false);
	});
});

describe('sendWithTokenRetry', () => {
	const waits: number[] = [];
	const deps: RetryDeps = {
		sleep: async (ms) => {
			waits.push(ms);
		},
		random: () => 0.5,
		schedule: { attempts: 4, baseMs: 100, maxMs: 1600 },
	};
	beforeEach(() => (waits.length = 0));

	it('marks every send as retried and keeps the caller options as they were', async () => {
		const options = { url: '/Users', headers: { Accept: 'application/json' } };
		const sent: unknown[] = [];
		await sendWithTokenRetry(options, async (o) => sent.push(o.headers), deps);
		expect(sent).toEqual([{ Accept: 'application/json', [RETRIED_REQUEST_HEADER]: '1' }]);
		expect(options.headers).toEqual({ Accept: 'application/json' });
	});

	it('sends again after a 401 until it succeeds, waiting longer each time', async () => {
		let calls = 0;
		const result = await sendWithTokenRetry({}, async () => {
			if (++calls < 3) throw axios401;
			return 'ok';
		}, deps);
		expect(result).toBe('ok');
		expect(waits).toEqual([75, 150]);
	});

	it('waits as long as the credential asks (plus jitter)', async () => {
		let calls = 0;
		await sendWithTokenRetry({}, async () => {
			if (++calls === 1) throw new NodeApiError(node, new StaleTokenError(900) as never);
			return 'ok';
		}, deps);
		expect(waits).toEqual([950]);
	});

	it('gives up after the last attempt with an error that names the one-token rule', async () => {
		let calls = 0;
		const error = (await sendWithTokenRetry({}, async () => {
			calls++;
			throw axios401;
		}, deps).catch((e: unknown) => e)) as TokenRejectedError;
		expect(calls).toBe(4);
		expect(error).toBeInstanceOf(TokenRejectedError);
		expect(error.message).toBe('3CX rejected the access token 4 times in a row (HTTP 401)');
		expect(error.description).toMatch(/only one valid token per API client/);
		expect(error.description).toMatch(/Integrations → API/);
	});

	it('throws any other error at once', async () => {
		const failure = Object.assign(new Error('boom'), { response: { status: 500 } });
		await expect(sendWithTokenRetry({}, async () => { throw failure; }, deps)).rejects.toBe(failure);
		expect(waits).toEqual([]);
	});
});
