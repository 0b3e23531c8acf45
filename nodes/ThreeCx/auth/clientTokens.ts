import { jwtExpiry } from './tokenExpiry';

interface KnownToken {
	/** When this process first saw the token (issued to it or read from the credential). */
	seenAt: number;
	expiresAt?: number;
	/** When the PBX first rejected it in this process. */
	rejectedAt?: number;
}

/** What one process knows about one API client's tokens (see TokenCache). */
export class ClientTokens {
	readonly known = new Map<string, KnownToken>();

	inflight?: Promise<{ token: string; current: boolean }>;

	/** No token is fetched before this time (see TokenPolicy.staggerMs). */
	holdUntil = 0;

	/** The last token this process fetched that the PBX confirmed as the valid one. */
	fetched?: string;

	/** The credential's token as this process last read it. */
	stored?: string;

	/** The last fetch span measured here: from the exchange's start to its token stored (see TokenPolicy.staggerMs). */
	fetchSpanMs = 0;

	/** When this process's last exchange started. */
	fetchStartedAt = 0;

	/** The fetch span the process that stored the credential's token published with it. */
	sharedSpanMs = 0;

	/** This process fetches at once, without the stored token read again (see TokenCache.hold). */
	private fetchTurn = false;

	giveFetchTurn(): void {
		this.fetchTurn = true;
	}

	takeFetchTurn(): boolean {
		const turn = this.fetchTurn;
		this.fetchTurn = false;
		return turn;
	}

	/** Round trips of the latest requests the PBX answered with 401. */
	readonly rejectionRtts: number[] = [];

	/** Requests sent to read the credential again after the current wait (see renew). */
	private scouts = 0;
	private scoutsFor = 0;

	sendScout(most: number): boolean {
		if (this.scoutsFor !== this.holdUntil) {
			this.scoutsFor = this.holdUntil;
			this.scouts = 0;
		}
		if (this.scouts >= most) return false;
		this.scouts++;
		return true;
	}

	constructor(private readonly remembered: number) {}

	/** Registers a token ('' too: sending none also gets a 401 to keep track of). */
	note(token: string, now: number, expiresAt = expiryOf(token)): void {
		if (this.known.has(token)) return;
		this.known.set(token, { seenAt: now, expiresAt });
		for (const oldest of this.known.keys()) {
			if (this.known.size <= this.remembered) break;
			this.known.delete(oldest);
		}
	}

	usable(token: string, now: number): boolean {
		const known = this.known.get(token);
		return !!token && !!known && known.rejectedAt === undefined && (known.expiresAt === undefined || known.expiresAt > now);
	}

	/** The most recently seen token that is neither rejected nor expired. */
	newestUsable(now: number): string | undefined {
		let newest: string | undefined;
		let newestSeen = -Infinity;
		for (const [token, known] of this.known) {
			if (known.seenAt >= newestSeen && this.usable(token, now)) {
				newest = token;
				newestSeen = known.seenAt;
			}
		}
		return newest;
	}
}

function expiryOf(token: string): number | undefined {
	const exp = jwtExpiry(token);
	return exp === undefined ? undefined : exp * 1000;
}
