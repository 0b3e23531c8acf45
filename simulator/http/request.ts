/** Reading a request: the parts of its URL, its body (bounded) and the JSON body of a write. */
import type * as http from 'http';
import { ODataError } from '../odata/errors';
import { decodeSegment } from '../odata/literals';

const MAX_BODY = 50 * 1024 * 1024;
const XAPI_PREFIX = '/xapi/v1';

/** An authorised request below /xapi/v1, as the routes see it. */
export interface XapiRequest {
	req: http.IncomingMessage;
	res: http.ServerResponse;
	method: string;
	rawUrl: string;
	query: URLSearchParams;
	/** the decoded path segments below /xapi/v1 */
	segments: string[];
	body?: Buffer;
}

export interface RequestUrl {
	rawUrl: string;
	rawPath: string;
	rawQuery: string;
	/** the path percent-decoded (raw when malformed), for the request log */
	path: string;
	isXapi: boolean;
}

export function parseUrl(url: string | undefined): RequestUrl {
	const rawUrl = url ?? '/';
	const q = rawUrl.indexOf('?');
	const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
	const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
	let path = rawPath;
	try {
		path = decodeURIComponent(rawPath);
	} catch {
		/* keep raw */
	}
	const isXapi = rawPath === XAPI_PREFIX || rawPath.startsWith(`${XAPI_PREFIX}/`);
	return { rawUrl, rawPath, rawQuery, path, isXapi };
}

/** The decoded segments below /xapi/v1 (`+` is a space, as on the PBX); a trailing `/` adds none. */
export function xapiSegments(rawPath: string): string[] {
	const segments = rawPath
		.slice(XAPI_PREFIX.length)
		.split('/')
		.filter((s, i) => !(i === 0 && s === ''))
		.map(decodeSegment);
	if (segments.length && segments[segments.length - 1] === '') segments.pop();
	return segments;
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_BODY) {
				reject(new ODataError(413, 'Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** Reads and drops the body of a request answered without it, so keep-alive stays usable. */
export async function drainBody(req: http.IncomingMessage): Promise<void> {
	await readBody(req).catch(() => undefined);
}

export function jsonBody(c: XapiRequest): unknown {
	const text = c.body?.toString('utf8') ?? '';
	if (text.trim() === '') throw new ODataError(400, 'The request body is empty; a JSON object is required.');
	try {
		return JSON.parse(text);
	} catch (e) {
		throw new ODataError(400, `The request body is not valid JSON: ${(e as Error).message}`);
	}
}
