import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { describeTokenFailure, exchangeToken } from '../../nodes/ThreeCx/auth/tokenExchange';

const credentials = {
	server: 'https://pbx.example.com:5001/',
	clientId: 'n8n',
	apiKey: 'very-secret-api-key',
	ignoreSSLIssues: true,
};

function helpersAnswering(answer: (options: IHttpRequestOptions) => unknown) {
	const sent: IHttpRequestOptions[] = [];
	const helpers = {
		httpRequest: async (options: IHttpRequestOptions) => {
			sent.push(options);
			return answer(options);
		},
	} as unknown as IHttpRequestHelper['helpers'];
	return { helpers, sent };
}

describe('exchangeToken', () => {
	it('posts client credentials form-encoded to {server}/connect/token', async () => {
		const { helpers, sent } = helpersAnswering(() => ({ access_token: 'tok', expires_in: 3600 }));
		const issued = await exchangeToken(helpers, credentials, () => 1000);
		expect(issued).toEqual({ token: 'tok', expiresAt: 1000 + 3_600_000 });
		expect(sent[0].url).toBe('https://pbx.example.com:5001/connect/token');
		expect(sent[0].method).toBe('POST');
		expect(sent[0].skipSslCertificateValidation).toBe(true);
		expect(Object.fromEntries(new URLSearchParams(String(sent[0].body)))).toEqual({
			client_id: 'n8n',
			client_secret: 'very-secret-api-key',
			grant_type: 'client_credentials',
		});
	});

	it('rejects an answer without a token', async () => {
		const { helpers } = helpersAnswering(() => ({ error: 'x' }));
		await expect(exchangeToken(helpers, credentials)).rejects.toThrow('did not return an access token');
	});

	it('refuses an incomplete credential before any request', async () => {
		const { helpers, sent } = helpersAnswering(() => ({}));
		await expect(exchangeToken(helpers, { ...credentials, apiKey: '' })).rejects.toThrow(
			'credential is incomplete',
		);
		expect(sent).toHaveLength(0);
	});

	it('never carries the API key in the error it throws', async () => {
		const failure = Object.assign(new Error('Request failed with status code 401'), {
			response: { status: 401, data: { error: 'unauthorized' } },
			config: { data: 'client_secret=very-secret-api-key' },
		});
		const { helpers } = helpersAnswering(() => {
			throw failure;
		});
		const error = await exchangeToken(helpers, credentials).catch((e: unknown) => e);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('very-secret');
		expect((error as Error).message).toMatch(/Client ID or API Key/);
	});
});

describe('describeTokenFailure', () => {
	const root = 'https://pbx.example.com:5001';
	it.each([
		[{ code: 'ECONNREFUSED' }, /Cannot reach the 3CX server at https:\/\/pbx\.example\.com:5001/],
		[{ cause: { code: 'ENOTFOUND' } }, /Cannot reach/],
		[{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, /TLS problem/],
		[{ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, /TLS problem/],
		[{ response: { status: 401 } }, /rejected the Client ID or API Key \(HTTP 401/],
		[{ response: { status: 400 } }, /rejected the Client ID or API Key/],
		[{ response: { status: 403 } }, /refused API access .*403/],
		[{ response: { status: 502 } }, /failed with HTTP 502/],
	])('%p', (failure, message) => {
		expect(describeTokenFailure(failure, root).message).toMatch(message);
	});

	it('points at the fix in the description', () => {
		expect(describeTokenFailure({ response: { status: 403 } }, root).description).toMatch(
			/XAPI Access.*System Owner.*System Wide.*allow-list/,
		);
		expect(describeTokenFailure({ code: 'CERT_HAS_EXPIRED' }, root).description).toMatch(
			/Ignore SSL Issues/,
		);
	});
});
