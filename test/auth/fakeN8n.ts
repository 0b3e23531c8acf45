/**
 * Several n8n processes sharing one stored 3CX credential, without n8n: a fake database row, a
 * fake PBX with the one-token rule, and per process the request flow of n8n 2.41 for a credential
 * with an expirable token, step by step as n8n runs it:
 *   n8n-core httpRequestWithAuthentication (request-helpers/authentication.js): read the
 *   credential (getCredentials → CredentialsHelper.getDecrypted, a database read per request),
 *   preAuthentication(expired = false), authenticate, send; on a 401 preAuthentication(expired =
 *   true), authenticate, send once more;
 *   n8n CredentialsHelper.preAuthentication (credentials-helper.js): calls the credential's
 *   preAuthentication only when the stored token is empty or expired, and writes the row when it
 *   returns a token.
 * Each process has its own token cache, as each n8n process has its own memory. Everything runs
 * on one VirtualTime, so a run does not depend on the machine's load.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { credentialTokenHooks } from '../../nodes/ThreeCx/auth/credentialToken';
import { TokenCache, type TokenPolicy } from '../../nodes/ThreeCx/auth/tokenCache';
import { sendWithTokenRetry, type RetrySchedule } from '../../nodes/ThreeCx/auth/tokenRetry';
import type { VirtualTime } from './virtualTime';

/** Each step takes a random time in [min, max] milliseconds. */
export interface Latencies {
	dbRead: [number, number];
	dbWrite: [number, number];
	pbx: [number, number];
}

/** The credential row: every read is a copy, as each request decrypts its own. */
export class FakeDatabase {
	writes = 0;

	constructor(
		private row: ICredentialDataDecryptedObject,
		private readonly time: VirtualTime,
		private readonly latency: Latencies,
	) {}

	async read(): Promise<ICredentialDataDecryptedObject> {
		await this.time.between(...this.latency.dbRead);
		return { ...this.row };
	}

	async write(row: ICredentialDataDecryptedObject): Promise<void> {
		await this.time.between(...this.latency.dbWrite);
		this.writes++;
		this.row = { ...row };
	}

	get stored(): string {
		return String(this.row.accessToken ?? '');
	}
}

/** A PBX that keeps one valid token per client: each token request invalidates the previous one. */
export class FakePbx {
	tokenRequests = 0;
	unauthorized = 0;
	private current = '';

	constructor(
		private readonly time: VirtualTime,
		private readonly latency: Latencies,
	) {}

	async issue(): Promise<{ access_token: string; expires_in: number }> {
		await this.time.between(...this.latency.pbx);
		this.tokenRequests++;
		this.current = `token-${this.tokenRequests}`;
		return { access_token: this.current, expires_in: 3600 };
	}

	async api(token: string): Promise<string> {
		await this.time.between(...this.latency.pbx);
		if (token && token === this.current) return 'ok';
		this.unauthorized++;
		throw Object.assign(new Error('Request failed with status code 401'), { response: { status: 401 } });
	}

	/** Like the admin regenerating the key's token, or its expiry. */
	revoke(): void {
		this.current = '';
	}
}

export const CREDENTIAL = { server: 'https://pbx.example.com:5001', clientId: 'n8n', apiKey: 'key', ignoreSSLIssues: false, accessToken: '' };

export class FakeN8nProcess {
	private readonly hooks;

	readonly tokens: TokenCache;

	/** The token endpoint, and the PBX's API for the credential's check of a token it just fetched. */
	private readonly helpers = {
		httpRequest: async (options: IHttpRequestOptions) =>
			options.method === 'POST' ? await this.pbx.issue() : await this.pbx.api(String(options.headers?.Authorization).replace('Bearer ', '')),
	} as unknown as Parameters<ReturnType<typeof credentialTokenHooks>['renewFor']>[0];

	constructor(
		private readonly time: VirtualTime,
		private readonly db: FakeDatabase,
		private readonly pbx: FakePbx,
		policy: TokenPolicy,
		private readonly schedule: RetrySchedule,
	) {
		this.tokens = new TokenCache(time, policy);
		this.hooks = credentialTokenHooks(this.tokens);
	}

	/** CredentialsHelper.preAuthentication of the n8n CLI. */
	private async preAuthentication(credentials: ICredentialDataDecryptedObject, expired: boolean): Promise<void> {
		if (credentials.accessToken !== '' && !expired) return;
		const output = await this.hooks.renewFor(this.helpers, credentials);
		if (output.accessToken === undefined) return;
		await this.db.write({ ...(await this.db.read()), ...output });
		Object.assign(credentials, output);
	}

	private async send(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions): Promise<string> {
		const authenticated = { ...options };
		const token = this.hooks.bearerFor(credentials, authenticated);
		return await this.pbx.api(token);
	}

	/** n8n-core's httpRequestWithAuthentication: one retry after a 401, with the credential's new token. */
	async httpRequestWithAuthentication(options: IHttpRequestOptions): Promise<string> {
		const credentials = await this.db.read();
		try {
			await this.preAuthentication(credentials, false);
			return await this.send(credentials, options);
		} catch (error) {
			if ((error as { response?: { status?: number } }).response?.status !== 401) throw new Error('wrapped', { cause: error });
			try {
				await this.preAuthentication(credentials, true);
				return await this.send(credentials, options);
			} catch (retryError) {
				throw new Error('wrapped', { cause: retryError });
			}
		}
	}

	/** One item of the 3CX node: the request, sent again while the PBX rejects the token. */
	async item(): Promise<string> {
		return await sendWithTokenRetry({ url: '/Users(1)', headers: {} }, async (options) => await this.httpRequestWithAuthentication(options), {
			sleep: this.time.sleep,
			random: this.time.random,
			schedule: this.schedule,
		});
	}
}
