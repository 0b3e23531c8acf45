/**
 * Installs the pinned n8n CLI into a cache folder outside the package's dependencies
 * (`.cache/n8n-cli`, or `N8N_CLI_CACHE`) and reuses it while the version matches.
 *
 * A plain `npm install n8n` fails offline (a Kafka client downloads sources in its install
 * script), so: `npm install --ignore-scripts n8n@<pinned>`, then `npm rebuild sqlite3` against
 * Node 24's headers. A `.ready` marker is written last, so a half-finished install is redone.
 *
 * Run directly (`npx tsx tools/n8n/install.ts`) to install ahead of time and print the times.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { findNode24, NODE24_BYTES, node24Env, node24Missing, node24Step, type Node24 } from './node24';
import { N8N_VERSION, n8nCacheDir, node24CacheDir } from './paths';
import { log, npmCommand, runChecked } from './proc';
import { countPackages, formatDuration, formatSize, freeBytes, npmInstallState, StepProgress, type InstallStep } from './progress';

/** `du -sh .cache/n8n-cli` after installing n8n 2.41.1 (Linux x64): about 274,000 files. */
export const N8N_INSTALL_BYTES = 2.9e9;
/** What the same install adds to npm's own download cache (`~/.npm/_cacache`). */
export const NPM_CACHE_BYTES = 0.9e9;
/** Top-level packages (scoped ones counted singly) in .cache/n8n-cli/node_modules after that install. */
const N8N_PACKAGES = 1520;

export interface FirstStartPlan {
	/** Install steps still to do, in order; empty when everything is installed. */
	steps: InstallStep[];
	/** Disk space the steps need in .cache. */
	bytes: number;
}

/** What a start has to install before n8n runs: nothing once Node 24 and n8n are there. */
export function firstStartPlan(need: { node24: boolean; n8n: boolean }, version = N8N_VERSION, fetchNode24 = node24Step()): FirstStartPlan {
	const steps: InstallStep[] = [];
	let bytes = 0;
	if (need.node24) {
		steps.push(fetchNode24);
		bytes += NODE24_BYTES;
	}
	if (need.n8n) {
		steps.push(
			{ title: `install n8n ${version}`, about: `npm install, ~${N8N_PACKAGES} packages, ~${formatSize(N8N_INSTALL_BYTES)}` },
			{ title: 'build sqlite3 for Node 24', about: "n8n's database driver, compiled from source" },
		);
		bytes += N8N_INSTALL_BYTES;
	}
	return { steps, bytes };
}

/** The lines that open a first start: what happens, how long, how much disk; or why it cannot. */
export function firstStartNotice(plan: FirstStartPlan, where: string, free: number): { lines: string[]; enoughSpace: boolean } {
	const lines = [
		`First start: installing what n8n ${N8N_VERSION} needs into ${where} from the npm registry, once ` +
			`(${plan.steps.length} steps, usually 5-10 min in all; later starts skip this).`,
		`Disk: needs about ${formatSize(plan.bytes)} there, plus up to ${formatSize(NPM_CACHE_BYTES)} in npm's download cache (~/.npm); ${formatSize(free)} free.`,
	];
	return { lines, enoughSpace: free >= plan.bytes };
}

export interface N8nInstall {
	dir: string;
	version: string;
	/** `node_modules/n8n/bin/n8n`, run with `node24.node`. */
	bin: string;
	node24: Node24;
	/** Milliseconds spent installing in this call (0 when reused). */
	installMs: number;
}

interface ReadyMarker {
	version: string;
	node: string;
	installedAt: string;
	installMs: number;
}

function readMarker(dir: string): ReadyMarker | undefined {
	try {
		return JSON.parse(readFileSync(join(dir, '.ready'), 'utf8')) as ReadyMarker;
	} catch {
		return undefined;
	}
}

function installedVersion(dir: string): string | undefined {
	try {
		return (JSON.parse(readFileSync(join(dir, 'node_modules/n8n/package.json'), 'utf8')) as { version: string }).version;
	} catch {
		return undefined;
	}
}

/** The native module n8n's SQLite database needs; `npm install --ignore-scripts` leaves it out. */
const SQLITE_BINDING = 'node_modules/sqlite3/build/Release/node_sqlite3.node';

export function isN8nReady(dir = n8nCacheDir(), version = N8N_VERSION): boolean {
	return readMarker(dir)?.version === version && installedVersion(dir) === version && existsSync(join(dir, SQLITE_BINDING));
}

/**
 * Run from `npm test` / `npx`, the environment carries the repository's npm settings as
 * `npm_config_*` (its .npmrc has ignore-scripts=true, which would turn `npm rebuild` into a
 * no-op): drop them, the cache folder gets explicit flags instead.
 */
function cleanNpmEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const clean: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(env)) {
		if (/^npm_(config|package|lifecycle)_/i.test(key)) continue;
		clean[key] = value;
	}
	return clean;
}

/** Cross-process lock (a directory): the demo and a test run may both want to install. */
async function withLock<T>(dir: string, body: () => Promise<T>): Promise<T> {
	const lock = join(dir, '.install-lock');
	const deadline = Date.now() + 30 * 60_000;
	let waiting = false;
	for (;;) {
		try {
			await mkdir(lock);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const age = Date.now() - statSync(lock).mtimeMs;
			if (age > 30 * 60_000) {
				await rmdir(lock).catch(() => undefined);
				continue;
			}
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock} (another install running?)`);
			if (!waiting) log(`another process is installing n8n into ${dir}; waiting for it (${lock})`);
			waiting = true;
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await body();
	} finally {
		await rmdir(lock).catch(() => undefined);
	}
}

/** Headers for node-gyp: Node 24's own when known, else the npm package's (fetched on demand). */
async function ensureNodedir(node24: Node24): Promise<string | undefined> {
	if (node24.nodedir) return node24.nodedir;
	const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
	const prefix = node24CacheDir();
	const dir = join(prefix, 'node_modules', pkg);
	if (!existsSync(join(dir, 'include/node/node.h'))) {
		const major = node24.version.replace(/^v/, '').split('.')[0];
		log(`fetching Node ${major} headers (${pkg}) for the sqlite3 build`);
		await mkdir(prefix, { recursive: true });
		await runChecked(npmCommand, ['install', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `${pkg}@${major}`], {
			timeoutMs: 10 * 60_000,
		});
	}
	return dir;
}

/** Returns a working n8n CLI, installing it first when the cache is missing or another version. */
export async function ensureN8n(options: { dir?: string; version?: string } = {}): Promise<N8nInstall> {
	const dir = options.dir ?? n8nCacheDir();
	const version = options.version ?? N8N_VERSION;
	const plan = firstStartPlan({ node24: node24Missing(), n8n: !isN8nReady(dir, version) }, version);
	const progress = plan.steps.length ? announceFirstStart(plan, dirname(dir)) : undefined;
	const found = await findNode24(progress);
	if (!found.ok) throw new Error(`n8n ${version} needs Node ≥ 24: ${found.reason}`);
	const { node24 } = found;
	const bin = join(dir, 'node_modules/n8n/bin/n8n');
	if (isN8nReady(dir, version)) return { dir, version, bin, node24, installMs: 0 };

	await mkdir(dir, { recursive: true });
	return await withLock(dir, async () => {
		if (isN8nReady(dir, version)) return { dir, version, bin, node24, installMs: 0 };
		const steps = progress ?? new StepProgress(firstStartPlan({ node24: false, n8n: true }, version).steps);
		const started = Date.now();
		await rm(join(dir, '.ready'), { force: true });
		// Its own package.json keeps npm from walking up into the repository's manifest.
		await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'n8n-cli-cache', private: true }, null, 2));
		const env = cleanNpmEnv(node24Env(node24));
		env.npm_config_update_notifier = 'false';
		const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];
		const modules = join(dir, 'node_modules');
		await steps.run(
			() => runChecked(npmCommand, ['install', '--ignore-scripts', ...npmFlags, `n8n@${version}`], { cwd: dir, env, timeoutMs: 40 * 60_000 }),
			() => npmInstallState(countPackages(modules), N8N_PACKAGES),
		);
		await steps.run(async () => {
			const nodedir = await ensureNodedir(node24);
			if (nodedir) env.npm_config_nodedir = nodedir;
			await runChecked(npmCommand, ['rebuild', '--ignore-scripts=false', '--foreground-scripts', ...npmFlags, 'sqlite3'], { cwd: dir, env, timeoutMs: 30 * 60_000 });
			if (!existsSync(join(dir, SQLITE_BINDING))) {
				throw new Error(`npm rebuild sqlite3 did not produce ${join(dir, SQLITE_BINDING)} (see the output above)`);
			}
		});
		const installMs = Date.now() - started;
		const marker: ReadyMarker = { version, node: node24.version, installedAt: new Date().toISOString(), installMs };
		await writeFile(join(dir, '.ready'), JSON.stringify(marker, null, 2));
		log(`n8n ${version} is ready (installed in ${formatDuration(installMs)}); later starts reuse it`);
		return { dir, version, bin, node24, installMs };
	});
}

/** Prints what the first start does and needs; fails early when the disk is too full for it. */
function announceFirstStart(plan: FirstStartPlan, where: string): StepProgress {
	const free = freeBytes(where);
	const notice = firstStartNotice(plan, where, free);
	for (const line of notice.lines) log(line);
	if (!notice.enoughSpace) {
		throw new Error(`Not enough disk space: the first start needs about ${formatSize(plan.bytes)} in ${where}, but only ${formatSize(free)} is free.`);
	}
	return new StepProgress(plan.steps);
}

if (require.main === module) {
	ensureN8n().then(
		(install) => {
			const marker = readMarker(install.dir);
			console.log(
				`n8n ${install.version} at ${install.dir} on Node ${install.node24.version}` +
					(install.installMs ? `: installed in ${(install.installMs / 1000).toFixed(0)} s` : ` (cached; installed in ${((marker?.installMs ?? 0) / 1000).toFixed(0)} s on ${marker?.installedAt})`),
			);
		},
		(error) => {
			console.error(error instanceof Error ? error.message : error);
			process.exit(1);
		},
	);
}
