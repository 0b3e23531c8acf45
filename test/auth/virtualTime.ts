/**
 * Virtual time for tests of concurrent code: `sleep` registers a timer, `run` drains every
 * pending promise and then jumps to the next timer, until the awaited work settles. Nothing
 * depends on how busy the machine is, and a seeded `random` makes every run the same.
 */
export class VirtualTime {
	private time = 0;
	private sequence = 0;
	private readonly timers: Array<{ at: number; sequence: number; wake: () => void }> = [];
	private seed: number;

	constructor(seed: number) {
		this.seed = seed >>> 0;
	}

	now = (): number => this.time;

	sleep = (ms: number): Promise<void> =>
		new Promise((wake) => {
			this.timers.push({ at: this.time + Math.max(0, ms), sequence: this.sequence++, wake });
		});

	/** mulberry32: a small seeded generator in [0, 1). */
	random = (): number => {
		this.seed = (this.seed + 0x6d2b79f5) >>> 0;
		let t = this.seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};

	/** Random whole milliseconds in [min, max]. */
	between(min: number, max: number): Promise<void> {
		return this.sleep(min + Math.floor(this.random() * (max - min + 1)));
	}

	/** Runs virtual time until `work` settles (at most `limitMs` of it). */
	async run<T>(work: Promise<T>, limitMs = 600_000): Promise<T> {
		let settled = false;
		const watched = work.finally(() => {
			settled = true;
		});
		watched.catch(() => undefined);
		for (;;) {
			// Every promise that can move on does so before time advances.
			await new Promise((resolve) => setImmediate(resolve));
			if (settled) return await watched;
			this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
			const next = this.timers.shift();
			if (!next) throw new Error('Nothing left to run, but the work has not settled');
			if (next.at > limitMs) throw new Error(`Still running after ${limitMs} virtual ms`);
			this.time = next.at;
			next.wake();
		}
	}
}
