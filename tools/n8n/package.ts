/**
 * Builds (when stale), packs and installs this repository into an n8n user folder the way a
 * community package lands there: `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-3cx-xapi`.
 * n8n resolves the package's `n8n-workflow` peer from its own node_modules.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { repoRoot } from './paths';
import { log, npmCommand, runChecked } from './proc';

export const PACKAGE_NAME: string = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).name;
export const NODE_TYPE = `${PACKAGE_NAME}.threeCx`;
export const CREDENTIAL_TYPE = 'threeCxApi';

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const name of readdirSync(path)) {
		if (name === 'node_modules') continue;
		newest = Math.max(newest, newestMtime(join(path, name)));
	}
	return newest;
}

/** True when dist/ is missing or older than a source file of the package. */
export function distIsStale(): boolean {
	const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((entry) => join(repoRoot, entry));
	if (!entries.every((entry) => existsSync(entry))) return true;
	const built = Math.min(...entries.map((entry) => statSync(entry).mtimeMs));
	const sources = Math.max(newestMtime(join(repoRoot, 'nodes')), newestMtime(join(repoRoot, 'credentials')));
	return sources > built;
}

/** `npm run build` (tsc + icons). */
export async function buildPackage(env: NodeJS.ProcessEnv = process.env): Promise<number> {
	const started = Date.now();
	log('npm run build');
	await runChecked(npmCommand, ['run', 'build', '--silent'], { cwd: repoRoot, env, timeoutMs: 10 * 60_000 });
	return Date.now() - started;
}

export async function buildIfStale(env?: NodeJS.ProcessEnv): Promise<void> {
	if (distIsStale()) await buildPackage(env);
}

/** `npm pack` into a temp folder; returns the tarball path. */
export async function packPackage(env: NodeJS.ProcessEnv = process.env): Promise<string> {
	const dest = await mkdtemp(join(tmpdir(), 'n8n-nodes-3cx-pack-'));
	const result = await runChecked(npmCommand, ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], {
		cwd: repoRoot,
		env,
		timeoutMs: 120_000,
	});
	const start = result.stdout.indexOf('[');
	const [info] = JSON.parse(result.stdout.slice(start)) as Array<{ filename: string }>;
	return join(dest, info.filename);
}

/** Installs the tarball into `<userFolder>/.n8n/nodes` (replacing an earlier copy). */
export async function installPackage(userFolder: string, tarball: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	await mkdir(nodesDir, { recursive: true });
	if (!existsSync(join(nodesDir, 'package.json'))) {
		await writeFile(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	await rm(join(nodesDir, 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
	await runChecked(
		npmCommand,
		['install', tarball, '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
		{ cwd: nodesDir, env, timeoutMs: 5 * 60_000 },
	);
	return join(nodesDir, 'node_modules', PACKAGE_NAME);
}

/** Build if stale, pack, install into the user folder. */
export async function packAndInstall(userFolder: string, env?: NodeJS.ProcessEnv): Promise<string> {
	await buildIfStale(env);
	const tarball = await packPackage(env);
	try {
		return await installPackage(userFolder, tarball, env);
	} finally {
		await rm(join(tarball, '..'), { recursive: true, force: true });
	}
}
