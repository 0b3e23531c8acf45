/** Deterministic, index-addressable pseudo-random numbers (same seed + key + index → same value). */

function hashString(s: string): number {
	let h = 2166136261 >>> 0;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 16777619) >>> 0;
	}
	return h;
}

function mix(a: number, b: number): number {
	let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
	private state: number;

	constructor(seed: number, key: string, index = 0) {
		this.state = mix(mix(seed >>> 0, hashString(key)), index >>> 0) || 1;
	}

	/** mulberry32 */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(min: number, maxInclusive: number): number {
		return min + Math.floor(this.next() * (maxInclusive - min + 1));
	}

	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)];
	}

	bool(pTrue = 0.5): boolean {
		return this.next() < pTrue;
	}

	hex(len: number): string {
		let s = '';
		while (s.length < len) s += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
		return s.slice(0, len);
	}

	guid(): string {
		const h = this.hex(32);
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
	}

	password(len: number): string {
		const abc = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
		let s = '';
		for (let i = 0; i < len; i++) s += abc[Math.floor(this.next() * abc.length)];
		return s;
	}

	digits(len: number): string {
		let s = '';
		for (let i = 0; i < len; i++) s += String(Math.floor(this.next() * 10));
		return s;
	}
}

export const FIRST_NAMES = [
	'Anna', 'Ben', 'Carla', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Klara', 'Lukas', 'Maria',
	'Noah', 'Olivia', 'Paul', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Uma', 'Victor', 'Wendy', 'Xaver', 'Yara', 'Zoe',
	"Seán", 'Zoë', 'Aoife', 'Björn',
] as const;

export const LAST_NAMES = [
	'Adams', 'Brown', 'Costa', 'Dubois', 'Evans', 'Fischer', 'García', 'Hansen', 'Ivanova', 'Jensen', 'Kowalski',
	'Lopez', 'Müller', "O'Brien", 'Novak', 'Olsen', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda',
	'Varga', 'Weber', 'Young', 'Zimmermann',
] as const;

export const COMPANIES = ['Acme Ltd', 'Globex', 'Initech', 'Umbrella plc', 'Stark & Co', 'Wayne Enterprises', 'Hooli', 'Vandelay Industries'] as const;

/** A fixed instant so seeded data does not depend on the wall clock. */
export const ANCHOR_MS = Date.UTC(2025, 2, 31, 12, 0, 0);

export function isoDuration(totalSeconds: number): string {
	const s = Math.max(0, Math.round(totalSeconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const sec = s % 60;
	let out = 'PT';
	if (h) out += `${h}H`;
	if (m) out += `${m}M`;
	if (sec || (!h && !m)) out += `${sec}S`;
	return out;
}

export function iso(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function externalNumber(rng: Rng): string {
	return `+${rng.pick(['44', '49', '1', '33', '61'])}${rng.digits(9)}`;
}
