/** The simulator's public types: its options, the handle `startSimulator` returns, its counters and faults. */

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
	/** bounded ring: the last 2000 requests */
	requests: RequestRecord[];
}

export interface Fault {
	status: number;
	/** default 1 */
	times?: number;
	/** tested against the raw URL; without it the fault hits the next /xapi requests only */
	match?: RegExp;
	/** default: an OData error body */
	body?: unknown;
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
	resetStats(): void;
	close(): Promise<void>;
}

