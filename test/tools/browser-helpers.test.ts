import { browserSkipReason, chromiumPlan, findChromium } from '../../tools/browser/chromium';
import { fileSlug, screenshotDir, unionBox } from '../../tools/browser/shots';

describe('browser test helpers', () => {
	it('uses a Chromium it finds, installs one as root with apt-get, else says why not', () => {
		expect(chromiumPlan({ found: '/usr/bin/chromium', root: false, aptGet: false })).toEqual({ use: '/usr/bin/chromium' });
		expect(chromiumPlan({ root: true, aptGet: true })).toEqual({ install: true });
		expect(chromiumPlan({ root: false, aptGet: true })).toEqual({ unavailable: expect.stringContaining('only root may install it') });
		expect(chromiumPlan({ root: true, aptGet: false })).toEqual({ unavailable: expect.stringContaining('no apt-get') });
		expect(chromiumPlan({ configured: '/opt/none', root: true, aptGet: true })).toEqual({ unavailable: 'CHROMIUM_PATH is /opt/none, which does not exist' });
	});

	it('skips only without a browser, and never on CI', () => {
		const none = { unavailable: 'no browser' };
		expect(browserSkipReason(none, {})).toBe('no browser');
		expect(browserSkipReason(none, { CI: 'true' })).toBeUndefined();
		expect(browserSkipReason({ install: true }, {})).toBeUndefined();
		expect(browserSkipReason({ use: '/usr/bin/chromium' }, {})).toBeUndefined();
	});

	it('finds chromium through CHROMIUM_PATH or PATH', () => {
		expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeUndefined();
		expect(findChromium({ PATH: '/nonexistent' })).toBeUndefined();
		expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
	});

	it('crops to the box around all areas, padded, inside the viewport', () => {
		const viewport = { width: 1000, height: 800 };
		expect(unionBox([{ x: 100, y: 50, width: 200, height: 100 }, { x: 250, y: 120, width: 100.5, height: 300 }], 10, viewport)).toEqual({
			x: 90,
			y: 40,
			width: 271,
			height: 390,
		});
		expect(unionBox([{ x: 5, y: 700, width: 2000, height: 400 }], 10, viewport)).toEqual({ x: 0, y: 690, width: 1000, height: 110 });
		expect(() => unionBox([], 0, viewport)).toThrow('nothing to crop to');
	});

	it('names failure screenshots after the step', () => {
		expect(fileSlug('search the list for 101 and pick it')).toBe('search-the-list-for-101-and-pick-it');
		expect(fileSlug('run the example weekly-queue-sla-report.json')).toBe('run-the-example-weekly-queue-sla-report-json');
	});

	it('makes README pictures only when THREECX_SCREENSHOT_DIR is set', () => {
		expect(screenshotDir({})).toBeUndefined();
		expect(screenshotDir({ THREECX_SCREENSHOT_DIR: 'docs' })).toMatch(/\/docs$/);
	});
});
