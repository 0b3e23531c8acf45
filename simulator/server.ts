/**
 * The 3CX XAPI simulator: a loopback HTTP server that behaves like a PBX for tests, benchmarks
 * and the demo. See simulator/README.md.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { EntitySet, EntityStore, Row, SET_DEFS, notFound } from './entities';
import { parseMultipart, wav } from './files';
import {
	BoundValue,
	CallSegment,
	ODataError,
	ParamDef,
	QueryOptions,
	applyQuery,
	bindFunctionArgs,
	contextUrl,
	decodeSegment,
	parseCallSegment,
	parseLiteral,
	parseQueryOptions,
	project,
} from './odata';
import { ReportContext, RowSource, csvLine, findReport, iterateReport, queryReport, schemaSource } from './reports';
import { SpecIndex, SpecOp, loadSpec, specDir, specFile } from './spec';

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

const REQUEST_RING = 2000;
const MAX_BODY = 50 * 1024 * 1024;
const DEFAULT_VERSION = '20.0.10.915';

interface Ctx {
	req: http.IncomingMessage;
	res: http.ServerResponse;
	method: string;
	rawUrl: string;
	query: URLSearchParams;
	segments: string[];
	body?: Buffer;
}

class HttpError extends Error {
	constructor(readonly status: number, message: string) {
		super(message);
	}
}

function b64url(x: Buffer | string): string {
	return Buffer.from(x).toString('base64url');
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const sim = new SimulatorServer(options);
	await sim.listen(options.port ?? 0);
	return sim.api();
}

class SimulatorServer {
	private readonly server: http.Server;
	private readonly clientId: string;
	private readonly apiKey: string;
	private readonly lifetimeMs: number;
	private readonly expiresInUnit: 'seconds' | 'minutes';
	private readonly version: string;
	private readonly seed: number;
	private readonly users: number;
	private readonly callLogRows: number;
	private readonly specDirectory: string;
	private readonly signingKey = crypto.randomBytes(32);
	private latencyMs: number;
	private faults: Array<Required<Pick<Fault, 'status'>> & { remaining: number; match?: RegExp; body?: unknown }> = [];
	private current = new Map<string, { token: string; expMs: number }>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private closed = false;
	private store!: EntityStore;
	private baseUrl = '';
	private readonly prompts: Row[] = [];
	readonly stats: SimulatorStats = { tokenRequests: 0, failedTokenRequests: 0, apiRequests: 0, unauthorized: 0, requests: [] };

	constructor(private readonly opts: SimulatorOptions) {
		if (opts.host !== undefined && opts.host !== '127.0.0.1') throw new Error('The simulator only listens on 127.0.0.1');
		this.clientId = opts.clientId ?? 'n8n';
		this.apiKey = opts.apiKey ?? 'simulator-api-key';
		this.lifetimeMs = (opts.tokenLifetimeSeconds ?? 3600) * 1000;
		this.expiresInUnit = opts.expiresInUnit ?? 'seconds';
		this.version = opts.version ?? DEFAULT_VERSION;
		this.seed = opts.seed ?? 1;
		this.users = Math.max(0, Math.floor(opts.users ?? 40));
		this.callLogRows = Math.max(0, Math.floor(opts.callLogRows ?? 10_000));
		this.latencyMs = opts.latencyMs ?? 0;
		this.specDirectory = opts.specDir ?? specDir();
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((e) => this.fail(res, e));
		});
		this.server.keepAliveTimeout = 5000;
	}

	listen(port: number): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				const addr = this.server.address() as AddressInfo;
				this.baseUrl = `http://127.0.0.1:${addr.port}`;
				this.store = new EntityStore({ seed: this.seed, users: this.users, contacts: Math.max(0, Math.floor(this.opts.contacts ?? 150)), baseUrl: this.baseUrl });
				resolve();
			});
		});
	}

	api(): Simulator {
		// eslint-disable-next-line @typescript-eslint/no-this-alias
		const self = this;
		return {
			url: this.baseUrl,
			clientId: this.clientId,
			apiKey: this.apiKey,
			get stats() {
				return self.stats;
			},
			invalidateTokens: () => this.current.clear(),
			inject: (f) => {
				if (!Number.isInteger(f.status) || f.status < 100 || f.status > 599) throw new Error(`inject: bad status ${f.status}`);
				this.faults.push({ status: f.status, remaining: f.times ?? 1, match: f.match, body: f.body });
			},
			setLatency: (ms) => {
				this.latencyMs = Math.max(0, ms);
			},
			resetStats: () => {
				this.stats.tokenRequests = 0;
				this.stats.failedTokenRequests = 0;
				this.stats.apiRequests = 0;
				this.stats.unauthorized = 0;
				this.stats.requests.length = 0;
			},
			close: () => this.close(),
		};
	}

	close(): Promise<void> {
		if (this.closed) return Promise.resolve();
		this.closed = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private delay(ms: number): Promise<void> {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			this.timers.add(t);
		});
	}

	// ---- plumbing ------------------------------------------------------------------------------

	private record(req: http.IncomingMessage, res: http.ServerResponse, path: string): void {
		res.once('finish', () => {
			const ring = this.stats.requests;
			ring.push({ method: req.method ?? '', path, rawUrl: req.url ?? '', status: res.statusCode });
			if (ring.length > REQUEST_RING) ring.splice(0, ring.length - REQUEST_RING);
		});
	}

	private readBody(req: http.IncomingMessage): Promise<Buffer> {
		return new Promise((resolve, reject) => {
			const chunks: Buffer[] = [];
			let size = 0;
			req.on('data', (c: Buffer) => {
				size += c.length;
				if (size > MAX_BODY) {
					reject(new HttpError(413, 'Request body too large'));
					req.destroy();
					return;
				}
				chunks.push(c);
			});
			req.on('end', () => resolve(Buffer.concat(chunks)));
			req.on('error', reject);
		});
	}

	private send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
		if (res.headersSent) {
			res.end();
			return;
		}
		if (body === undefined) {
			res.writeHead(status, headers);
			res.end();
			return;
		}
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		res.writeHead(status, {
			'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
			'Content-Length': String(Buffer.byteLength(text)),
			...(typeof body === 'string' ? {} : { 'OData-Version': '4.0' }),
			...headers,
		});
		res.end(text);
	}

	private fail(res: http.ServerResponse, e: unknown): void {
		if (e instanceof ODataError) this.send(res, e.status, e.body());
		else if (e instanceof HttpError) this.send(res, e.status, new ODataError(e.status, e.message).body());
		else this.send(res, 500, new ODataError(500, `Simulator error: ${(e as Error)?.message ?? String(e)}`).body());
	}

	private takeFault(rawUrl: string, isXapi: boolean) {
		for (const f of this.faults) {
			if (f.match) {
				f.match.lastIndex = 0;
				if (!f.match.test(rawUrl)) continue;
			} else if (!isXapi) continue;
			f.remaining--;
			if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
			return f;
		}
		return undefined;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const rawUrl = req.url ?? '/';
		const q = rawUrl.indexOf('?');
		const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
		const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
		let path = rawPath;
		try {
			path = decodeURIComponent(rawPath);
		} catch {
			/* keep raw */
		}
		this.record(req, res, path);
		const method = (req.method ?? 'GET').toUpperCase();
		const isXapi = rawPath === '/xapi/v1' || rawPath.startsWith('/xapi/v1/');
		if (isXapi) {
			this.stats.apiRequests++;
			res.setHeader('X-3CX-Version', this.version);
			await this.delay(this.latencyMs);
			if (this.closed) return;
		}
		const fault = this.takeFault(rawUrl, isXapi);
		if (fault) {
			// drain the body so keep-alive stays usable
			await this.readBody(req).catch(() => undefined);
			const body = fault.body ?? new ODataError(fault.status, `Injected fault: HTTP ${fault.status}`).body();
			this.send(res, fault.status, body);
			return;
		}
		if (rawPath === '/connect/token') return this.token(req, res, method);
		if (!isXapi) return this.send(res, 404, 'Not Found');
		if (!this.authorized(req)) {
			this.stats.unauthorized++;
			await this.readBody(req).catch(() => undefined);
			this.send(res, 401, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
			return;
		}
		const body = method === 'GET' || method === 'DELETE' ? undefined : await this.readBody(req);
		const segments = rawPath
			.slice('/xapi/v1'.length)
			.split('/')
			.filter((s, i) => !(i === 0 && s === ''))
			.map(decodeSegment);
		if (segments.length && segments[segments.length - 1] === '') segments.pop();
		const ctx: Ctx = { req, res, method, rawUrl, query: new URLSearchParams(rawQuery), segments, body };
		await this.route(ctx);
	}

	// ---- token -------------------------------------------------------------------------------

	private async token(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
		this.stats.tokenRequests++;
		const raw = (await this.readBody(req)).toString('utf8');
		if (method !== 'POST') {
			this.stats.failedTokenRequests++;
			return this.send(res, 405, { error: 'invalid_request', error_description: 'Use POST' });
		}
		const form = new URLSearchParams(raw);
		const id = form.get('client_id');
		const secret = form.get('client_secret');
		const grant = form.get('grant_type');
		if (grant !== 'client_credentials') {
			this.stats.failedTokenRequests++;
			return this.send(res, 400, { error: 'unsupported_grant_type', error_description: `The grant type '${grant ?? ''}' is not supported.` });
		}
		if (id !== this.clientId || secret !== this.apiKey) {
			this.stats.failedTokenRequests++;
			return this.send(res, 401, { error: 'unauthorized', error_description: 'The client credentials are invalid (client_id or client_secret).' });
		}
		const now = Date.now();
		const expMs = now + this.lifetimeMs;
		const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
		const payload = b64url(
			JSON.stringify({
				iss: this.baseUrl,
				aud: 'xapi',
				client_id: id,
				sub: id,
				jti: crypto.randomUUID(),
				iat: Math.floor(now / 1000),
				nbf: Math.floor(now / 1000),
				exp: Math.ceil(expMs / 1000),
			}),
		);
		const sig = b64url(crypto.createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest());
		const token = `${header}.${payload}.${sig}`;
		this.current.set(id, { token, expMs }); // one valid token per client: the previous one dies
		const lifetimeS = this.lifetimeMs / 1000;
		const expiresIn = this.expiresInUnit === 'minutes' ? Math.round(lifetimeS / 60) : Math.round(lifetimeS);
		this.send(res, 200, { token_type: 'Bearer', expires_in: expiresIn, access_token: token, refresh_token: null }, { 'Cache-Control': 'no-store' });
	}

	private authorized(req: http.IncomingMessage): boolean {
		const h = req.headers.authorization;
		const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
		if (!m) return false;
		const token = m[1];
		const parts = token.split('.');
		if (parts.length !== 3) return false;
		let clientId: string;
		try {
			clientId = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')).client_id;
		} catch {
			return false;
		}
		const cur = this.current.get(clientId);
		return !!cur && cur.token === token && Date.now() < cur.expMs;
	}

	// ---- routing -----------------------------------------------------------------------------

	private reportCtx(): ReportContext {
		return { seed: this.seed, users: this.users, callLogRows: this.callLogRows };
	}

	private async route(c: Ctx): Promise<void> {
		const [s0, s1] = c.segments;
		const n = c.segments.length;
		if (n === 0) throw new ODataError(404, 'No HTTP resource was found that matches the request URI.');
		const call0 = parseCallSegment(s0);
		const setName = call0 ? call0.name : s0;

		if (n === 1 && s0 === 'swagger.yaml' && c.method === 'GET') return this.serveSpecFile(c);
		if (n === 1 && s0.toLowerCase() === 'customprompts' && c.method === 'POST') return this.uploadPrompt(c);
		if (setName === 'CustomPrompts' && n === 1) return this.customPrompts(c, call0);
		if (n === 1 && s0 === 'Defs' && c.method === 'GET') return this.defs(c);

		// report functions
		if (n === 2 && s0.startsWith('Report')) {
			const call = parseCallSegment(s1);
			const def = call ? findReport(s0, call.name) : undefined;
			if (def && call) {
				if (c.method !== 'GET') throw new ODataError(405, `The HTTP method '${c.method}' is not allowed for function '${call.name}'.`);
				const args = bindFunctionArgs(call.name, def.params, call.args);
				return this.answerReport(c, def.source(args, this.reportCtx()), def.csvName);
			}
		}

		// files
		if (n === 2) {
			const call = parseCallSegment(s1);
			if (call && (await this.fileFunction(c, setName, call0, call))) return;
		}

		const set = SET_DEFS[setName] ? this.store.get(setName) : undefined;
		if (set) {
			if (n === 1 && !call0) return this.collection(c, set);
			if (n === 1 && call0) return this.entity(c, set, call0);
			if (n === 2 && call0 && !s1.includes('.') && !s1.includes('(') && set.nav.has(s1)) return this.navigation(c, set, call0, s1);
			if (n === 2 && !call0 && setName === 'Users' && s1 === 'Pbx.GetFirstAvailableExtensionNumber()' && c.method === 'GET') {
				return this.send(c.res, 200, { '@odata.context': `${this.baseUrl}/xapi/v1/$metadata#Pbx.FirstAvailableNumber`, Number: this.store.nextNumber() });
			}
			if (n === 2 && call0 && setName === 'ActiveCalls' && s1 === 'Pbx.DropCall' && c.method === 'POST') {
				const id = this.keyOf(set, call0);
				this.store.remove('ActiveCalls', id);
				return this.send(c.res, 204);
			}
		}
		return this.fromSpec(c);
	}

	private async serveSpecFile(c: Ctx): Promise<void> {
		const file = specFile(this.specDirectory, this.version);
		if (!file) throw new ODataError(404, 'swagger.yaml is not available (spec folder not found).');
		const data = await fs.promises.readFile(file);
		c.res.writeHead(200, { 'Content-Type': 'application/yaml; charset=utf-8', 'Content-Length': String(data.length) });
		c.res.end(data);
	}

	private defs(c: Ctx): void {
		const q = parseQueryOptions(c.query, 'Pbx.Defs', new Set(['Id']), new Set(['Codecs', 'GatewayParameters', 'GatewayParameterValues', 'TimeZones']));
		this.send(c.res, 200, { '@odata.context': `${this.baseUrl}/xapi/v1/$metadata#Defs${q.select ? `(${q.select.join(',')})` : ''}`, Id: 1 });
	}

	// ---- entity sets ---------------------------------------------------------------------------

	private queryFor(c: Ctx, set: EntitySet, capped: boolean): QueryOptions {
		return parseQueryOptions(c.query, set.def.type, set.props, set.nav, capped ? set.def.topCap : undefined);
	}

	private collection(c: Ctx, set: EntitySet): void {
		if (c.method === 'GET') {
			const q = this.queryFor(c, set, true);
			const { value, count } = applyQuery(set.rows.values(), q, set.nav);
			return this.sendCollection(c, contextUrl(this.baseUrl, set.def.name, q), value, q.count ? count : undefined);
		}
		if (c.method === 'POST' && set.def.writable) {
			const row = this.store.create(set.def.name, this.json(c));
			const out = project(row, { skip: 0, count: false, orderby: [], expand: [] }, set.nav);
			return this.send(c.res, 201, { '@odata.context': `${this.baseUrl}/xapi/v1/$metadata#${set.def.name}/$entity`, ...out }, { Location: `${this.baseUrl}/xapi/v1/${set.def.name}(${row.Id})` });
		}
		throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on '${set.def.name}'.`);
	}

	private keyOf(set: EntitySet, call: CallSegment): number {
		if (call.args.length !== 1) throw new ODataError(400, `The key of '${set.def.name}' is a single Id.`);
		const a = call.args[0];
		if (a.name === 'Number' && set.def.numberKey) {
			const lit = parseLiteral(a.raw);
			if (lit.kind !== 'string') throw new ODataError(400, `The key value '${a.raw}' is not valid for the key 'Number': strings must be single-quoted.`);
			const row = this.store.findByNumber(set.def.name, lit.value);
			if (!row) throw notFound(set.def.name, `Number='${lit.value}'`);
			return row.Id as number;
		}
		if (a.name !== undefined && a.name !== 'Id') throw new ODataError(404, `'${a.name}' is not a key of '${set.def.name}'.`);
		const lit = parseLiteral(a.raw);
		if (lit.kind !== 'int') throw new ODataError(400, `The key value '${a.raw}' is not valid for type 'Edm.Int32'.`);
		return lit.value;
	}

	private entity(c: Ctx, set: EntitySet, call: CallSegment): void {
		if (!set.def.writable) throw new ODataError(404, `No HTTP resource was found that matches the request URI: '${set.def.name}' cannot be addressed by key.`);
		const byNumber = call.args[0]?.name === 'Number';
		const id = this.keyOf(set, call);
		if (c.method === 'GET') {
			const row = set.rows.get(id);
			if (!row) throw notFound(set.def.name, id);
			const q = this.queryFor(c, set, false);
			return this.send(c.res, 200, { '@odata.context': `${this.baseUrl}/xapi/v1/$metadata#${set.def.name}${q.select ? `(${q.select.join(',')})` : ''}/$entity`, ...project(row, q, set.nav) });
		}
		if (byNumber) throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on an alternate key.`);
		if (c.method === 'PATCH') {
			this.store.update(set.def.name, id, this.json(c));
			return this.send(c.res, 204);
		}
		if (c.method === 'DELETE') {
			this.store.remove(set.def.name, id);
			return this.send(c.res, 204);
		}
		throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on '${set.def.name}(${id})'.`);
	}

	private navigation(c: Ctx, set: EntitySet, call: CallSegment, nav: string): void {
		if (c.method !== 'GET') throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on '${nav}'.`);
		if (!set.def.writable) throw new ODataError(404, 'No HTTP resource was found that matches the request URI.');
		const id = this.keyOf(set, call);
		const row = set.rows.get(id);
		if (!row) throw notFound(set.def.name, id);
		const items = (row[nav] as Row[]) ?? [];
		const props = new Set<string>();
		for (const it of items) for (const k of Object.keys(it)) props.add(k);
		if (props.size === 0) ['Id', 'Name', 'Number'].forEach((k) => props.add(k));
		const q = parseQueryOptions(c.query, `${set.def.type}.${nav}`, props, new Set());
		const { value, count } = applyQuery(items, q);
		return this.sendCollection(c, `${this.baseUrl}/xapi/v1/$metadata#${set.def.name}(${id})/${nav}`, value, q.count ? count : undefined);
	}

	private json(c: Ctx): unknown {
		const text = c.body?.toString('utf8') ?? '';
		if (text.trim() === '') throw new ODataError(400, 'The request body is empty; a JSON object is required.');
		try {
			return JSON.parse(text);
		} catch (e) {
			throw new ODataError(400, `The request body is not valid JSON: ${(e as Error).message}`);
		}
	}

	private sendCollection(c: Ctx, context: string, value: unknown[], count?: number): void {
		const body: Record<string, unknown> = { '@odata.context': context };
		if (count !== undefined) body['@odata.count'] = count;
		body.value = value;
		this.send(c.res, 200, body);
	}

	// ---- reports and files -------------------------------------------------------------------

	private async answerReport(c: Ctx, src: RowSource, csvName?: string): Promise<void> {
		const props = new Set(src.props);
		if (csvName) {
			const q = parseQueryOptions(c.query, src.type, props, new Set());
			return this.sendCsv(c, `${csvName}.csv`, q.select ?? src.props, iterateReport(src, q));
		}
		const q = parseQueryOptions(c.query, src.type, props, new Set());
		const { value, count } = queryReport(src, q);
		this.sendCollection(c, `${this.baseUrl}/xapi/v1/$metadata#Collection(${src.type})`, value, q.count ? count : undefined);
	}

	private async sendCsv(c: Ctx, filename: string, columns: string[], rows: Iterable<Row>): Promise<void> {
		const res = c.res;
		res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"` });
		let buf = '\ufeff' + csvLine(columns);
		for (const row of rows) {
			buf += csvLine(columns.map((k) => row[k]));
			if (buf.length > 64 * 1024) {
				const ok = res.write(buf);
				buf = '';
				if (!ok) await new Promise<void>((r) => res.once('drain', () => r()));
				if (this.closed || res.destroyed) return;
			}
		}
		res.end(buf);
	}

	private sendFile(c: Ctx, contentType: string, filename: string, data: Buffer | string): void {
		const buf = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
		c.res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(buf.length), 'Content-Disposition': `attachment; filename="${filename}"` });
		c.res.end(buf);
	}

	/** Modelled file functions; true when handled. */
	private async fileFunction(c: Ctx, setName: string, key: CallSegment | undefined, call: CallSegment): Promise<boolean> {
		const fn = (defs: ParamDef[]): Record<string, BoundValue> => {
			if (c.method !== 'GET') throw new ODataError(405, `The HTTP method '${c.method}' is not allowed for function '${call.name}'.`);
			return bindFunctionArgs(call.name, defs, call.args);
		};
		if (!key && setName === 'Recordings' && call.name === 'Pbx.DownloadRecording') {
			const { recId } = fn([{ name: 'recId', kind: 'int' }]);
			const id = recId as number;
			const known = this.store.get('Recordings')!.rows.has(id) || (id >= 10_000 && id < 10_000 + this.callLogRows);
			if (!known) throw notFound('Recordings', id);
			this.sendFile(c, 'audio/x-wav', `recording_${id}.wav`, wav(id, 1));
			return true;
		}
		if (!key && setName === 'Users' && call.name === 'Pbx.DownloadGreeting') {
			const { userId, fileName } = fn([{ name: 'userId', kind: 'int' }, { name: 'fileName', kind: 'string' }]);
			if (!this.store.get('Users')!.rows.has(userId as number)) throw notFound('Users', userId);
			const name = String(fileName ?? 'greeting.wav').split('/').pop() || 'greeting.wav';
			this.sendFile(c, 'audio/x-wav', name, wav(userId as number));
			return true;
		}
		if (!key && setName === 'Users' && call.name === 'Pbx.ExportExtensions') {
			fn([]);
			const cols = ['Number', 'FirstName', 'LastName', 'EmailAddress', 'Mobile', 'OutboundCallerID', 'Language', 'Enabled'];
			await this.sendCsv(c, 'extensions.csv', cols, this.store.get('Users')!.rows.values());
			return true;
		}
		if (key && setName === 'Trunks' && call.name === 'Pbx.ExportTrunk') {
			fn([]);
			const set = this.store.get('Trunks')!;
			const id = this.keyOf(set, key);
			const t = set.rows.get(id);
			if (!t) throw notFound('Trunks', id);
			const gw = t.Gateway as Row;
			const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Trunk Number="${t.Number}">\n  <Name>${String(gw.Name)}</Name>\n  <Host>${String(gw.Host)}</Host>\n  <Port>${String(gw.Port)}</Port>\n  <SimultaneousCalls>${String(t.SimultaneousCalls)}</SimultaneousCalls>\n</Trunk>\n`;
			this.sendFile(c, 'application/xml', `trunk_${t.Number}.xml`, xml);
			return true;
		}
		if (!key && setName === 'CallCostSettings' && call.name === 'Pbx.ExportCallCosts') {
			fn([]);
			const rows = ['44', '49', '1', '33', '61'].map((p, i) => ({ Prefix: `00${p}`, Description: ['United Kingdom', 'Germany', 'USA', 'France', 'Australia'][i], Rate: (0.02 + i * 0.01).toFixed(2), Interval: 60 }));
			await this.sendCsv(c, 'callcosts.csv', ['Prefix', 'Description', 'Rate', 'Interval'], rows);
			return true;
		}
		if (!key && (setName === 'CallHistoryView' || setName === 'EventLogs') && /^Pbx\.Download(CallHistory|EventLogs)$/.test(call.name)) {
			fn([]);
			const set = this.store.get(setName)!;
			const q = parseQueryOptions(c.query, set.def.type, set.props, set.nav);
			const { value } = applyQuery(set.rows.values(), q, set.nav);
			await this.sendCsv(c, setName === 'EventLogs' ? 'EventLogs.csv' : 'CallHistory.csv', q.select ?? [...set.props], value);
			return true;
		}
		return false;
	}

	// ---- custom prompts ------------------------------------------------------------------------

	private uploadPrompt(c: Ctx): void {
		const parts = parseMultipart(c.req.headers['content-type'], c.body ?? Buffer.alloc(0));
		if (!parts) throw new ODataError(400, 'The request must be multipart/form-data with a part named "file".');
		const file = parts.find((p) => p.name === 'file');
		if (!file) throw new ODataError(400, 'The multipart body has no part named "file".');
		const name = (file.filename ?? 'prompt.wav').split(/[\\/]/).pop() || 'prompt.wav';
		const path = `Custom/GRP0002/${name}`;
		const existing = this.prompts.findIndex((p) => p.Filename === name);
		const row = { CanBeDeleted: true, DisplayName: name.replace(/\.[^.]+$/, ''), FileLink: path, Filename: name, PromptType: 'File' };
		if (existing >= 0) this.prompts[existing] = row;
		else this.prompts.push(row);
		this.send(c.res, 200, { '@odata.context': `${this.baseUrl}/xapi/v1/$metadata#Edm.String`, value: path });
	}

	private customPrompts(c: Ctx, key: CallSegment | undefined): void {
		if (!key && c.method === 'GET') {
			const props = new Set(['CanBeDeleted', 'DisplayName', 'FileLink', 'Filename', 'PromptType']);
			const q = parseQueryOptions(c.query, 'Pbx.CustomPrompt', props, new Set());
			const { value, count } = applyQuery(this.prompts, q);
			return this.sendCollection(c, `${this.baseUrl}/xapi/v1/$metadata#CustomPrompts`, value, q.count ? count : undefined);
		}
		if (key && c.method === 'DELETE' && key.args.length === 1) {
			const lit = parseLiteral(key.args[0].raw);
			if (lit.kind !== 'string') throw new ODataError(400, `The key value '${key.args[0].raw}' is not valid for type 'Edm.String'.`);
			const i = this.prompts.findIndex((p) => p.Filename === lit.value);
			if (i < 0) throw notFound('CustomPrompts', lit.value);
			this.prompts.splice(i, 1);
			return this.send(c.res, 204);
		}
		throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on 'CustomPrompts'.`);
	}

	// ---- everything else: answered from the spec ---------------------------------------------

	private async spec(): Promise<SpecIndex | undefined> {
		const file = specFile(this.specDirectory, this.version);
		if (!file) return undefined;
		return loadSpec(file);
	}

	private async fromSpec(c: Ctx): Promise<void> {
		const spec = await this.spec();
		if (!spec) throw new ODataError(501, `The simulator does not model '${c.method} /xapi/v1/${c.segments.join('/')}' and no spec was found in ${this.specDirectory} (set THREECX_XAPI_SPEC_DIR).`);
		if (this.closed) return;
		const { op } = spec.match(c.method, c.segments);
		const last = op.segs[op.segs.length - 1].name;
		const fnName = last.startsWith('Pbx.') ? last.slice(4) : '';
		if (c.method === 'GET' && c.segments[0].startsWith('Report') && fnName) {
			const item = spec.collectionItem(op);
			if (item) {
				const args = spec.match(c.method, c.segments).args;
				const src = schemaSource(item.type, item.props, `${c.segments[0]}/${fnName}`, args, this.reportCtx());
				return this.answerReport(c, src, fnName.startsWith('Download') ? fnName.replace(/^Download(Get)?/, '') : undefined);
			}
		}
		if (spec.isActionResult(op)) return this.genericFile(c, op, fnName);
		if (c.body && c.body.length && /json/i.test(c.req.headers['content-type'] ?? '')) this.json(c); // must at least be JSON
		const r = spec.respond(op);
		if (r.status === 204 || r.body === undefined) return this.send(c.res, r.status === 200 ? 204 : r.status);
		let body = r.body;
		if (body && typeof body === 'object' && !Array.isArray(body)) {
			const b: Row = 'value' in (body as Row) || '@odata.context' in (body as Row) ? { '@odata.context': `${this.baseUrl}/xapi/v1/$metadata#${c.segments[0].split('(')[0]}` } : {};
			for (const [k, v] of Object.entries(body as Row)) if (k !== '@odata.context') b[k] = v;
			if ('@odata.count' in b && c.query.get('$count') !== 'true') delete b['@odata.count'];
			if ('@odata.nextLink' in b) delete b['@odata.nextLink'];
			body = b;
		}
		this.send(c.res, r.status, body);
	}

	private genericFile(c: Ctx, op: SpecOp, fnName: string): void {
		if (op.method !== 'GET') return this.send(c.res, 204);
		if (/Recording|Greeting|Playlist|Prompt|Audio/i.test(fnName)) return this.sendFile(c, 'audio/x-wav', `${fnName}.wav`, wav(fnName.length));
		if (/^Export/.test(fnName)) return this.sendFile(c, 'text/csv; charset=utf-8', `${fnName.replace(/^Export/, '')}.csv`, 'Id,Name\r\n1,Example\r\n');
		return this.sendFile(c, 'application/octet-stream', `${fnName || 'file'}.bin`, Buffer.from(`simulated ${op.operationId}\n`));
	}
}
