/** WAV payloads of recordings, greetings and prompts. */

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

