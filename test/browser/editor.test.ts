/**
 * The n8n editor in a real browser: Debian's Chromium, driven by playwright-core, against the
 * demo (`npm start`: 3CX simulator + real n8n 2.x with this package) in a temp folder. It clicks
 * what a user clicks and checks what a user sees. Failures save a screenshot in
 * .cache/browser-failures/. `npm run screenshots` runs it with THREECX_SCREENSHOT_DIR=docs to
 * renew the README's pictures.
 *
 * Chromium is installed with apt-get when missing and this process is root; the suite skips (one
 * line) only where that is impossible, and never when CI=true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { browserSkipReason, currentChromiumPlan, installChromium } from '../../tools/browser/chromium';
import { startBrowserSession, type BrowserSession } from '../../tools/browser/session';
import { clearFailures, readmeShot, step, type Box } from '../../tools/browser/shots';
import { repoRoot, type WorkflowJson } from '../../tools/n8n';
import { FORM_ANSWERS } from '../e2e/workflows';

const README_PICTURE_LIMIT = 150 * 1024;
const PICTURED_EXAMPLE = 'weekly-queue-sla-report.json';
const EXAMPLES = readdirSync(join(repoRoot, 'examples'))
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(repoRoot, 'examples', file), 'utf8')) as WorkflowJson }));

const plan = currentChromiumPlan();
const skipReason = browserSkipReason(plan);
if (skipReason) process.stderr.write(`skipped: the browser test of the n8n editor, because ${skipReason}\n`);
const suite = skipReason ? describe.skip : describe;

/** Fills the required fields of n8n's test form (opened in a new tab) and submits it. */
async function submitTestForm(form: Page): Promise<void> {
	await form.waitForLoadState();
	for (const [label, value] of Object.entries(FORM_ANSWERS)) {
		if (value) await form.getByLabel(label, { exact: true }).fill(value);
	}
	await form.locator('#submit-btn').click();
	await form.getByText('Form Submitted').waitFor();
	await form.close();
}

suite('the n8n editor in Chromium, against the demo', () => {
	let session: BrowserSession;
	let page: Page;
	const pictures: string[] = [];

	async function picture(name: string, areas: Array<Locator | Box>, pad?: number): Promise<void> {
		const saved = await readmeShot(page, name, areas, pad);
		if (!saved) return;
		pictures.push(`${saved.file} (${Math.round(saved.bytes / 1024)} KB)`);
		expect(saved.bytes).toBeLessThanOrEqual(README_PICTURE_LIMIT);
	}

	beforeAll(async () => {
		if ('unavailable' in plan) throw new Error(`CI=true, so the browser test may not skip: ${plan.unavailable}`);
		await clearFailures();
		const executablePath = 'use' in plan ? plan.use : await installChromium();
		const demoLog: string[] = [];
		try {
			session = await startBrowserSession({ executablePath, log: (message) => demoLog.push(message) });
		} catch (error) {
			if (error instanceof Error) error.message += `\n--- demo ---\n${demoLog.join('\n')}`;
			throw error;
		}
		page = session.page;
	}, 30 * 60_000);

	afterAll(async () => {
		await session?.close();
		if (pictures.length) process.stderr.write(`README pictures: ${pictures.join(', ')}\n`);
	}, 60_000);

	it('adds the 3CX node from the node picker and runs Report User Activity → Get User Activity', async () => {
		const { editor } = session;
		await step(page, 'add the 3CX node from the node picker', async () => {
			await editor.newWorkflow();
			await editor.addFirstNode('3CX', 'Get user activity');
		});
		expect(await editor.ndv.getByTestId('node-credentials-select').locator('input').inputValue()).toBe('3CX (simulator)');
		expect(await editor.shownValue('resource')).toBe('Report User Activity');
		expect(await editor.shownValue('operation')).toBe('Get User Activity');

		await step(page, 'set the period', async () => {
			await editor.selectOption('period', 'Custom');
			await editor.setDateTime('periodFrom', '2025-03-01 00:00:00');
			await editor.setDateTime('periodTo', '2025-03-31 23:59:59');
		});
		const run = await step(page, 'execute Get User Activity', () => editor.executeStep());
		expect(run.items).toBeGreaterThan(0);
		expect(run.columns).toEqual(expect.arrayContaining(['AnsweredCount', 'UnansweredCount']));

		await picture('report-node-panel', [editor.ndv.getByTestId('tab-params'), editor.parametersPanel, editor.outputPanel]);
		await picture('output-table', [editor.outputPanel]);
	}, 240_000);

	it('picks a user From List (searched on the PBX) for Users → Get and runs it', async () => {
		const { editor } = session;
		await step(page, 'add Users → Get', async () => {
			await editor.newWorkflow();
			await editor.addFirstNode('3CX', 'Get user');
		});
		expect(await editor.shownValue('resource')).toBe('Users');
		expect(await editor.shownValue('operation')).toBe('Get');

		const items = await step(page, 'open the From List picker', () => editor.openList('userId'));
		const listed = (await items.allTextContents()).map((text) => text.trim());
		expect(listed.length).toBeGreaterThan(1);
		for (const entry of listed) expect(entry).toMatch(/^\d+ – \S/);
		await picture('from-list-picker', [editor.ndv.getByTestId('node-credentials-slot'), items.first().locator('xpath=../..')]);

		const wanted = listed[1];
		const number = wanted.split(' ')[0];
		await step(page, `search the list for ${number} and pick it`, async () => {
			await editor.searchList(number);
			await items.filter({ hasText: wanted }).click();
		});
		const run = await step(page, 'execute Users → Get', () => editor.executeStep());
		expect(run.items).toBe(1);
		expect(await editor.firstRowValue('Number')).toBe(number);
	}, 240_000);

	it.each(EXAMPLES.map(({ file, workflow }) => [workflow.name, file, workflow] as const))(
		'opens and runs the example workflow "%s"',
		async (_name, file, workflow) => {
			const { editor } = session;
			const nodes = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map((node) => node.name);
			const hasForm = workflow.nodes.some((node) => node.type === 'n8n-nodes-base.formTrigger');
			await step(page, `run the example ${file}`, async () => {
				await editor.openWorkflow(workflow.id);
				// n8n opens the test form of a Form Trigger in a new tab.
				const form = hasForm ? page.context().waitForEvent('page') : undefined;
				await editor.executeWorkflow();
				if (form) await submitTestForm(await form);
				await editor.waitForNodesSucceeded(nodes);
			});
			if (file === PICTURED_EXAMPLE) await picture('example-workflow', [await editor.canvasContent()], 16);
		},
		240_000,
	);

	it('tests the credential "3CX (simulator)" successfully', async () => {
		const { editor } = session;
		const { modal, test } = await step(page, 'open the credential', () => editor.openCredential('3CX (simulator)'));
		expect(test.status()).toBe(200);
		expect(((await test.json()) as { data: { status: string } }).data.status).toBe('OK');
		await modal.getByTestId('credentials-config-container-test-success').waitFor();

		const retest = editor.credentialTest();
		await step(page, 'test it again (Retry)', () => modal.getByRole('button', { name: 'Retry' }).click());
		expect(((await (await retest).json()) as { data: { status: string } }).data.status).toBe('OK');
	}, 120_000);
});
