/**
 * The 3CX XAPI simulator: a loopback HTTP server that behaves like a PBX for tests, benchmarks
 * and the demo. This file wires the rooms together; see simulator/README.md for the layout.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { Simulator, SimulatorOptions } from './api';
import { TokenIssuer } from './auth/tokens';
import { EntityStore } from './entities/store';
import { Faults, Latency, emptyStats, recordRequest, resetStats, trackInFlight } from './http/knobs';
import { drainBody, parseUrl, readBody, xapiSegments } from './http/request';
import { send, sendError } from './http/response';
import { ODataError } from './odata/errors';
import { checkFunctionTopCap, type Row } from './odata/query';
import type { ReportContext } from './reports';
import type { Pbx } from './routes/context';
import { route } from './routes/router';
import { LiveEvents } from './seed/live';
import { specDir } from './spec';

const DEFAULT_VERSION = '20.0.10.915';

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const sim = new SimulatorServer(options);
	await sim.listen(options.port ?? 0);
	return sim.api();
}

class SimulatorServer implements Pbx {
	readonly version: string;
	readonly specDirectory: string;
	readonly reports: ReportContext;
	readonly prompts: Row[] = [];
	baseUrl = '';
	store!: EntityStore;
	live?: LiveEvents;
	private readonly server: http.Server;
	private readonly clientId: string;
	private readonly apiKey: string;
	private readonly stats = emptyStats();
	private readonly tokens: TokenIssuer;
	private readonly latency: Latency;
	private readonly faults = new Faults();
	private closed = false;

	constructor(private readonly opts: SimulatorOptions) {
		if (opts.host !== undefined && opts.host !== '127.0.0.1') throw new Error('The simulator only listens on 127.0.0.1');
		this.clientId = opts.clientId ?? 'n8n';
		this.apiKey = opts.apiKey ?? 'simulator-api-key';
		this.version = opts.version ?? DEFAULT_VERSION;
		this.specDirectory = opts.specDir ?? specDir();
		this.reports = {
			seed: opts.seed ?? 1,
			users: Math.max(0, Math.floor(opts.users ?? 40)),
			callLogRows: Math.max(0, Math.floor(opts.callLogRows ?? 10_000)),
		};
		this.latency = new Latency(opts.latencyMs ?? 0);
		const lifetimeMs = (opts.tokenLifetimeSeconds ?? 3600) * 1000;
		const settings = { clientId: this.clientId, apiKey: this.apiKey, lifetimeMs, expiresInUnit: opts.expiresInUnit ?? 'seconds' } as const;
		this.tokens = new TokenIssuer(settings, this.stats, () => this.baseUrl);
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((e) => sendError(res, e));
		});
		this.server.keepAliveTimeout = 5000;
	}

	isClosed(): boolean {
		return this.closed;
	}

	listen(port: number): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				const addr = this.server.address() as AddressInfo;
				this.baseUrl = `http://127.0.0.1:${addr.port}`;
				const { seed, users } = this.reports;
				this.store = new EntityStore({ seed, users, contacts: Math.max(0, Math.floor(this.opts.contacts ?? 150)), baseUrl: this.baseUrl });
				if (this.opts.liveEvents) this.live = new LiveEvents(this.store, seed, users, () => this.baseUrl);
				resolve();
			});
		});
	}

	api(): Simulator {
		const stats = this.stats;
		return {
			url: this.baseUrl,
			clientId: this.clientId,
			apiKey: this.apiKey,
			get stats() {
				return stats;
			},
			invalidateTokens: () => this.tokens.invalidateAll(),
			inject: (f) => this.faults.inject(f),
			setLatency: (ms) => {
				this.latency.ms = Math.max(0, ms);
			},
			resetStats: () => resetStats(stats),
			live: this.live,
			close: () => this.close(),
		};
	}

	close(): Promise<void> {
		if (this.closed) return Promise.resolve();
		this.closed = true;
		this.latency.cancel();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = parseUrl(req.url);
		recordRequest(this.stats, req, res, url.path);
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.isXapi) {
			this.stats.apiRequests++;
			trackInFlight(this.stats, res);
			res.setHeader('X-3CX-Version', this.version);
			await this.latency.wait();
			if (this.closed) return;
		}
		const fault = this.faults.take(url.rawUrl, url.isXapi);
		if (fault?.stallMs) {
			await this.latency.sleep(fault.stallMs);
			if (this.closed) return;
		}
		if (fault?.revokeTokens) this.tokens.invalidateAll();
		if (fault?.reset) {
			req.socket.destroy();
			return;
		}
		if (fault?.status !== undefined) {
			await drainBody(req);
			send(res, fault.status, fault.body ?? new ODataError(fault.status, `Injected fault: HTTP ${fault.status}`).body(), fault.headers);
			return;
		}
		if (url.rawPath === '/connect/token') return this.tokens.answer(req, res, method);
		if (!url.isXapi) return send(res, 404, 'Not Found');
		if (!this.tokens.authorized(req)) {
			this.stats.unauthorized++;
			await drainBody(req);
			send(res, 401, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
			return;
		}
		const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req);
		const segments = xapiSegments(url.rawPath);
		const query = new URLSearchParams(url.rawQuery);
		checkFunctionTopCap(segments, query);
		await route(this, { req, res, method, rawUrl: url.rawUrl, query, segments, body });
	}
}
