/**
 * One bearer token per PBX client, shared by every item and execution in this n8n process.
 * The PBX keeps only one valid token per client, so a second token request would knock out
 * the first: all callers share one cached token and at most one in-flight exchange.
 */

export interface IssuedToken {
	token: string;
	/** Epoch milliseconds after which the token must not be reused. */
	expiresAt: number;
}

interface CacheEntry extends Partial<IssuedToken> {
	inflight?: Promise<string>;
}

/** Refresh a little early so a token does not expire while a request is on the wire. */
const EXPIRY_MARGIN_MS = 30_000;

/** 3CX up to 20.0.8 sends `expires_in` in minutes (60), from 20.0.9 in seconds (3600). */
const LARGEST_MINUTES_VALUE = 299;

/** When the token expires: the JWT `exp` claim if readable, else `expires_in` in either unit. */
export function tokenExpiresAt(accessToken: string, expiresIn: unknown, now: number): number {
	const exp = jwtExpiry(accessToken);
	if (exp !== undefined) return exp * 1000;
	const value = Number(expiresIn);
	if (!Number.isFinite(value) || value <= 0) return now + 60 * 60_000;
	return now + value * (value <= LARGEST_MINUTES_VALUE ? 60_000 : 1000);
}

function jwtExpiry(token: string): number | undefined {
	const payload = token.split('.')[1];
	if (!payload) return undefined;
	try {
		const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown })
			.exp;
		return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
	} catch {
		return undefined;
	}
}

export class TokenCache {
	private readonly entries = new Map<string, CacheEntry>();

	constructor(private readonly now: () => number = Date.now) {}

	/** The newest token known for this client, if any (it may have expired). */
	current(key: string): string | undefined {
		return this.entries.get(key)?.token;
	}

	/**
	 * A token other than `staleToken` (the one the caller has, empty when none or the one the
	 * PBX just rejected). Joins an exchange already under way; reuses a newer valid token.
	 */
	async freshToken(
		key: string,
		staleToken: string,
		exchange: () => Promise<IssuedToken>,
	): Promise<string> {
		let entry = this.entries.get(key);
		if (!entry) {
			entry = {};
			this.entries.set(key, entry);
		}
		if (entry.inflight) return await entry.inflight;
		if (
			entry.token &&
			entry.token !== staleToken &&
			(entry.expiresAt ?? 0) - EXPIRY_MARGIN_MS > this.now()
		) {
			return entry.token;
		}
		const target = entry;
		target.inflight = exchange()
			.then((issued) => {
				target.token = issued.token;
				target.expiresAt = issued.expiresAt;
				return issued.token;
			})
			.finally(() => {
				target.inflight = undefined;
			});
		return await target.inflight;
	}
}
