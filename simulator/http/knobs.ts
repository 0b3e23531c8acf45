/** The knobs tests turn on the HTTP layer: added latency, injected faults, request counters. */
import type * as http from 'http';
import type { Fault, SimulatorStats } from '../api';

const REQUEST_RING = 2000;

/** A delay before every /xapi answer; `cancel()` drops the pending ones when the server closes. */
export class Latency {
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(public ms: number) {}

	wait(): Promise<void> {
		return this.sleep(this.ms);
	}

	/** A delay that `cancel()` also drops (stalls use it). */
	sleep(ms: number): Promise<void> {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			this.timers.add(t);
		});
	}

	cancel(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
	}
}

interface PendingFault extends Omit<Fault, 'times'> {
	remaining: number;
}

/** Injected faults, taken first come first served by the requests they match. */
export class Faults {
	private pending: PendingFault[] = [];

	inject(f: Fault): void {
		if (f.status === undefined && !f.reset && !f.stallMs && !f.revokeTokens) throw new Error('inject: give status, reset, stallMs or revokeTokens');
		if (f.status !== undefined && (!Number.isInteger(f.status) || f.status < 100 || f.status > 599)) throw new Error(`inject: bad status ${f.status}`);
		if (f.stallMs !== undefined && !(f.stallMs >= 0)) throw new Error(`inject: bad stallMs ${f.stallMs}`);
		const { times, ...fault } = f;
		this.pending.push({ ...fault, remaining: times ?? 1 });
	}

	/** The fault this request hits, if any: one with `match` tested against the raw URL, else the next /xapi request. */
	take(rawUrl: string, isXapi: boolean): PendingFault | undefined {
		for (const f of this.pending) {
			if (f.match) {
				f.match.lastIndex = 0;
				if (!f.match.test(rawUrl)) continue;
			} else if (!isXapi) continue;
			f.remaining--;
			if (f.remaining <= 0) this.pending = this.pending.filter((x) => x !== f);
			return f;
		}
		return undefined;
	}
}

export function emptyStats(): SimulatorStats {
	return { tokenRequests: 0, failedTokenRequests: 0, apiRequests: 0, unauthorized: 0, inFlight: 0, peakInFlight: 0, requests: [] };
}

/** Zeroes the counters in place: callers may hold the stats object. */
export function resetStats(stats: SimulatorStats): void {
	stats.tokenRequests = 0;
	stats.failedTokenRequests = 0;
	stats.apiRequests = 0;
	stats.unauthorized = 0;
	stats.peakInFlight = stats.inFlight;
	stats.requests.length = 0;
}

/** Counts an /xapi request as in flight until its connection is done with it. */
export function trackInFlight(stats: SimulatorStats, res: http.ServerResponse): void {
	stats.inFlight++;
	stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
	res.once('close', () => stats.inFlight--);
}

/** Adds the request to the bounded ring once its answer is sent. */
export function recordRequest(stats: SimulatorStats, req: http.IncomingMessage, res: http.ServerResponse, path: string): void {
	res.once('finish', () => {
		const ring = stats.requests;
		ring.push({ method: req.method ?? '', path, rawUrl: req.url ?? '', status: res.statusCode });
		if (ring.length > REQUEST_RING) ring.splice(0, ring.length - REQUEST_RING);
	});
}
