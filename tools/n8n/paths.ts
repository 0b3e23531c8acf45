/**
 * Where the end-to-end tooling keeps things. Everything lives under the git-ignored `.cache/`
 * of the repository unless an environment variable points elsewhere.
 */
import { join, resolve } from 'node:path';

/** The n8n release the end-to-end tests and the demo run (2.41.3 is not installable here). */
export const N8N_VERSION = '2.41.1';

/** Lowest Node major the n8n 2.x CLI accepts. */
export const NODE_MAJOR = 24;

export const repoRoot = resolve(__dirname, '../..');

export const cacheRoot = join(repoRoot, '.cache');

/** n8n install folder (`N8N_CLI_CACHE` overrides). */
export function n8nCacheDir(): string {
	return resolve(process.env.N8N_CLI_CACHE || join(cacheRoot, 'n8n-cli'));
}

/** Folder that receives the npm package `node-<platform>-<arch>@24` when the machine's Node is older. */
export function node24CacheDir(): string {
	return resolve(process.env.NODE24_CACHE || join(cacheRoot, 'node24'));
}

/** The demo's persistent n8n user folder, output folder and state (`THREECX_DEMO_DIR` overrides). */
export function demoDir(): string {
	return resolve(process.env.THREECX_DEMO_DIR || join(cacheRoot, 'demo'));
}
