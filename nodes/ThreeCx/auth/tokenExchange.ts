import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { serverRoot } from './serverUrl';
import { tokenExpiresAt, type IssuedToken } from './tokenExpiry';

interface TokenResponse {
	access_token?: unknown;
	expires_in?: unknown;
}

const TLS_ERROR_CODES =
	/^(CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH)/;
const UNREACHABLE_CODES =
	/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ECONNABORTED)$/;

/**
 * An error for n8n to show; built from scratch so no request options (and no API key) ride along.
 * System error codes stay out of the message: n8n would replace such a message with a generic one.
 */
export class TokenExchangeError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'TokenExchangeError';
	}
}

/** Exchanges the API key for a bearer token at `{server}/connect/token` (client credentials). */
export async function exchangeToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<IssuedToken> {
	const root = serverRoot(credentials.server);
	const clientId = String(credentials.clientId ?? '').trim();
	if (!clientId || !credentials.apiKey) {
		throw new TokenExchangeError(
			'The 3CX credential is incomplete',
			'Fill in Client ID and API Key (3CX Admin Console → Integrations → API).',
		);
	}
	let response: TokenResponse;
	try {
		response = (await helpers.httpRequest({
			method: 'POST',
			url: `${root}/connect/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: new URLSearchParams({
				client_id: clientId,
				client_secret: String(credentials.apiKey),
				grant_type: 'client_credentials',
			}).toString(),
			json: true,
			skipSslCertificateValidation: credentials.ignoreSSLIssues === true,
		})) as TokenResponse;
	} catch (error) {
		throw describeTokenFailure(error, root);
	}
	if (typeof response?.access_token !== 'string' || !response.access_token) {
		throw new TokenExchangeError(
			`The 3CX server at ${root} did not return an access token`,
			'Check that Server URL points at the 3CX web client address (the one the Admin Console uses).',
		);
	}
	return {
		token: response.access_token,
		expiresAt: tokenExpiresAt(response.access_token, response.expires_in, now()),
	};
}

/**
 * Whether `token` is still the PBX's valid token for this client (a cheap authenticated GET):
 * false only on a 401, so a network hiccup does not count as losing the token.
 */
export async function isCurrentToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	token: string,
): Promise<boolean> {
	try {
		await helpers.httpRequest({
			method: 'GET',
			url: `${serverRoot(credentials.server)}/xapi/v1/Defs`,
			qs: { $select: 'Id' },
			headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
			json: true,
			skipSslCertificateValidation: credentials.ignoreSSLIssues === true,
		});
		return true;
	} catch (error) {
		const failure = error as { response?: { status?: number }; httpCode?: string | number; statusCode?: number };
		return Number(failure?.response?.status ?? failure?.statusCode ?? failure?.httpCode ?? 0) !== 401;
	}
}

/** Says which part of the exchange failed: network, TLS, client ID/API key, or access rights. */
export function describeTokenFailure(error: unknown, root: string): TokenExchangeError {
	const failure = error as {
		code?: string;
		cause?: { code?: string };
		response?: { status?: number };
		httpCode?: string | number;
		statusCode?: number;
	};
	const code = String(failure?.code ?? failure?.cause?.code ?? '');
	const status = Number(failure?.response?.status ?? failure?.statusCode ?? failure?.httpCode ?? 0);
	if (TLS_ERROR_CODES.test(code)) {
		return new TokenExchangeError(
			`TLS problem talking to ${root}`,
			`${code}: the PBX certificate is not trusted by n8n. Use a trusted certificate, or turn on "Ignore SSL Issues" in the credential for a self-signed on-premise PBX.`,
		);
	}
	if (status === 400 || status === 401) {
		return new TokenExchangeError(
			`3CX rejected the Client ID or API Key (HTTP ${status} at /connect/token)`,
			'Check Client ID and API Key in 3CX Admin Console → Integrations → API. The API key is shown only once; generate a new one if unsure.',
		);
	}
	if (status === 403) {
		return new TokenExchangeError(
			'3CX refused API access for this client (HTTP 403 at /connect/token)',
			'In Integrations → API enable "XAPI Access", give the client the System Owner role in a real department (not "System Wide"), and allow n8n\'s IP address in the console IP allow-list.',
		);
	}
	if (UNREACHABLE_CODES.test(code) || !status) {
		return new TokenExchangeError(
			`Cannot reach the 3CX server at ${root}`,
			`${code ? `${code}: ` : ''}check Server URL (scheme, host and port, e.g. https://pbx.example.com:5001) and that n8n can reach the PBX.`,
		);
	}
	if (status >= 500) {
		return new TokenExchangeError(
			`The 3CX token request failed with HTTP ${status}`,
			`POST ${root}/connect/token answered ${status}: the server answered, so Server URL is fine; the PBX (or a proxy in front of it) has a fault or is restarting. Try again later.`,
		);
	}
	return new TokenExchangeError(
		`The 3CX token request failed with HTTP ${status}`,
		`POST ${root}/connect/token answered ${status}. Check that Server URL is the PBX web address.`,
	);
}
