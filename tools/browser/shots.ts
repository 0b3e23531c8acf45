/**
 * Pictures from the browser test: a full-page screenshot of every failure (in
 * .cache/browser-failures/), and the README's pictures, cropped to the part they show, when
 * THREECX_SCREENSHOT_DIR is set (`npm run screenshots` sets it to docs/).
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { cacheRoot, repoRoot } from '../n8n/paths';

export const FAILURE_DIR = join(cacheRoot, 'browser-failures');

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The smallest box around `boxes`, `pad` pixels wider on each side, inside the viewport. */
export function unionBox(boxes: Box[], pad: number, viewport: { width: number; height: number }): Box {
	if (!boxes.length) throw new Error('nothing to crop to');
	const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
	const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
	const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
	const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
	return { x: Math.floor(left), y: Math.floor(top), width: Math.ceil(right - left), height: Math.ceil(bottom - top) };
}

/** A file name from a test step's title. */
export function fileSlug(title: string): string {
	return title
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 80);
}

/** Removes the screenshots of an earlier run's failures. */
export async function clearFailures(): Promise<void> {
	await rm(FAILURE_DIR, { recursive: true, force: true });
}

/** Runs a step of the test; on failure saves a screenshot and names it in the error. */
export async function step<T>(page: Page, title: string, body: () => Promise<T>): Promise<T> {
	try {
		return await body();
	} catch (error) {
		await mkdir(FAILURE_DIR, { recursive: true });
		const file = join(FAILURE_DIR, `${fileSlug(title)}.png`);
		const saved = await page.screenshot({ path: file, fullPage: true }).then(
			() => `screenshot: ${file}`,
			(shotError: Error) => `no screenshot (${shotError.message})`,
		);
		if (error instanceof Error) {
			error.message = `${title}: ${error.message}\n${saved}`;
			throw error;
		}
		throw new Error(`${title}: ${String(error)}\n${saved}`);
	}
}

/** Where README pictures go, or undefined when this run makes none. */
export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const dir = env.THREECX_SCREENSHOT_DIR;
	return dir ? resolve(repoRoot, dir) : undefined;
}

/** Saves `<name>.png` cropped to `areas` (plus `pad` pixels) when README pictures are wanted; returns its path and size. */
export async function readmeShot(page: Page, name: string, areas: Array<Locator | Box>, pad = 6): Promise<{ file: string; bytes: number } | undefined> {
	const dir = screenshotDir();
	if (!dir) return undefined;
	const boxes: Box[] = [];
	for (const area of areas) {
		const box = 'boundingBox' in area ? await area.boundingBox() : area;
		if (!box) throw new Error(`${name}: an area to show is not visible`);
		boxes.push(box);
	}
	const viewport = page.viewportSize();
	if (!viewport) throw new Error('the page has no fixed viewport to crop to');
	await mkdir(dir, { recursive: true });
	const file = join(dir, `${name}.png`);
	// Toasts ("Node executed successfully") would cover part of the picture.
	await page.screenshot({ path: file, clip: unionBox(boxes, pad, viewport), animations: 'disabled', caret: 'hide', style: '.el-notification { display: none !important; }' });
	return { file, bytes: (await stat(file)).size };
}
