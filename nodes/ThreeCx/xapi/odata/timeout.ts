import type { XapiOperation } from '../types';
import { InputProblem } from './values';

/**
 * The node's own request timeout (Options → Timeout, in seconds), so a PBX that stalls fails the
 * item within a minute instead of n8n's 5-minute default. Reports and downloads may take the PBX
 * a while to compute, so they get longer.
 */
export const ENTITY_TIMEOUT_S = 60;
export const LONG_TIMEOUT_S = 300;

/** Reports (`/Report…` sets) and file answers are slow by nature. */
export function defaultTimeoutSeconds(op: Pick<XapiOperation, 'output' | 'path'>): number {
	return op.output === 'file' || /^\/Report/.test(op.path) ? LONG_TIMEOUT_S : ENTITY_TIMEOUT_S;
}

/** Options → Timeout (seconds, > 0) or the operation's default. */
export function timeoutSeconds(op: Pick<XapiOperation, 'output' | 'path'>, option: unknown): number {
	if (option === undefined || option === null || option === '') return defaultTimeoutSeconds(op);
	const seconds = typeof option === 'string' ? Number(option) : option;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
		throw new InputProblem('timeout', 'a number of seconds greater than 0', option);
	}
	return seconds;
}

/** Did the request fail because our timeout ran out (axios: ECONNABORTED "timeout of … exceeded")? */
export function isTimeout(error: unknown): boolean {
	for (let candidate = error, depth = 0; candidate && depth < 4; depth++) {
		const { code, message } = candidate as { code?: unknown; message?: unknown };
		if (code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(String(message)))) return true;
		candidate = (candidate as { cause?: unknown }).cause;
	}
	return false;
}
