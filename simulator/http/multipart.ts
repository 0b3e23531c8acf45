/** A minimal multipart/form-data parser (Custom Prompts upload). */

export interface MultipartPart {
	name?: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

/** Parses multipart/form-data; undefined when the content type has no boundary or the body is malformed. */
export function parseMultipart(contentType: string | undefined, body: Buffer): MultipartPart[] | undefined {
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!m) return undefined;
	const boundary = Buffer.from(`--${(m[1] ?? m[2]).trim()}`);
	const parts: MultipartPart[] = [];
	let pos = body.indexOf(boundary);
	if (pos < 0) return undefined;
	for (;;) {
		pos += boundary.length;
		if (body.slice(pos, pos + 2).toString() === '--') break; // closing boundary
		if (body.slice(pos, pos + 2).toString() === '\r\n') pos += 2;
		const headerEnd = body.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) return undefined;
		const headers = body.slice(pos, headerEnd).toString('utf8');
		const next = body.indexOf(boundary, headerEnd + 4);
		if (next < 0) return undefined;
		let dataEnd = next;
		if (body[dataEnd - 2] === 0x0d && body[dataEnd - 1] === 0x0a) dataEnd -= 2;
		const part: MultipartPart = { data: body.slice(headerEnd + 4, dataEnd) };
		for (const line of headers.split('\r\n')) {
			const [k, ...rest] = line.split(':');
			const v = rest.join(':').trim();
			if (/^content-disposition$/i.test(k.trim())) {
				const name = /\bname="([^"]*)"/i.exec(v);
				const filename = /\bfilename="([^"]*)"/i.exec(v);
				if (name) part.name = name[1];
				if (filename) part.filename = filename[1];
			} else if (/^content-type$/i.test(k.trim())) part.contentType = v;
		}
		parts.push(part);
		pos = next;
	}
	return parts;
}
