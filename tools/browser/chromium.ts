/**
 * Debian's Chromium for the browser test: found on PATH, or installed with apt-get when this
 * process may (root). playwright-core drives it; it never downloads a browser of its own.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

import { log, run } from '../n8n/proc';

const NAMES = ['chromium', 'chromium-browser'];

/** Flags for a headless Chromium on a machine without outside network (see the README). */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** `CHROMIUM_PATH`, else the first chromium on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
	for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
		for (const name of NAMES) {
			const candidate = join(dir, name);
			if (existsSync(candidate)) return candidate;
		}
	}
	return undefined;
}

export type ChromiumPlan = { use: string } | { install: true } | { unavailable: string };

/**
 * What to do for a browser: use the one found, install it (root with apt-get), or give the reason
 * there is none. `configured` is CHROMIUM_PATH: when set, only that browser counts.
 */
export function chromiumPlan(state: { found?: string; configured?: string; root: boolean; aptGet: boolean }): ChromiumPlan {
	if (state.found) return { use: state.found };
	if (state.configured) return { unavailable: `CHROMIUM_PATH is ${state.configured}, which does not exist` };
	if (state.root && state.aptGet) return { install: true };
	return {
		unavailable: state.aptGet
			? 'Chromium is not installed and only root may install it (apt-get install chromium, or set CHROMIUM_PATH)'
			: 'Chromium is not installed and there is no apt-get to install it (set CHROMIUM_PATH)',
	};
}

export function currentChromiumPlan(): ChromiumPlan {
	return chromiumPlan({
		found: findChromium(),
		configured: process.env.CHROMIUM_PATH,
		root: process.getuid?.() === 0,
		aptGet: existsSync('/usr/bin/apt-get'),
	});
}

/** `apt-get update` then `apt-get install -y chromium`; returns the browser's path. */
export async function installChromium(): Promise<string> {
	const started = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	log('Chromium is missing: apt-get update && apt-get install -y chromium (once, about a minute)');
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
		const result = await run('apt-get', args, { env, timeoutMs: 15 * 60_000 });
		if (result.code !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.code}):\n${result.stderr.slice(-2000)}`);
	}
	const path = findChromium();
	if (!path) throw new Error('apt-get installed chromium, but no chromium is on PATH');
	log(`Chromium installed in ${Math.round((Date.now() - started) / 1000)} s: ${path}`);
	return path;
}

/** Why the browser test is skipped, or undefined when it runs: only without a browser, and never on CI (there it fails instead). */
export function browserSkipReason(plan: ChromiumPlan, env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (!('unavailable' in plan)) return undefined;
	return env.CI === 'true' || env.CI === '1' ? undefined : plan.unavailable;
}
