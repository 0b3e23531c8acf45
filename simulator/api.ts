/** The simulator's public types: its options, the handle `startSimulator` returns, its counters and faults. */
import type { LiveControl } from './seed/live';

export interface SimulatorOptions {
	host?: '127.0.0.1';
	/** 0 = ephemeral */
	port?: number;
	/** default 'n8n' */
	clientId?: string;
	/** default 'simulator-api-key' */
	apiKey?: string;
	/** default 3600 */
	tokenLifetimeSeconds?: number;
	/** 'seconds' (20.0.9+, default) or 'minutes' (20.0.8 and older) */
	expiresInUnit?: 'seconds' | 'minutes';
	/** default 40 */
	users?: number;
	/** default 150 */
	contacts?: number;
	/** default 10 000 */
	callLogRows?: number;
	latencyMs?: number;
	/** X-3CX-Version header; also picks the spec file (xapi-20.0.8.yaml for '20.0.8.x'). Default '20.0.10.915' */
	version?: string;
	/** default 1 */
	seed?: number;
	/** default: env THREECX_XAPI_SPEC_DIR or ../shared/3cx-xapi/ */
	specDir?: string;
	/** history that grows while the simulator runs, driven through `Simulator.live` (seed/live.ts) */
	liveEvents?: boolean;
}

export interface RequestRecord {
	method: string;
	path: string;
	rawUrl: string;
	status: number;
}

export interface SimulatorStats {
	tokenRequests: number;
	failedTokenRequests: number;
	apiRequests: number;
	unauthorized: number;
	/** /xapi requests being answered now, and the most at once since the last reset */
	inFlight: number;
	peakInFlight: number;
	/** bounded ring: the last 2000 requests */
	requests: RequestRecord[];
}

/** What the matching requests get instead of (or before) their answer; at least one of
 * `status`, `reset`, `stallMs` and `revokeTokens`. */
export interface Fault {
	/** answer with this status */
	status?: number;
	/** default 1 */
	times?: number;
	/** tested against the raw URL; without it the fault hits the next /xapi requests only */
	match?: RegExp;
	/** default: an OData error body; a string goes out as text (set Content-Type in `headers`) */
	body?: unknown;
	/** extra answer headers, e.g. Retry-After, or Content-Type: text/html for a proxy's error page */
	headers?: Record<string, string>;
	/** close the connection without answering (the client sees ECONNRESET / socket hang up) */
	reset?: boolean;
	/** wait this long first; then the fault's status or reset, or else the normal answer */
	stallMs?: number;
	/** revoke every token first, like another client taking the token: this request gets 401 */
	revokeTokens?: boolean;
}

export interface Simulator {
	/** http://127.0.0.1:PORT */
	url: string;
	clientId: string;
	apiKey: string;
	stats: SimulatorStats;
	/** like another client taking the token: the current token stops working */
	invalidateTokens(): void;
	/** the next matching requests fail with this status */
	inject(fault: Fault): void;
	setLatency(ms: number): void;
	/** with `liveEvents`: add calls, recordings, log entries, agent log-ins … as they happen */
	live?: LiveControl;
	resetStats(): void;
	close(): Promise<void>;
}

