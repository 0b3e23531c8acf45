/**
 * A loopback PBX stand-in for contract tests: `/connect/token` issues a bearer token, and every
 * `/xapi/v1/...` request is forwarded to a Prism mock of the official spec (which serves the
 * spec's paths at its root), recording Prism's `sl-violations` for each request.
 *
 * Prism routes `/Users(Number='100')` to the `/Users({Id})` template (both match), so
 * alternate-key requests go to a second Prism that serves only the alternate-key paths.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const ALTERNATE_KEY_TEMPLATE = /^\/\w+\(\w+=\{\w+\}\)/;
const ALTERNATE_KEY_REQUEST = /^\/xapi\/v1\/\w+\(\w+=/;

/** The spec reduced to its alternate-key paths, in a temporary file. */
function alternateKeySpec(specFile: string): string {
	const spec = parse(readFileSync(specFile, 'utf8')) as { paths: Record<string, unknown> };
	spec.paths = Object.fromEntries(
		Object.entries(spec.paths).filter(([path]) => ALTERNATE_KEY_TEMPLATE.test(path)),
	);
	const file = join(mkdtempSync(join(tmpdir(), 'xapi-contract-')), 'alternate-keys.yaml');
	writeFileSync(file, stringify(spec));
	return file;
}

export interface RecordedRequest {
	method: string;
	/** Path and query as the node sent them, under /xapi/v1. */
	url: string;
	status: number;
	violations: Array<{ location: string[]; code: string; message: string }>;
}

export interface PrismGateway {
	url: string;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

const PRISM_BIN = join(__dirname, '../../node_modules/.bin/prism');

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

async function startPrism(specFile: string): Promise<{ child: ChildProcess; port: number }> {
	const port = await freePort();
	const child = spawn(PRISM_BIN, ['mock', '-h', '127.0.0.1', '-p', String(port), specFile], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${output.slice(-2000)}`)), 120_000);
		const watch = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Prism is listening')) {
				clearTimeout(timer);
				child.stdout?.off('data', watch);
				resolve();
			}
		};
		child.stdout?.on('data', watch);
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('exit', (code) => reject(new Error(`Prism exited with ${code}:\n${output.slice(-2000)}`)));
	});
	child.stdout?.resume();
	child.stderr?.resume();
	return { child, port };
}

function parseViolations(header: string | string[] | undefined): RecordedRequest['violations'] {
	if (!header) return [];
	try {
		return JSON.parse(Array.isArray(header) ? header[0] : header) as RecordedRequest['violations'];
	} catch {
		return [{ location: [], code: 'unparsable', message: String(header) }];
	}
}

export async function startPrismGateway(specFile: string): Promise<PrismGateway> {
	const [prism, alternatePrism] = await Promise.all([
		startPrism(specFile),
		startPrism(alternateKeySpec(specFile)),
	]);
	const requests: RecordedRequest[] = [];
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (url.startsWith('/connect/token')) {
			req.resume();
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: 'contract-test-token' }));
			return;
		}
		if (!url.startsWith('/xapi/v1/')) {
			res.writeHead(404).end();
			return;
		}
		const { port } = ALTERNATE_KEY_REQUEST.test(url) ? alternatePrism : prism;
		const upstream = httpRequest(
			{
				host: '127.0.0.1',
				port,
				method: req.method,
				path: url.slice('/xapi/v1'.length),
				headers: { ...req.headers, host: `127.0.0.1:${port}` },
			},
			(answer) => {
				requests.push({
					method: req.method ?? 'GET',
					url,
					status: answer.statusCode ?? 0,
					violations: parseViolations(answer.headers['sl-violations']),
				});
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', (error) => {
			res.writeHead(502).end(String(error));
		});
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			prism.child.kill();
			alternatePrism.child.kill();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
