import { sleep, type IDataObject } from 'n8n-workflow';

/**
 * Marks a request whose sender retries it (sendWithTokenRetry): the credential may then answer a
 * 401 with StaleTokenError instead of fetching a token. Removed by the credential's authenticate
 * before the request leaves.
 */
export const RETRIED_REQUEST_HEADER = 'x-n8n-3cx-retried';

export interface RetrySchedule {
	/** Sends in all, the first included. */
	attempts: number;
	/** Wait before the first retry; doubles per retry up to maxMs, each drawn from [half, full]. */
	baseMs: number;
	maxMs: number;
}

/** Ten sends, 5–10 s of backoff in all between plain 401s (a token fetched meanwhile by this process
 * or read from the credential). The token cache's waits for another process's token (up to 2 × its
 * maxStaggerMs) come as StaleTokenError and are waited in full, however long. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { attempts: 10, baseMs: 100, maxMs: 1600 };

/** Milliseconds to wait after failed attempt `attempt` (1-based); `random` in [0, 1). */
export function retryDelay(attempt: number, schedule: RetrySchedule, random: number): number {
	const full = Math.min(schedule.baseMs * 2 ** (attempt - 1), schedule.maxMs);
	return full / 2 + (full / 2) * random;
}

/** The error after the last attempt: says why 3CX keeps rejecting the token and what to do. */
export class TokenRejectedError extends Error {
	readonly description: string;

	constructor(attempts: number) {
		super(`3CX rejected the access token ${attempts} times in a row (HTTP 401)`);
		this.name = 'TokenRejectedError';
		this.description =
			'3CX keeps only one valid token per API client: each token request invalidates the previous token. ' +
			'Something else keeps fetching tokens with this Client ID, e.g. another n8n instance with its own ' +
			'credential or another program. Give it an API client of its own (3CX Admin Console → Integrations → API). ' +
			"n8n's main process and queue-mode workers share this credential's token.";
	}
}

interface ErrorLike {
	name?: unknown;
	httpCode?: unknown;
	status?: unknown;
	statusCode?: unknown;
	response?: { status?: unknown };
	retryAfterMs?: unknown;
	cause?: unknown;
}

/**
 * Whether the PBX rejected the bearer token (HTTP 401 on an API request, possibly wrapped by n8n)
 * or the credential asked for a retry, and how long the credential asked to wait. A failed token
 * request (wrong Client ID or API key) is not a rejection.
 */
export function tokenRejection(error: unknown): { rejected: boolean; retryAfterMs: number } {
	let current = error as ErrorLike | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		if (current.name === 'StaleTokenError') {
			return { rejected: true, retryAfterMs: Number(current.retryAfterMs) || 0 };
		}
		if (current.name === 'TokenExchangeError') break;
		const statuses = [current.httpCode, current.status, current.statusCode, current.response?.status];
		if (statuses.some((status) => Number(status) === 401)) return { rejected: true, retryAfterMs: 0 };
		current = current.cause as ErrorLike | undefined;
	}
	return { rejected: false, retryAfterMs: 0 };
}

export interface RetryDeps {
	sleep(ms: number): Promise<void>;
	random(): number;
	schedule?: RetrySchedule;
}

const REAL_DEPS: RetryDeps = { sleep, random: () => Math.random() };

/**
 * Sends `options` and, while the PBX rejects the token, sends it again (bounded, with jitter).
 * n8n reads the credential anew for every send, so a token another n8n process stored meanwhile
 * is picked up. Other errors are thrown at once.
 */
export async function sendWithTokenRetry<Options extends { headers?: IDataObject }, T>(
	options: Options,
	send: (options: Options) => Promise<T>,
	deps: RetryDeps = REAL_DEPS,
): Promise<T> {
	const schedule = deps.schedule ?? DEFAULT_RETRY_SCHEDULE;
	for (let attempt = 1; ; attempt++) {
		let failure: unknown;
		try {
			return await send({ ...options, headers: { ...options.headers, [RETRIED_REQUEST_HEADER]: '1' } });
		} catch (error) {
			failure = error;
		}
		const { rejected, retryAfterMs } = tokenRejection(failure);
		if (!rejected) throw failure;
		if (attempt >= schedule.attempts) throw new TokenRejectedError(attempt);
		// Jitter after a requested wait too: the items of one process should not all read the credential at once.
		const waitMs = retryAfterMs ? retryAfterMs + deps.random() * schedule.baseMs : retryDelay(attempt, schedule, deps.random());
		await deps.sleep(waitMs);
	}
}
