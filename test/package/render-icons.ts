/**
 * Renders the node's light and dark icons at n8n's 40 px on the editor's light and dark node
 * backgrounds, for a look before a release (not part of npm test: it needs Chromium).
 * Usage: npx tsx test/package/render-icons.ts [out-dir]   (default .cache/icons)
 * Writes icons-40px.png (true size) and icons-40px-x4.png (the same pixels enlarged 4×).
 * CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { chromium } from 'playwright-core';

const root = resolve(__dirname, '../..');
const outDir = resolve(process.argv[2] ?? join(root, '.cache/icons'));
const ICON_PX = 40;
const BACKGROUNDS = { 'light theme': '#ffffff', 'dark theme': '#2d2e2e' };
const VARIANTS = { light: 'nodes/ThreeCx/threeCx.light.svg', dark: 'nodes/ThreeCx/threeCx.dark.svg' };

function dataUrl(mime: string, bytes: Buffer): string {
	return `data:${mime};base64,${bytes.toString('base64')}`;
}

function sheet(): string {
	const header = Object.keys(BACKGROUNDS)
		.map((name) => `<th>${name}</th>`)
		.join('');
	const rows = Object.entries(VARIANTS).map(([variant, file]) => {
		const src = dataUrl('image/svg+xml', readFileSync(join(root, file)));
		const cells = Object.values(BACKGROUNDS)
			.map((colour) => `<td style="background:${colour}"><img src="${src}" width="${ICON_PX}" height="${ICON_PX}"></td>`)
			.join('');
		return `<tr><th>${variant}</th>${cells}</tr>`;
	});
	return `<style>body{margin:0;font:11px sans-serif}td{padding:12px}th{padding:4px}</style>
		<table id="sheet" cellspacing="0"><tr><th></th>${header}</tr>${rows.join('')}</table>`;
}

async function main(): Promise<void> {
	mkdirSync(outDir, { recursive: true });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--headless=new', '--disable-gpu'],
	});
	try {
		const page = await browser.newPage({ deviceScaleFactor: 1 });
		await page.setContent(sheet());
		const trueSize = await page.locator('#sheet').screenshot({ path: join(outDir, 'icons-40px.png') });
		const { width, height } = (await page.locator('#sheet').boundingBox())!;
		await page.setContent(
			`<body style="margin:0"><img id="big" src="${dataUrl('image/png', trueSize)}"
				style="image-rendering:pixelated;width:${width * 4}px;height:${height * 4}px"></body>`,
		);
		await page.setViewportSize({ width: Math.ceil(width * 4), height: Math.ceil(height * 4) });
		await page.locator('#big').screenshot({ path: join(outDir, 'icons-40px-x4.png') });
	} finally {
		await browser.close();
	}
	process.stdout.write(`${join(outDir, 'icons-40px.png')}\n${join(outDir, 'icons-40px-x4.png')}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
