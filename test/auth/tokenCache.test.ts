import { StaleTokenError, TokenCache, type TokenPolicy } from '../../nodes/ThreeCx/auth/tokenCache';
import { tokenExpiresAt } from '../../nodes/ThreeCx/auth/tokenExpiry';

const HOUR = 3_600_000;

function jwt(payload: object): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'none' })}.${part(payload)}.sig`;
}

describe('tokenExpiresAt', () => {
	const now = 1_700_000_000_000;
	it.each([
		['minutes, as up to 3CX 20.0.8', 60],
		['seconds, as from 3CX 20.0.9', 3600],
	])('reads expires_in in %s as one hour', (_unit, expiresIn) => {
		expect(tokenExpiresAt('opaque-token', expiresIn, now)).toBe(now + HOUR);
	});

	it('prefers the JWT exp claim over expires_in', () => {
		expect(tokenExpiresAt(jwt({ exp: 1_700_000_600 }), 60, now)).toBe(1_700_000_600_000);
	});

	it.each([[undefined], ['x'], [-5], [0]])('falls back to one hour for expires_in %p', (value) => {
		expect(tokenExpiresAt('opaque', value, now)).toBe(now + HOUR);
	});

	it('ignores a JWT whose payload is not JSON', () => {
		expect(tokenExpiresAt('a.b@d.c', 3600, now)).toBe(now + HOUR);
	});
});

/** A clock the test moves; sleep advances it. */
function fakeClock(random = 0.5) {
	const clock = {
		time: 0,
		random: () => random,
		now: () => clock.time,
		sleep: async (ms: number) => {
			clock.time += ms;
		},
	};
	return clock;
}

/** No span known counts as none (W = staggerMs) unless a test says otherwise; random is 0.5. */
const POLICY: TokenPolicy = {
	staggerMs: 1000,
	spanFactor: 5,
	unknownSpanMs: 0,
	rttFactor: 15,
	maxStaggerMs: 5000,
	youngMs: 5000,
	pollMs: 25,
	scouts: 2,
	remembered: 4,
};
const retrying = (readAt: number) => ({ readAt, retries: true });
const notRetrying = (readAt: number) => ({ readAt, retries: false });

describe('TokenCache', () => {
	let issued: number;
	let clock: ReturnType<typeof fakeClock>;
	let cache: TokenCache;
	const exchange = async () => {
		await new Promise((resolve) => setImmediate(resolve));
		issued++;
		return { token: `t${issued}`, expiresAt: clock.time + HOUR };
	};
	const fetch = { exchange, verify: async () => true };

	beforeEach(() => {
		issued = 0;
		clock = fakeClock();
		cache = new TokenCache(clock, POLICY);
	});

	it('makes one exchange for many concurrent callers without a stored token, stored by one of them', async () => {
		const answers = await Promise.all(Array.from({ length: 50 }, async () => await cache.renew('k', '', notRetrying(0), fetch)));
		expect(issued).toBe(1);
		expect(new Set(answers.map((a) => a.token))).toEqual(new Set(['t1']));
		expect(answers.filter((a) => a.persist)).toHaveLength(1);
	});

	it('sends the stored token when it is usable, even if this process knows another one', async () => {
		await cache.renew('k', '', notRetrying(0), fetch);
		expect(cache.tokenFor('k', 'stored-by-another-process', retrying(0))).toBe('stored-by-another-process');
	});

	it('sends its newest known token when the stored one was rejected here', async () => {
		cache.tokenFor('k', 'old', retrying(0));
		await cache.renew('k', 'old', retrying(0), fetch).catch(() => undefined);
		clock.time = 5000;
		await cache.renew('k', 'old', retrying(5000), fetch);
		expect(cache.tokenFor('k', 'old', retrying(5001))).toBe('t1');
	});

	it('adopts a token read from the credential after a 401 instead of fetching one', async () => {
		cache.tokenFor('k', 'x', retrying(0));
		cache.tokenFor('k', 'y', retrying(1));
		expect(await cache.renew('k', 'x', retrying(0), fetch)).toEqual({ token: 'y', persist: false });
		expect(issued).toBe(0);
	});

	it('does not send a token past its JWT exp when it knows a live one', async () => {
		await cache.fetchNow('k', fetch);
		clock.time = 5000;
		expect(cache.tokenFor('k', jwt({ exp: 4 }), retrying(5000))).toBe('t1');
		expect(cache.tokenFor('k', jwt({ exp: 6 }), retrying(5000))).toBe(jwt({ exp: 6 }));
	});

	describe('after the only known token is rejected', () => {
		beforeEach(() => {
			cache.tokenFor('k', 'x', retrying(0));
			clock.time = 10_000; // the token was seen long ago: revoked or expired, not replaced
		});

		it('a retrying caller is told to come back after its random wait, no token is fetched', async () => {
			const error = await cache.renew('k', 'x', retrying(10_000), fetch).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(StaleTokenError);
			// Another process fetched 'x': this one waits in [W/2, 3W/2] for that process's next token.
			expect((error as StaleTokenError).retryAfterMs).toBe(1000);
			expect(() => cache.tokenFor('k', 'x', retrying(10_100))).toThrow(StaleTokenError);
			expect(issued).toBe(0);
		});

		it('fetches once a request read the credential after the wait and it still held the rejected token', async () => {
			await cache.renew('k', 'x', retrying(10_000), fetch).catch(() => undefined);
			clock.time = 11_100;
			expect(cache.tokenFor('k', 'x', retrying(11_100))).toBe('x');
			expect(await cache.renew('k', 'x', retrying(11_100), fetch)).toEqual({ token: 't1', persist: true });
			expect(issued).toBe(1);
		});

		it('a request that read the credential before the wait ended retries instead of fetching', async () => {
			await cache.renew('k', 'x', retrying(10_000), fetch).catch(() => undefined);
			clock.time = 11_100;
			await expect(cache.renew('k', 'x', retrying(10_900), fetch)).rejects.toThrow(StaleTokenError);
			expect(issued).toBe(0);
		});

		it('a caller that cannot retry waits, then fetches', async () => {
			expect(await cache.renew('k', 'x', notRetrying(10_000), fetch)).toEqual({ token: 't1', persist: true });
			expect(clock.time).toBe(11_000);
		});

		it('a caller that cannot retry takes a token learnt while it waits', async () => {
			const waiting = cache.renew('k', 'x', notRetrying(10_000), fetch);
			cache.tokenFor('k', 'from-another-process', retrying(10_010));
			expect(await waiting).toEqual({ token: 'from-another-process', persist: false });
			expect(issued).toBe(0);
		});
	});

	it('fetches at once when the rejected token is the one it fetched and stored: no other process fetched since', async () => {
		await cache.fetchNow('k', fetch);
		cache.tokenFor('k', 't1', retrying(1));
		clock.time = 10_000;
		expect(await cache.renew('k', 't1', retrying(1), fetch)).toEqual({ token: 't2', persist: true });
		expect(issued).toBe(2);
	});

	it('is not the first to fetch when its own token is not the stored one: another process stored a newer one', async () => {
		await cache.fetchNow('k', fetch);
		cache.tokenFor('k', 'stored-later', retrying(1));
		clock.time = 10_000;
		await cache.renew('k', 'stored-later', retrying(10_000), fetch).catch(() => undefined);
		// 't1' is still usable here, so it is sent; once rejected too, this process waits as a follower.
		const error = (await cache.renew('k', 't1', retrying(10_000), fetch).catch((e: unknown) => e)) as StaleTokenError;
		expect(error.retryAfterMs).toBe(1000);
		expect(issued).toBe(1);
	});

	it('is not the first to fetch when the token it fetched was found replaced: the new owner is', async () => {
		const replacedAtOnce = { exchange, verify: async () => false };
		await cache.fetchNow('k', replacedAtOnce);
		cache.tokenFor('k', 'from-the-owner', retrying(1));
		clock.time = 10_000;
		const error = (await cache.renew('k', 'from-the-owner', retrying(10_000), fetch).catch((e: unknown) => e)) as StaleTokenError;
		expect(error.retryAfterMs).toBe(1000);
	});

	it('waits longer, behind the owner, when a token it just saw is rejected: another process may be storing its own', async () => {
		cache.tokenFor('k', 'fresh', retrying(0));
		const error = (await cache.renew('k', 'fresh', retrying(0), fetch).catch((e: unknown) => e)) as StaleTokenError;
		expect(error.retryAfterMs).toBe(1500); // [W, 2W]
	});

	it('does not fetch at once when the token it fetched is rejected right after: another process may have replaced it', async () => {
		await cache.fetchNow('k', fetch);
		cache.tokenFor('k', 't1', retrying(1));
		clock.time = 1000;
		const error = (await cache.renew('k', 't1', retrying(1000), fetch).catch((e: unknown) => e)) as StaleTokenError;
		expect(error.retryAfterMs).toBe(350); // [3W/10, 2W/5]: before the others
	});

	it('does not store a token another process replaced right after it was fetched, and waits for theirs', async () => {
		cache.tokenFor('k', 'x', retrying(0));
		clock.time = 10_000;
		await cache.renew('k', 'x', retrying(10_000), fetch).catch(() => undefined);
		clock.time = 11_100;
		const replaced = { exchange, verify: async () => false };
		const error = (await cache.renew('k', 'x', retrying(11_100), replaced).catch((e: unknown) => e)) as StaleTokenError;
		expect(error).toBeInstanceOf(StaleTokenError);
		expect(error.retryAfterMs).toBe(1500);
		expect(issued).toBe(1);
		// A caller that cannot retry gets it anyway (its send will show), but n8n does not store it.
		clock.time = 20_000;
		expect(await cache.renew('k', 't1', notRetrying(20_000), replaced)).toEqual({ token: 't2', persist: false });
	});

	it('before a first send: one exchange for concurrent callers, stored by the one that fetched it', async () => {
		const answers = await Promise.all(Array.from({ length: 20 }, async () => await cache.fetchNow('k', fetch)));
		expect(issued).toBe(1);
		expect(answers.filter((a) => a.persist)).toEqual([{ token: 't1', persist: true }]);
		expect(cache.newest('k')).toBe('t1');
	});

	it('waits longer when its tokens took long to be stored or 401s came back slowly', async () => {
		await cache.fetchNow('k', fetch);
		clock.time = 400;
		cache.stored('k'); // span 400 ms: stagger 5 × 400 = 2000 ms; a follower waits (0.5 + 0.5) of it
		cache.tokenFor('k', 'x', retrying(400));
		clock.time = 10_000;
		expect(await cache.renew('k', 'x', retrying(10_000), fetch)).toEqual({ token: 't1', persist: false });
		expect(((await cache.renew('k', 't1', retrying(10_000), fetch).catch((e: unknown) => e)) as StaleTokenError).retryAfterMs).toBe(2000);
		cache.tokenFor('k', 'y', retrying(10_000));
		clock.time = 20_000;
		cache.rejectedAfter('k', 900); // 15 × 900 = 13 500 ms, capped at 5000
		expect(((await cache.renew('k', 'y', retrying(20_000), fetch).catch((e: unknown) => e)) as StaleTokenError).retryAfterMs).toBe(5000);
	});

	it('waits by the fetch span another process published with the stored token, or an assumed one', async () => {
		cache.tokenFor('k', 'x', retrying(0), 600);
		clock.time = 10_000;
		expect(((await cache.renew('k', 'x', retrying(10_000), fetch).catch((e: unknown) => e)) as StaleTokenError).retryAfterMs).toBe(3000);
		const assuming = new TokenCache(clock, { ...POLICY, unknownSpanMs: 800 });
		assuming.tokenFor('k', 'x', retrying(10_000));
		clock.time = 20_000;
		expect(((await assuming.renew('k', 'x', retrying(20_000), fetch).catch((e: unknown) => e)) as StaleTokenError).retryAfterMs).toBe(4000);
	});

	it('publishes no span before it measured a whole fetch, then the longer of the last one and the fetch so far', async () => {
		let verifyMs = 300;
		const timed = { exchange, verify: async () => ((clock.time += verifyMs), true) };
		await cache.fetchNow('k', timed);
		expect(cache.spanToPublish('k')).toBe(0);
		clock.time = 1000;
		cache.stored('k');
		expect(cache.spanToPublish('k')).toBe(1000);
		verifyMs = 1500;
		clock.time = 2000;
		await cache.fetchNow('k', timed);
		expect(cache.spanToPublish('k')).toBe(1500);
	});

	it('forgets a failed exchange and reports it to every caller', async () => {
		const failing = async () => {
			await new Promise((resolve) => setImmediate(resolve));
			throw new Error('down');
		};
		const failingFetch = { exchange: failing, verify: async () => true };
		const results = await Promise.allSettled([cache.fetchNow('k', failingFetch), cache.fetchNow('k', failingFetch)]);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(await cache.fetchNow('k', fetch)).toEqual({ token: 't1', persist: true });
	});

	it('keeps clients apart', async () => {
		await cache.renew('a', '', notRetrying(0), fetch);
		expect(await cache.renew('b', '', notRetrying(0), fetch)).toEqual({ token: 't2', persist: true });
		expect(cache.tokenFor('a', '', retrying(0))).toBe('t1');
	});

	it('remembers a bounded number of tokens', () => {
		for (let i = 0; i < 10; i++) cache.tokenFor('k', `s${i}`, retrying(i));
		// s0 is forgotten: a stored token it does not know is sent as it is.
		expect(cache.tokenFor('k', '', retrying(11))).toBe('s9');
	});
});
