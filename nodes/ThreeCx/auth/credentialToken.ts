/**
 * The credential's two token hooks, as n8n calls them for each request (httpRequestWithAuthentication):
 * it reads the credential from its database, calls preAuthentication when the stored token is
 * empty, then authenticate and sends; on a 401 it calls preAuthentication again, stores the
 * token returned (if any), calls authenticate and sends once more. One credential object is
 * passed to all of these calls of one request, so it identifies the request here.
 */
import { createHash } from 'node:crypto';

import { sleep, type ICredentialDataDecryptedObject, type IHttpRequestHelper, type IHttpRequestOptions } from 'n8n-workflow';

import { serverRoot } from './serverUrl';
import { TokenCache, type RequestContext, type TokenFetch } from './tokenCache';
import { exchangeToken, isCurrentToken } from './tokenExchange';
import { RETRIED_REQUEST_HEADER } from './tokenRetry';

/** The hooks for one process's token cache (a test makes several, one per simulated process). */
export function credentialTokenHooks(tokens: TokenCache) {
	const requests = new WeakMap<ICredentialDataDecryptedObject, RequestState>();
	return {
		/** For authenticate: the bearer token this send carries. Removes the retry mark from the headers. */
		bearerFor(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): string {
			const headers = { ...requestOptions.headers };
			const retries = RETRIED_REQUEST_HEADER in headers;
			delete headers[RETRIED_REQUEST_HEADER];
			requestOptions.headers = headers;
			const key = tokenKey(credentials);
			let request = requests.get(credentials);
			if (!request) {
				// The first send of this request: n8n read the stored token just now.
				request = { readAt: tokens.now(), retries, sent: '', sentAt: 0, persisting: false };
				requests.set(credentials, request);
			}
			request.retries ||= retries;
			if (request.persisting) {
				// n8n stores the token preAuthentication returned before it sends again.
				request.persisting = false;
				tokens.stored(key);
			}
			request.sent = tokens.tokenFor(key, String(credentials.accessToken ?? ''), request, Number(credentials.renewalSpanMs) || 0);
			request.sentAt = tokens.now();
			return request.sent;
		},

		/** For preAuthentication: `{ accessToken, renewalSpanMs }` when n8n should store a token just fetched, else `{}`. */
		async renewFor(
			helpers: IHttpRequestHelper['helpers'],
			credentials: ICredentialDataDecryptedObject,
		): Promise<{ accessToken?: string; renewalSpanMs?: number }> {
			const key = tokenKey(credentials);
			const fetch: TokenFetch = {
				exchange: async () => await exchangeToken(helpers, credentials),
				verify: async (candidate) => await isCurrentToken(helpers, credentials, candidate),
			};
			const request = requests.get(credentials);
			if (!request) {
				// Before the first send n8n asks only when no token is stored yet (a token this process
				// already has will do), or when it tests the credential (the key must be tried): fetch
				// one. A token another process fetched right after is not stored; the send then gets a
				// 401 and comes back here.
				if (!credentials.accessToken && tokens.newest(key)) return {};
				const started = { readAt: tokens.now(), retries: false, sent: '', sentAt: 0, persisting: false };
				const fetched = await tokens.fetchNow(key, fetch);
				started.persisting = fetched.persist;
				requests.set(credentials, started);
				return fetched.persist ? { accessToken: fetched.token, renewalSpanMs: tokens.spanToPublish(key) } : {};
			}
			tokens.rejectedAfter(key, tokens.now() - request.sentAt);
			const { token, persist } = await tokens.renew(key, request.sent, request, fetch);
			request.persisting = persist;
			return persist ? { accessToken: token, renewalSpanMs: tokens.spanToPublish(key) } : {};
		},
	};
}

interface RequestState extends RequestContext {
	/** The token the last send carried: the one a 401 rejected. */
	sent: string;
	sentAt: number;
	/** preAuthentication returned a token just fetched, which n8n is storing. */
	persisting: boolean;
}

/** One PBX API client: server, client ID and (a digest of) the API key. */
export function tokenKey(credentials: ICredentialDataDecryptedObject): string {
	const apiKeyDigest = createHash('sha256')
		.update(String(credentials.apiKey ?? ''))
		.digest('hex');
	return `${serverRoot(credentials.server)}|${String(credentials.clientId ?? '').trim()}|${apiKeyDigest}`;
}

/** Process-wide: every execution in this n8n process that uses the same PBX client. */
export const { bearerFor, renewFor } = credentialTokenHooks(
	new TokenCache({ now: () => Date.now(), random: () => Math.random(), sleep }),
);
