/**
 * The demo (3CX simulator + real n8n with this package, as `npm start` runs it) in a temp folder on
 * free ports, and Chromium logged in to its editor.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import { DEMO_OWNER, startDemo, type Demo } from '../demo/start';
import { CHROMIUM_ARGS } from './chromium';
import { Editor } from './editor';

/** Wide enough for the node panel's three columns with a readable output table; small enough for README pictures. */
export const VIEWPORT = { width: 1440, height: 900 };

export interface BrowserSession {
	demo: Demo;
	browser: Browser;
	page: Page;
	editor: Editor;
	close(): Promise<void>;
}

export async function startBrowserSession(options: { executablePath: string; log?: (message: string) => void }): Promise<BrowserSession> {
	const dir = await mkdtemp(join(tmpdir(), 'n8n-browser-'));
	let demo: Demo | undefined;
	let browser: Browser | undefined;
	const close = async () => {
		await browser?.close().catch(() => undefined);
		await demo?.stop();
		await rm(dir, { recursive: true, force: true });
	};
	try {
		demo = await startDemo({ dir, n8nPort: 0, simPort: 0, quiet: true, buildIfStale: true, log: options.log });
		selectors.setTestIdAttribute('data-test-id');
		browser = await chromium.launch({ executablePath: options.executablePath, headless: true, args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless') });
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
		const page = await context.newPage();
		// Leaving an unsaved workflow asks "leave the page?"; the test moves on.
		page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
		const editor = new Editor(page, demo.server.url);
		await editor.logIn(DEMO_OWNER.email, DEMO_OWNER.password);
		return { demo, browser, page, editor, close };
	} catch (error) {
		await close();
		throw error;
	}
}
