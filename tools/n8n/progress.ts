/**
 * Progress of the first start (Node 24 and n8n fetched and installed into .cache): numbered
 * steps, what comes after each, and a line every few seconds with the elapsed time and how far a
 * step got, so a long npm install is never silent.
 */
import { existsSync, readdirSync, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { log } from './proc';

const TICK_MS = 20_000;

export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function formatSize(bytes: number): string {
	if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
	return `${Math.round(bytes / 1e6)} MB`;
}

/**
 * How far `npm install` got in `nodeModules`: npm first resolves (no folder yet), then creates
 * every package folder at once, downloads, and unpacks (a folder gets its package.json).
 * Top level only; scoped packages count one by one.
 */
export function countPackages(nodeModules: string): { folders: number; unpacked: number } {
	const folders: string[] = [];
	let names: string[];
	try {
		names = readdirSync(nodeModules);
	} catch {
		return { folders: 0, unpacked: 0 };
	}
	for (const name of names) {
		if (name.startsWith('.')) continue;
		if (!name.startsWith('@')) {
			folders.push(name);
			continue;
		}
		try {
			folders.push(...readdirSync(join(nodeModules, name)).map((scoped) => join(name, scoped)));
		} catch {
			// removed while counting
		}
	}
	const unpacked = folders.filter((folder) => existsSync(join(nodeModules, folder, 'package.json'))).length;
	return { folders: folders.length, unpacked };
}

/** The phase of an npm install as a progress detail. */
export function npmInstallState(count: { folders: number; unpacked: number }, expected: number): string {
	if (!count.folders) return 'resolving dependencies';
	if (!count.unpacked) return `downloading ${count.folders} packages`;
	return `${count.unpacked} of ~${expected} packages unpacked`;
}

/** Bytes of the files under `dir` (0 when it does not exist). */
export function folderBytes(dir: string): number {
	let total = 0;
	let entries;
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch {
		return 0;
	}
	for (const entry of entries) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) total += folderBytes(path);
		else if (entry.isFile()) total += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
	}
	return total;
}

/** Bytes free for this user on the file system that holds `path` (or its nearest existing parent). */
export function freeBytes(path: string): number {
	for (let dir = path; ; dir = dirname(dir)) {
		try {
			const stats = statfsSync(dir);
			return stats.bavail * stats.bsize;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(dir) === dir) throw error;
		}
	}
}

export interface InstallStep {
	title: string;
	/** What it fetches or makes, for the line that starts it. */
	about?: string;
}

/** The line that opens (`about` shown) or reports on step `index` (1-based) of `steps`, and what comes after it. */
export function stepLine(steps: InstallStep[], index: number, state: string, withAbout = false): string {
	const { title, about } = steps[index - 1];
	const next = steps.slice(index).map((step) => step.title);
	const name = withAbout && about ? `${title} (${about})` : title;
	return `step ${index}/${steps.length} ${name}: ${state}${next.length ? `; then ${next.join(', then ')}` : ''}`;
}

/** Runs the steps of one install in order, printing each start, a tick every 20 s, and its end. */
export class StepProgress {
	private done = 0;

	constructor(
		private readonly steps: InstallStep[],
		private readonly print: (line: string) => void = log,
	) {}

	async run<T>(body: () => Promise<T>, detail?: () => string): Promise<T> {
		const index = ++this.done;
		if (index > this.steps.length) throw new Error(`step ${index} of ${this.steps.length} was never announced`);
		const started = Date.now();
		this.print(stepLine(this.steps, index, 'started', true));
		const timer = setInterval(() => {
			const extra = detail?.();
			this.print(stepLine(this.steps, index, `${formatDuration(Date.now() - started)}${extra ? `, ${extra}` : ''}`));
		}, TICK_MS);
		timer.unref();
		const end = (how: string) => this.print(`step ${index}/${this.steps.length} ${this.steps[index - 1].title}: ${how} ${formatDuration(Date.now() - started)}`);
		try {
			const result = await body();
			end('done in');
			return result;
		} catch (error) {
			end('failed after');
			throw error;
		} finally {
			clearInterval(timer);
		}
	}
}
