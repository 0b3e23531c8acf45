/**
 * When to send a failed request again, and after how long. A transient fault (429, 500, 502, 503,
 * 504, a connection reset) of one page is retried on that page instead of failing the whole pull.
 * Only GET is retried on 5xx and resets (it changes nothing); any method on 429, which says the
 * request was not processed. Pure: the hook supplies the fault and the random number.
 */

export interface RetryPolicy {
	/** Tries in all, the first one included. */
	attempts: number;
	/** Backoff ceiling of the first retry; doubles per retry up to `maxMs`. */
	baseMs: number;
	maxMs: number;
	/** A Retry-After longer than this is not waited for: the error goes to the user. */
	maxRetryAfterMs: number;
}

export const RETRY_POLICY: RetryPolicy = { attempts: 4, baseMs: 400, maxMs: 5000, maxRetryAfterMs: 60_000 };

export interface RequestFault {
	method: string;
	status?: number;
	/** Network error code (ECONNRESET …). */
	code?: string;
	/** The Retry-After header, as sent. */
	retryAfter?: string;
}

const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'EAI_AGAIN']);

export function isTransient(fault: RequestFault): boolean {
	if (fault.status === 429) return true;
	if (fault.method.toUpperCase() !== 'GET') return false;
	return fault.status !== undefined ? TRANSIENT_STATUS.has(fault.status) : TRANSIENT_CODES.has(fault.code ?? '');
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; undefined if absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
	const text = header?.trim();
	if (!text) return undefined;
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait before the next try after `tries` tries ended in `fault`; undefined: give up. Retry-After
 * wins when given; otherwise exponential backoff with equal jitter (half fixed, half random), so
 * parallel pages that failed together do not come back together.
 */
export function retryDelay(
	fault: RequestFault,
	tries: number,
	random: () => number = Math.random,
	now = Date.now(),
	policy: RetryPolicy = RETRY_POLICY,
): number | undefined {
	if (tries >= policy.attempts || !isTransient(fault)) return undefined;
	const asked = retryAfterMs(fault.retryAfter, now);
	if (asked !== undefined) return asked <= policy.maxRetryAfterMs ? asked : undefined;
	const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (tries - 1));
	return ceiling / 2 + random() * (ceiling / 2);
}

/** The fault of an error thrown by n8n's request helpers (the axios error may sit in `cause`). */
export function requestFault(error: unknown, method: string): RequestFault {
	const fault: RequestFault = { method };
	for (let candidate = error, depth = 0; candidate && depth < 4; depth++) {
		const { response, code } = candidate as { response?: { status?: unknown; headers?: Record<string, unknown> }; code?: unknown };
		if (fault.status === undefined && typeof response?.status === 'number') {
			fault.status = response.status;
			const header = response.headers?.['retry-after'];
			if (typeof header === 'string') fault.retryAfter = header;
		}
		if (fault.code === undefined && typeof code === 'string') fault.code = code;
		candidate = (candidate as { cause?: unknown }).cause;
	}
	return fault;
}
