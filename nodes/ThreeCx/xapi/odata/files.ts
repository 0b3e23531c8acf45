import { randomBytes } from 'node:crypto';
import { parseJsonText } from './json';

/**
 * File answers. The spec types downloads as JSON, so the response's Content-Type decides:
 * JSON types are parsed, anything else with a body is a file.
 */

/** Response body as bytes (the node reads every answer as bytes); undefined when something
 * already parsed it. */
export function responseBytes(body: unknown): Buffer | undefined {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return undefined;
}

/** A non-empty answer that is not JSON by its Content-Type; without one, JSON text is still JSON. */
export function isFileAnswer(bytes: Buffer, contentType: unknown): boolean {
	if (bytes.length === 0 || isJsonContentType(contentType)) return false;
	return contentType !== undefined || parseJsonText(bytes.toString('utf8')) === undefined;
}

export function mimeTypeOf(contentType: unknown): string {
	return typeof contentType === 'string' ? contentType.split(';')[0].trim().toLowerCase() : '';
}

export function isJsonContentType(contentType: unknown): boolean {
	const mime = mimeTypeOf(contentType);
	return mime === 'application/json' || mime === 'text/json' || mime.endsWith('+json');
}

/** File name from Content-Disposition; RFC 5987 `filename*` wins over `filename`. Path parts are
 * dropped so a hostile name cannot point elsewhere. */
export function fileNameFromDisposition(header: unknown): string | undefined {
	if (typeof header !== 'string') return undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
	let name: string | undefined;
	if (extended) {
		try {
			name = decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
		} catch {
			name = undefined;
		}
	}
	if (!name) {
		const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
		name = plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2].trim()) : undefined;
	}
	return name ? safeFileName(name) : undefined;
}

function safeFileName(name: string): string | undefined {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return clean && clean !== '.' && clean !== '..' ? clean : undefined;
}

const EXTENSIONS: Record<string, string> = {
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'audio/vnd.wave': 'wav',
	'audio/mpeg': 'mp3',
	'audio/ogg': 'ogg',
	'text/csv': 'csv',
	'text/plain': 'txt',
	'text/xml': 'xml',
	'application/xml': 'xml',
	'application/json': 'json',
	'application/zip': 'zip',
	'application/x-zip-compressed': 'zip',
	'application/gzip': 'gz',
	'application/pdf': 'pdf',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'image/png': 'png',
	'image/jpeg': 'jpg',
};

export function extensionFor(mimeType: string): string {
	return EXTENSIONS[mimeTypeOf(mimeType)] ?? 'bin';
}

/** Name from the header, else `<base>.<ext>`; a header name without extension gets one. */
export function fileNameFor(disposition: unknown, mimeType: string, base: string): string {
	const ext = extensionFor(mimeType);
	const name = fileNameFromDisposition(disposition) ?? `${safeFileName(base) ?? 'download'}.${ext}`;
	return /\.[^.]+$/.test(name) ? name : `${name}.${ext}`;
}

/** multipart/form-data with one file part, as a Buffer: a Buffer body can be sent again when the
 * credential refreshes its token after a 401, a stream could not. */
export function multipartBody(part: string, file: { data: Buffer; fileName: string; mimeType: string }) {
	const boundary = `----n8n3cx${randomBytes(12).toString('hex')}`;
	const quoted = (text: string) => text.replace(/["\\\r\n]/g, (c) => encodeURIComponent(c));
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="${quoted(part)}"; filename="${quoted(file.fileName)}"\r\n` +
		`Content-Type: ${file.mimeType.replace(/[\r\n]/g, '') || 'application/octet-stream'}\r\n\r\n`;
	return {
		body: Buffer.concat([Buffer.from(head, 'utf8'), file.data, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}
