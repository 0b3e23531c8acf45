/** Writing answers: JSON and OData bodies, collection pages, streamed CSV, files and errors. */
import type * as http from 'http';
import { ODataError } from '../odata/errors';
import type { Page, Row } from '../odata/query';

export function send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
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

/** Any error as an OData error body; anything but an ODataError is the simulator's own 500. */
export function sendError(res: http.ServerResponse, e: unknown): void {
	const error = e instanceof ODataError ? e : new ODataError(500, `Simulator error: ${(e as Error)?.message ?? String(e)}`);
	send(res, error.status, error.body());
}

/** `{ @odata.context, @odata.count (only with $count=true), value }` */
export function sendCollection(res: http.ServerResponse, context: string, page: Page, withCount: boolean): void {
	const body: Record<string, unknown> = { '@odata.context': context };
	if (withCount) body['@odata.count'] = page.count;
	body.value = page.value;
	send(res, 200, body);
}

export function sendFile(res: http.ServerResponse, contentType: string, filename: string, data: Buffer | string): void {
	const buf = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
	res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(buf.length), 'Content-Disposition': `attachment; filename="${filename}"` });
	res.end(buf);
}

function csvCell(v: unknown): string {
	if (v === null || v === undefined) return '';
	const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(values: unknown[]): string {
	return values.map(csvCell).join(',') + '\r\n';
}

/** A CSV download (BOM, header row), written in chunks that respect backpressure; `stopped` ends it early. */
export async function sendCsv(res: http.ServerResponse, filename: string, columns: string[], rows: Iterable<Row>, stopped: () => boolean): Promise<void> {
	res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"` });
	let buf = '\ufeff' + csvLine(columns);
	for (const row of rows) {
		buf += csvLine(columns.map((k) => row[k]));
		if (buf.length > 64 * 1024) {
			const ok = res.write(buf);
			buf = '';
			if (!ok) await new Promise<void>((r) => res.once('drain', () => r()));
			if (stopped() || res.destroyed) return;
		}
	}
	res.end(buf);
}
