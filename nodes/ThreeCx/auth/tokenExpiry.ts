/** When a 3CX token expires: its JWT `exp` claim, else the `expires_in` of the token answer. */

export interface IssuedToken {
	token: string;
	/** Epoch milliseconds after which the token must not be reused. */
	expiresAt: number;
}

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

/** The JWT `exp` claim in epoch seconds, when the token is a readable JWT. */
export function jwtExpiry(token: string): number | undefined {
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
