/**
 * 3CX keeps one valid bearer token per API client: every token request invalidates the previous
 * token. Several n8n processes (the main and each queue-mode worker) use one credential, and the
 * token stored in it is the state they share: n8n reads the credential afresh for every request
 * and stores the token our preAuthentication returns. This class decides, in one process:
 * which token a request sends, and after a 401 whether to adopt a newer token, wait for the token
 * another process is fetching, or fetch one (at most one exchange at a time per client).
 */
import { ClientTokens } from './clientTokens';
import type { IssuedToken } from './tokenExpiry';

/** How many 401 round trips a client remembers for its stagger. */
const RTT_SAMPLES = 32;

/**
 * Thrown instead of fetching a token while another n8n process may be fetching one: the caller
 * retries the request, for which n8n reads the credential again and finds that process's token.
 */
export class StaleTokenError extends Error {
	constructor(
		/** Retrying sooner finds nothing new: this process will not fetch a token before then. */
		readonly retryAfterMs: number,
	) {
		super('The 3CX access token was replaced; retrying with the stored one');
		this.name = 'StaleTokenError';
	}
}

export interface TokenPolicy {
	/**
	 * After the last known token is rejected, a process waits by role (see TokenCache.hold) before
	 * it fetches a new one: the process that fetched (and stored) the rejected token fetches at
	 * once, the others wait a random part of the stagger W, by when its token is usually stored,
	 * and read it from the credential instead of fetching their own. That works while W is long
	 * against the fetch span (from an exchange's start to its token stored, long on a busy
	 * machine): W is spanFactor times the span the token's fetcher published in the credential
	 * (or measured here; unknownSpanMs until one is), or rttFactor times the slowest recent 401,
	 * at least staggerMs and at most maxStaggerMs.
	 */
	staggerMs: number;
	spanFactor: number;
	unknownSpanMs: number;
	rttFactor: number;
	maxStaggerMs: number;
	/**
	 * A token rejected within youngMs (or twice the fetch span) of being first seen may have been
	 * replaced by another process's fetch rather than revoked or expired: that process is storing
	 * its token right now, so the owner waits for it too, and the others longer.
	 */
	youngMs: number;
	/** While waiting, how often a caller looks for a token learnt meanwhile. */
	pollMs: number;
	/** Requests per wait that read the credential again when it ends; the others wait in memory. */
	scouts: number;
	/** Tokens remembered per client (the newest ones). */
	remembered: number;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = {
	staggerMs: 2000,
	spanFactor: 4,
	unknownSpanMs: 2000,
	rttFactor: 30,
	maxStaggerMs: 15_000,
	youngMs: 5000,
	pollMs: 25,
	scouts: 2,
	remembered: 16,
};

export interface TokenClock {
	now(): number;
	/** A number in [0, 1). */
	random(): number;
	sleep(ms: number): Promise<void>;
}

/** How a request reached renew(): when n8n read the credential, and whether the caller retries. */
export interface RequestContext {
	/** When n8n read the stored token for this request. */
	readAt: number;
	/** The caller sends the request again on a StaleTokenError (see tokenRetry.ts). */
	retries: boolean;
}

/** How to get a token from the PBX, and to ask it whether a token is still the valid one. */
export interface TokenFetch {
	exchange(): Promise<IssuedToken>;
	verify(token: string): Promise<boolean>;
}

export class TokenCache {
	private readonly clients = new Map<string, ClientTokens>();

	constructor(
		private readonly clock: TokenClock,
		private readonly policy: TokenPolicy = DEFAULT_TOKEN_POLICY,
	) {}

	private client(key: string): ClientTokens {
		let client = this.clients.get(key);
		if (!client) {
			client = new ClientTokens(this.policy.remembered);
			this.clients.set(key, client);
		}
		return client;
	}

	/**
	 * The token a request sends. `stored` is the credential's token as n8n read it for this
	 * request (`storedSpanMs` the fetch span published with it): it wins unless this process saw
	 * the PBX reject it, then the newest usable token this process knows. Throws StaleTokenError
	 * rather than send a rejected token while another process may be fetching a new one, when the
	 * caller retries.
	 */
	tokenFor(key: string, stored: string, request: RequestContext, storedSpanMs = 0): string {
		const client = this.client(key);
		const now = this.clock.now();
		client.stored = stored;
		client.sharedSpanMs = storedSpanMs;
		client.note(stored, now);
		if (client.usable(stored, now)) return stored;
		const newest = client.newestUsable(now);
		if (newest) return newest;
		if (request.retries && now < client.holdUntil) throw new StaleTokenError(client.holdUntil - now);
		return stored;
	}

	/**
	 * After the PBX answered 401 to `rejected` (the token the request sent, '' for none): the
	 * token to retry with, and whether n8n should store it (only a token just fetched from the
	 * PBX, so the credential is written once per token request). `fetch.verify` asks the PBX
	 * whether a token just fetched is still the valid one: when another process fetched one right
	 * after, storing ours would overwrite theirs with a dead token.
	 */
	async renew(key: string, rejected: string, request: RequestContext, fetch: TokenFetch): Promise<{ token: string; persist: boolean }> {
		const client = this.client(key);
		this.reject(client, rejected);
		for (;;) {
			const now = this.clock.now();
			if (client.inflight) {
				const fetched = await client.inflight;
				if (fetched.current || !request.retries) return { token: fetched.token, persist: false };
				throw new StaleTokenError(Math.max(0, client.holdUntil - this.clock.now()));
			}
			const newest = client.newestUsable(now);
			if (newest) return { token: newest, persist: false };
			// Fetch only when this request read the credential after the wait: else the token another
			// process fetched meanwhile may be stored already.
			if (request.readAt >= client.holdUntil || client.takeFetchTurn()) break;
			// A few requests go and read the credential again after the wait (scouts); the others
			// wait here for what they, or any new request, find there.
			if (request.retries && client.sendScout(this.policy.scouts)) throw new StaleTokenError(client.holdUntil - now);
			const giveUpAt = request.retries ? client.holdUntil + this.stagger(client) : client.holdUntil;
			if (now >= giveUpAt) {
				if (request.retries) throw new StaleTokenError(0);
				break;
			}
			await this.clock.sleep(Math.min(this.policy.pollMs, giveUpAt - now));
		}
		const fetched = await this.fetchOnce(client, fetch);
		if (fetched.current) return { token: fetched.token, persist: true };
		// Another process fetched after us and stores its token: read it from the credential.
		if (request.retries) throw new StaleTokenError(Math.max(0, client.holdUntil - this.clock.now()));
		return { token: fetched.token, persist: false };
	}

	/**
	 * A token from the PBX now (or from the exchange under way): before a first send, when nothing
	 * is stored yet or n8n tests the credential. `persist` only for the caller that fetched it, and
	 * only if no other process fetched one right after.
	 */
	async fetchNow(key: string, fetch: TokenFetch): Promise<{ token: string; persist: boolean }> {
		const client = this.client(key);
		if (client.inflight) return { token: (await client.inflight).token, persist: false };
		const fetched = await this.fetchOnce(client, fetch);
		return { token: fetched.token, persist: fetched.current };
	}

	/** The one exchange under way for this client (joined by callers that find it in `inflight`). */
	private async fetchOnce(client: ClientTokens, fetch: TokenFetch): Promise<{ token: string; current: boolean }> {
		const fetching = this.fetch(client, fetch);
		client.inflight = fetching;
		try {
			return await fetching;
		} finally {
			client.inflight = undefined;
		}
	}

	private async fetch(client: ClientTokens, { exchange, verify }: TokenFetch): Promise<{ token: string; current: boolean }> {
		client.fetchStartedAt = this.clock.now();
		const issued = await exchange();
		client.note(issued.token, this.clock.now(), issued.expiresAt);
		const current = await verify(issued.token);
		if (current) client.fetched = issued.token;
		else {
			this.reject(client, issued.token);
			this.hold(client, 'replaced');
		}
		return { token: issued.token, current };
	}

	now(): number {
		return this.clock.now();
	}

	/** The newest token this process may send, if any. */
	newest(key: string): string | undefined {
		return this.client(key).newestUsable(this.clock.now());
	}

	/** A token this process fetched is stored in the credential now. */
	stored(key: string): void {
		const client = this.client(key);
		client.fetchSpanMs = this.clock.now() - client.fetchStartedAt;
	}

	/**
	 * The fetch span to publish with a token this process just fetched, for the others' stagger:
	 * the longer of its last full span and this fetch's so far (its store is still to come), or 0
	 * (unknown) before a first full span.
	 */
	spanToPublish(key: string): number {
		const client = this.client(key);
		return client.fetchSpanMs && Math.round(Math.max(client.fetchSpanMs, this.clock.now() - client.fetchStartedAt));
	}

	/** The PBX answered 401 `rttMs` after the request was sent. */
	rejectedAfter(key: string, rttMs: number): void {
		const rtts = this.client(key).rejectionRtts;
		rtts.push(rttMs);
		if (rtts.length > RTT_SAMPLES) rtts.shift();
	}

	private reject(client: ClientTokens, token: string): void {
		const now = this.clock.now();
		client.note(token, now);
		const known = client.known.get(token)!;
		if (known.rejectedAt !== undefined) return;
		known.rejectedAt = now;
		// A new rejection with nothing to fall back on (an exchange under way decides for itself):
		// every process holding the same tokens sees it about now; each waits by its role.
		if (client.newestUsable(now) || client.inflight) return;
		const young = token !== '' && now - known.seenAt < Math.max(this.policy.youngMs, 2 * this.span(client));
		// Its own token still in memory after another was stored is not what the others hold.
		const owner = token !== '' && token === client.fetched && token === client.stored;
		this.hold(client, owner ? (young ? 'youngOwner' : 'owner') : young ? 'youngFollower' : 'follower');
	}

	private span(client: ClientTokens): number {
		return Math.max(client.fetchSpanMs, client.sharedSpanMs) || this.policy.unknownSpanMs;
	}

	/** See TokenPolicy.staggerMs. */
	private stagger(client: ClientTokens): number {
		const { staggerMs, spanFactor, rttFactor, maxStaggerMs } = this.policy;
		const load = Math.max(spanFactor * this.span(client), rttFactor * Math.max(0, ...client.rejectionRtts));
		return Math.min(Math.max(staggerMs, load), maxStaggerMs);
	}

	/**
	 * Waits before fetching, by role (W = the stagger). Exactly one process fetched and stored the
	 * token just rejected (its owner): no other process has fetched since (they wait), so it
	 * fetches at once, with the request that saw the rejection. The others wait in [W/2, 3W/2], by
	 * when the owner's token is usually stored, and fetch only if none is (the owner was idle, or
	 * gone). After a young rejection (see TokenPolicy.youngMs) the owner waits in [3W/10, 2W/5]
	 * (W/4 being a span) for the token another process may be storing, the others in [W, 2W],
	 * behind it. After its own fetch was replaced at once, a process waits in [W, 2W] too.
	 */
	private hold(client: ClientTokens, role: HoldRole): void {
		if (role === 'owner') {
			client.holdUntil = Math.max(client.holdUntil, this.clock.now());
			client.giveFetchTurn();
			return;
		}
		const [from, span] = HOLD_WINDOWS[role];
		const wait = (from + this.clock.random() * span) * this.stagger(client);
		client.holdUntil = Math.max(client.holdUntil, this.clock.now() + wait);
	}
}

type HoldRole = 'owner' | 'youngOwner' | 'follower' | 'youngFollower' | 'replaced';

/** Start and length of each waiting role's wait, in staggers (see hold). */
const HOLD_WINDOWS: Record<Exclude<HoldRole, 'owner'>, [number, number]> = {
	youngOwner: [0.3, 0.1],
	follower: [0.5, 1],
	youngFollower: [1, 1],
	replaced: [1, 1],
};
