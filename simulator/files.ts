/** File payloads (WAV) and a minimal multipart/form-data parser. */

/** A small valid PCM WAV (8 kHz, 16-bit, mono): a short tone whose pitch depends on `id`. */
export function wav(id: number, seconds = 0.5): Buffer {
	const rate = 8000;
	const samples = Math.floor(rate * seconds);
	const data = Buffer.alloc(samples * 2);
	const freq = 300 + (Math.abs(id) % 12) * 50;
	for (let i = 0; i < samples; i++) {
		const v = Math.round(Math.sin((2 * Math.PI * freq * i) / rate) * 8000);
		data.writeInt16LE(v, i * 2);
	}
	const h = Buffer.alloc(44);
	h.write('RIFF', 0, 'ascii');
	h.writeUInt32LE(36 + data.length, 4);
	h.write('WAVE', 8, 'ascii');
	h.write('fmt ', 12, 'ascii');
	h.writeUInt32LE(16, 16); // PCM chunk size
	h.writeUInt16LE(1, 20); // PCM
	h.writeUInt16LE(1, 22); // mono
	h.writeUInt32LE(rate, 24);
	h.writeUInt32LE(rate * 2, 28); // byte rate
	h.writeUInt16LE(2, 32); // block align
	h.writeUInt16LE(16, 34); // bits per sample
	h.write('data', 36, 'ascii');
	h.writeUInt32LE(data.length, 40);
	return Buffer.concat([h, data]);
}

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
