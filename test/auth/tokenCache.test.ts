import { TokenCache, tokenExpiresAt } from '../../nodes/ThreeCx/auth/tokenCache';

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

describe('TokenCache', () => {
	let clock = 0;
	let issued = 0;
	const exchange = async () => {
		await new Promise((resolve) => setTimeout(resolve, 5));
		issued++;
		return { token: `t${issued}`, expiresAt: clock + HOUR };
	};

	beforeEach(() => {
		clock = 0;
		issued = 0;
	});

	it('makes one exchange for many concurrent callers without a token', async () => {
		const cache = new TokenCache(() => clock);
		const tokens = await Promise.all(
			Array.from({ length: 50 }, async () => await cache.freshToken('k', '', exchange)),
		);
		expect(issued).toBe(1);
		expect(new Set(tokens)).toEqual(new Set(['t1']));
	});

	it('reuses a valid token until it expires, then exchanges again', async () => {
		const cache = new TokenCache(() => clock);
		await cache.freshToken('k', '', exchange);
		clock = HOUR - 60_000;
		expect(await cache.freshToken('k', '', exchange)).toBe('t1');
		clock = HOUR - 10_000;
		expect(await cache.freshToken('k', '', exchange)).toBe('t2');
		expect(issued).toBe(2);
	});

	it('refreshes once when many callers report the same rejected token', async () => {
		const cache = new TokenCache(() => clock);
		await cache.freshToken('k', '', exchange);
		const tokens = await Promise.all(
			Array.from({ length: 20 }, async () => await cache.freshToken('k', 't1', exchange)),
		);
		expect(issued).toBe(2);
		expect(new Set(tokens)).toEqual(new Set(['t2']));
		// A late caller still holding t1 gets t2 without another exchange.
		expect(await cache.freshToken('k', 't1', exchange)).toBe('t2');
		expect(issued).toBe(2);
	});

	it('keeps clients apart and forgets a failed exchange', async () => {
		const cache = new TokenCache(() => clock);
		await expect(
			cache.freshToken('a', '', async () => {
				throw new Error('down');
			}),
		).rejects.toThrow('down');
		expect(await cache.freshToken('a', '', exchange)).toBe('t1');
		expect(await cache.freshToken('b', '', exchange)).toBe('t2');
		expect(cache.current('a')).toBe('t1');
		expect(cache.current('c')).toBeUndefined();
	});
});
