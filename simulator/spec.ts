/**
 * Reading the 3CX XAPI OpenAPI files at run time (never copied into the repo) and answering
 * operations the simulator does not model with a schema-shaped example. Without the spec, the
 * same answers come from the committed simulator/generated/answers.json (./samples.ts).
 *
 * Location: tools/spec/locate.ts (env `THREECX_XAPI_SPEC_DIR`, default `../shared/3cx-xapi/`
 * relative to the repo root); the file is picked by the simulated version.
 */
import * as fs from 'fs';
import * as path from 'path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { sample } from 'openapi-sampler';
import { ODataError } from './odata/errors';
import { BoundValue, ParamDef, ParamKind, bindFunctionArgs, parseCallSegment, parseLiteral } from './odata/literals';

import { specDir as locateSpecDir } from '../tools/spec/locate';

/** The spec folder (THREECX_XAPI_SPEC_DIR or ../shared/3cx-xapi/ next to the repo). */
export function specDir(): string {
	return locateSpecDir();
}

/** `xapi-<major.minor.patch>.yaml` for a version like `20.0.8.1234`; falls back to the newest file. */
export function specFile(dir: string, version?: string): string | undefined {
	if (!fs.existsSync(dir)) return undefined;
	const files = fs.readdirSync(dir).filter((f) => /^xapi-\d+\.\d+\.\d+\.ya?ml$/.test(f));
	if (files.length === 0) return undefined;
	const v = version ? /^(\d+\.\d+\.\d+)/.exec(version)?.[1] : undefined;
	const exact = v ? files.find((f) => f === `xapi-${v}.yaml` || f === `xapi-${v}.yml`) : undefined;
	if (exact) return path.join(dir, exact);
	const num = (f: string) => f.replace(/^xapi-|\.ya?ml$/g, '').split('.').map(Number);
	files.sort((a, b) => {
		const x = num(a);
		const y = num(b);
		for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
		return 0;
	});
	return path.join(dir, files[files.length - 1]);
}

// ---------------------------------------------------------------------------------------------

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A structural property of a schema. */
export interface PropSpec {
	name: string;
	type?: string;
	format?: string;
}

interface SegTpl {
	name: string;
	/** undefined: plain segment; 'key': `({Id})`; 'named': `(a={a},…)` */
	call?: { kind: 'key'; param: string } | { kind: 'named'; names: string[] };
}

/** An operation as the path matcher sees it. */
export interface SpecOp {
	method: string;
	template: string;
	operationId: string;
	segs: SegTpl[];
	params: Map<string, ParamDef>;
}

export interface SpecMatch {
	op: SpecOp;
	args: Record<string, BoundValue>;
}

export interface SpecResponse {
	status: number;
	body?: unknown;
}

/** The row type of a collection answer and its properties (report functions' seeded rows). */
export interface CollectionItem {
	type: string;
	props: PropSpec[];
}

/** What answers an operation the simulator does not model: the spec, or the committed answers. */
export interface AnswerIndex {
	match(method: string, segments: string[]): SpecMatch;
	/** Success status and example body (204 → none). */
	respond(op: SpecOp): SpecResponse;
	/** The answer is a file (`Pbx.IActionResult`). */
	isActionResult(op: SpecOp): boolean;
	/** Row type of a report function's collection; undefined for other operations. */
	reportItem(op: SpecOp): CollectionItem | undefined;
	/** The spec requires a request body. */
	bodyRequired(op: SpecOp): boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The function a report operation calls (`GetUserActivity`): a GET of a `Pbx.` function under a `Report…` set. */
export function reportFunction(op: Pick<SpecOp, 'method' | 'segs'>): string | undefined {
	const last = op.segs[op.segs.length - 1].name;
	if (op.method !== 'GET' || !op.segs[0].name.startsWith('Report') || !last.startsWith('Pbx.')) return undefined;
	return last.slice(4);
}

/** `template` split into segments, each with its call (`({Id})`, `(a={a},…)`), as matched against requests. */
export function templateSegments(template: string): SegTpl[] {
	return template.split('/').slice(1).map(parseTemplateSeg);
}

function parseTemplateSeg(seg: string): SegTpl {
	const open = seg.indexOf('(');
	if (open < 0) return { name: seg };
	const name = seg.slice(0, open);
	const inner = seg.slice(open + 1, seg.lastIndexOf(')'));
	if (inner === '') return { name, call: { kind: 'named', names: [] } };
	const key = /^\{([^}]+)\}$/.exec(inner);
	if (key) return { name, call: { kind: 'key', param: key[1] } };
	return { name, call: { kind: 'named', names: inner.split(',').map((p) => p.split('=')[0]) } };
}

/** Matches request paths against operations' path templates (OData keys and function parameters). */
export class OperationMatcher {
	private readonly bySegCount = new Map<number, SpecOp[]>();

	readonly ops: SpecOp[] = [];

	/** Adds an operation; the matcher tries them in the order added. */
	protected add(op: SpecOp): void {
		this.ops.push(op);
		const list = this.bySegCount.get(op.segs.length) ?? [];
		list.push(op);
		this.bySegCount.set(op.segs.length, list);
	}

	get operationCount(): number {
		return this.ops.length;
	}

	/** Matches decoded path segments (below /xapi/v1) against the path templates. */
	match(method: string, segments: string[]): SpecMatch {
		const candidates = this.bySegCount.get(segments.length) ?? [];
		let failure: ODataError | undefined;
		let methodMismatch = false;
		for (const op of candidates) {
			let args: Record<string, BoundValue> | undefined;
			try {
				args = this.matchSegs(op, segments);
			} catch (e) {
				if (e instanceof ODataError) {
					// names matched, parameters did not: keep the most specific failure
					if (!failure || (failure.status === 404 && e.status !== 404)) failure = e;
					continue;
				}
				throw e;
			}
			if (!args) continue;
			if (op.method !== method) {
				methodMismatch = true;
				continue;
			}
			return { op, args };
		}
		if (methodMismatch) throw new ODataError(405, `The HTTP method '${method}' is not allowed for this resource.`);
		if (failure) throw failure;
		throw new ODataError(404, `No HTTP resource was found that matches the request URI '/xapi/v1/${segments.join('/')}'.`);
	}

	private matchSegs(op: SpecOp, segments: string[]): Record<string, BoundValue> | undefined {
		// first a cheap name check on every segment, so parameter errors only come from a real candidate
		const calls = segments.map((s) => parseCallSegment(s));
		for (let i = 0; i < op.segs.length; i++) {
			const t = op.segs[i];
			const c = calls[i];
			if (!t.call) {
				if (segments[i] !== t.name) return undefined;
			} else if (!c || c.name !== t.name) {
				// a parameterless function may be called without parentheses? No: the PBX needs `()`.
				return undefined;
			}
		}
		const args: Record<string, BoundValue> = {};
		for (let i = 0; i < op.segs.length; i++) {
			const t = op.segs[i];
			if (!t.call) continue;
			const c = calls[i]!;
			if (t.call.kind === 'key') {
				const def = op.params.get(t.call.param) ?? { name: t.call.param, kind: 'string' as ParamKind };
				if (c.args.length !== 1 || (c.args[0].name !== undefined && c.args[0].name !== t.call.param)) return undefined;
				const lit = parseLiteral(c.args[0].raw);
				const ok =
					(def.kind === 'int' && lit.kind === 'int') ||
					(def.kind === 'string' && lit.kind === 'string') ||
					(def.kind === 'guid' && lit.kind === 'guid');
				if (!ok) throw new ODataError(400, `The key value '${c.args[0].raw}' is not valid for the key '${t.call.param}'.`);
				args[t.call.param] = lit.value as BoundValue;
			} else {
				const defs = t.call.names.map((n) => op.params.get(n) ?? { name: n, kind: 'string' as ParamKind, nullable: true });
				if (!t.name.includes('.')) {
					// alternate key like Users(Number='100'): a mismatch means "not this template"
					const names = c.args.map((a) => a.name);
					if (names.length !== defs.length || defs.some((d, k) => d.name !== names[k])) return undefined;
				}
				Object.assign(args, bindFunctionArgs(t.name, defs, c.args));
			}
		}
		return args;
	}
}

/** Operations read from the spec: matching, and answers sampled from its schemas (openapi-sampler). */
export class SpecIndex extends OperationMatcher implements AnswerIndex {
	private readonly raw = new Map<SpecOp, Json>();
	private readonly sampleCache = new Map<string, SpecResponse>();

	constructor(readonly doc: Json, readonly file: string) {
		super();
		for (const [template, item] of Object.entries<Json>(doc.paths ?? {})) {
			for (const method of METHODS) {
				const op = item[method];
				if (!op) continue;
				const params = new Map<string, ParamDef>();
				for (const p0 of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
					const p = this.resolve(p0);
					if (p.in !== 'path') continue;
					params.set(p.name, { name: p.name, kind: this.kind(p.schema ?? {}), nullable: !!p.schema?.nullable });
				}
				const specOp: SpecOp = { method: method.toUpperCase(), template, operationId: op.operationId ?? '', segs: templateSegments(template), params };
				this.raw.set(specOp, op);
				this.add(specOp);
			}
		}
	}

	resolve<T = Json>(obj: Json): T {
		let cur = obj;
		for (let guard = 0; cur && typeof cur.$ref === 'string' && guard < 20; guard++) {
			const ref: string = cur.$ref;
			if (!ref.startsWith('#/')) break;
			cur = ref
				.slice(2)
				.split('/')
				.reduce<Json>((o, k) => (o ? o[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined) as Json, this.doc);
		}
		return cur as T;
	}

	private kind(schema: Json): ParamKind {
		const s = this.resolve(schema);
		if (s.type === 'integer') return 'int';
		if (s.type === 'number') return 'number';
		if (s.type === 'boolean') return 'bool';
		if (s.format === 'date-time') return 'datetime';
		if (s.format === 'uuid') return 'guid';
		return 'string';
	}

	/** The operation's first 2xx response (its code, default 200, and the resolved response object). */
	private success(op: SpecOp): { code: string; resp: Json } {
		const { responses } = this.raw.get(op)!;
		const codes = Object.keys(responses ?? {}).filter((c) => /^2\d\d$/.test(c)).sort();
		const code = codes[0] ?? '200';
		return { code, resp: this.resolve(responses?.[code] ?? {}) };
	}

	bodyRequired(op: SpecOp): boolean {
		return !!this.raw.get(op)!.requestBody?.required;
	}

	/** The name of the success answer's schema (`Pbx.User`), when it is a named schema. */
	responseSchemaName(op: SpecOp): string | undefined {
		const ref = this.success(op).resp?.content?.['application/json']?.schema?.$ref;
		return typeof ref === 'string' ? ref.split('/').pop() : undefined;
	}

	/** Success status and sampled body for an operation (204 → no body). Cached. */
	respond(op: SpecOp): SpecResponse {
		const key = `${op.method} ${op.template}`;
		const hit = this.sampleCache.get(key);
		if (hit) return hit;
		const { code, resp } = this.success(op);
		const schema = resp?.content?.['application/json']?.schema;
		let out: SpecResponse;
		if (code === '204' || !schema) out = { status: Number(code) === 200 && !schema ? 204 : Number(code) };
		else {
			let body: unknown;
			try {
				body = sample(schema, { skipReadOnly: false, quiet: true, maxSampleDepth: 6 } as never, this.doc);
			} catch {
				body = {};
			}
			out = { status: Number(code), body };
		}
		this.sampleCache.set(key, out);
		return out;
	}

	/** The response schema of an operation (resolved), if JSON. */
	responseSchema(op: SpecOp): Json | undefined {
		const s = this.success(op).resp?.content?.['application/json']?.schema;
		return s ? this.resolve(s) : undefined;
	}

	/** Is the response `Pbx.IActionResult` (a file in practice)? */
	isActionResult(op: SpecOp): boolean {
		const ref = this.success(op).resp?.content?.['application/json']?.schema?.$ref;
		return typeof ref === 'string' && ref.endsWith('/Pbx.IActionResult');
	}

	/** Structural properties of a schema (allOf and $ref followed). */
	schemaProps(schema: Json): PropSpec[] {
		const out = new Map<string, PropSpec>();
		const seen = new Set<Json>();
		const walk = (s0: Json) => {
			const s = this.resolve(s0);
			if (!s || seen.has(s)) return;
			seen.add(s);
			for (const a of s.allOf ?? []) walk(a);
			for (const [name, p0] of Object.entries<Json>(s.properties ?? {})) {
				if (p0['x-ms-navigationProperty']) continue;
				let p = this.resolve(p0);
				if (p.allOf?.length === 1) p = this.resolve(p.allOf[0]);
				let type: string | undefined = p.type;
				if (!type && Array.isArray(p.anyOf)) type = p.anyOf.some((x: Json) => x.type === 'number') ? 'number' : 'string';
				if (!type && Array.isArray(p.enum)) type = 'string';
				out.set(name, { name, type: type ?? 'object', format: p.format });
			}
		};
		walk(schema);
		return [...out.values()];
	}

	reportItem(op: SpecOp): CollectionItem | undefined {
		return reportFunction(op) ? this.collectionItem(op) : undefined;
	}

	/** For collection responses (`{value: [...]}`): the item type name and its properties. */
	collectionItem(op: SpecOp): CollectionItem | undefined {
		const schema = this.responseSchema(op);
		if (!schema) return undefined;
		let items: Json | undefined;
		const find = (s0: Json) => {
			const s = this.resolve(s0);
			if (!s) return;
			for (const a of s.allOf ?? []) find(a);
			const v = s.properties?.value;
			if (v && v.type === 'array' && v.items) items = v.items;
		};
		find(schema);
		if (!items) return undefined;
		const ref: string = items.$ref ?? '';
		return { type: ref.split('/').pop() ?? 'object', props: this.schemaProps(items) };
	}
}

const cache = new Map<string, Promise<SpecIndex>>();

/** Loads and indexes a spec file once per process (shared by all simulators). */
export function loadSpec(file: string): Promise<SpecIndex> {
	let p = cache.get(file);
	if (!p) {
		p = (async () => {
			const doc = (await SwaggerParser.parse(file)) as unknown as Json;
			return new SpecIndex(doc, file);
		})();
		p.catch(() => cache.delete(file));
		cache.set(file, p);
	}
	return p;
}
