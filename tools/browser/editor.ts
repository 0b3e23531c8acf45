/**
 * The n8n 2.x editor driven as a user drives it, through the `data-test-id` attributes n8n's
 * own Playwright tests use (the browser's test-id attribute must be set to `data-test-id`).
 */
import type { Locator, Page, Response } from 'playwright-core';

import type { Box } from './shots';

export interface NodeRunResult {
	/** "31 items" as the output panel counts them. */
	items: number;
	/** Column headers of the output table. */
	columns: string[];
}

const LONG = 120_000;

export class Editor {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {}

	private byTestId(id: string): Locator {
		return this.page.getByTestId(id);
	}

	async logIn(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.byTestId('emailOrLdapLoginId').locator('input').fill(email);
		await this.byTestId('password').locator('input').fill(password);
		await this.byTestId('form-submit-button').click();
		await this.page.waitForURL(/\/home\//, { timeout: LONG });
	}

	async newWorkflow(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/new`);
		await this.byTestId('canvas-plus-button').waitFor({ timeout: LONG });
	}

	/**
	 * The node picker on an empty canvas: search `nodeName`, open it, click `action` (n8n puts a
	 * manual trigger in front). Leaves the node's panel open.
	 */
	async addFirstNode(nodeName: string, action: string): Promise<void> {
		await this.byTestId('canvas-plus-button').click();
		await this.byTestId('node-creator-search-bar').fill(nodeName);
		await this.byTestId('node-creator-item-name').getByText(nodeName, { exact: true }).click();
		// A node that also has a trigger lists the triggers first and folds its actions away.
		const actions = this.byTestId('node-creator-category-item').filter({ hasText: /^Actions/ });
		await actions.waitFor();
		if ((await actions.locator('..').getAttribute('data-category-collapsed')) === 'true') await actions.click();
		await this.byTestId('node-creator-item-name').getByText(action, { exact: true }).click();
		await this.ndv.waitFor();
	}

	get ndv(): Locator {
		return this.byTestId('ndv');
	}

	get outputPanel(): Locator {
		return this.ndv.getByTestId('output-panel');
	}

	get parametersPanel(): Locator {
		return this.ndv.getByTestId('node-parameters');
	}

	parameter(name: string): Locator {
		return this.ndv.getByTestId(`parameter-input-${name}`);
	}

	/** The text a dropdown parameter shows (the option's display name). */
	async shownValue(name: string): Promise<string> {
		return await this.parameter(name).locator('input').first().inputValue();
	}

	/** Picks `option` (its display name) in a dropdown parameter. */
	async selectOption(name: string, option: string): Promise<void> {
		await this.parameter(name).click();
		// An option's accessible name includes its description: match its title.
		await this.page.getByRole('option').filter({ has: this.page.getByText(option, { exact: true }) }).click();
		const shown = await this.shownValue(name);
		if (shown !== option) throw new Error(`${name} shows "${shown}" after picking "${option}"`);
	}

	/** Types into a date-time picker (`YYYY-MM-DD HH:mm:ss`) and confirms with Enter. */
	async setDateTime(name: string, value: string): Promise<void> {
		const input = this.parameter(name).locator('input');
		await input.click();
		await input.fill(value);
		await input.press('Enter');
		const shown = await input.inputValue();
		if (shown !== value) throw new Error(`${name} shows "${shown}" after typing "${value}"`);
	}

	/** "Execute step" in the node's panel; resolves with the output table, throws with the node's error. */
	async executeStep(): Promise<NodeRunResult> {
		await this.ndv.getByTestId('node-execute-button').click();
		const success = this.outputPanel.getByTestId('node-run-status-success');
		const failure = this.outputPanel.getByTestId('node-error-message');
		await success.or(failure).first().waitFor({ timeout: LONG });
		if (await failure.isVisible()) {
			const description = await this.outputPanel.getByTestId('node-error-description').textContent().catch(() => '');
			throw new Error(`the node failed: ${await failure.textContent()} ${description ?? ''}`.trim());
		}
		await this.outputPanel.getByRole('radio', { name: 'Table' }).click();
		const table = this.outputPanel.getByTestId('ndv-data-container').locator('table');
		await table.locator('tbody tr').first().waitFor();
		const count = (await this.outputPanel.getByTestId('ndv-items-count').first().textContent()) ?? '';
		const columns = (await table.locator('thead th').allTextContents()).map((text) => text.trim()).filter(Boolean);
		return { items: Number(/(\d[\d,]*) items?/.exec(count)?.[1]?.replace(/,/g, '') ?? NaN), columns };
	}

	/** Cell text of the first output row under `column`. */
	async firstRowValue(column: string): Promise<string> {
		const table = this.outputPanel.getByTestId('ndv-data-container').locator('table');
		const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
		const index = headers.indexOf(column);
		if (index < 0) throw new Error(`no column ${column} in the output table (${headers.join(', ')})`);
		return ((await table.locator('tbody tr').first().locator('td').nth(index).textContent()) ?? '').trim();
	}

	/** Opens the "From List" dropdown of a resource locator; resolves once entries are listed. */
	async openList(name: string): Promise<Locator> {
		await this.ndv.getByTestId(`resource-locator-${name}`).getByTestId('rlc-input').click();
		const items = this.byTestId('rlc-item');
		await items.first().waitFor({ timeout: LONG });
		return items;
	}

	/** Types into the open list's search box; resolves once the server's answer shortened the list. */
	async searchList(text: string): Promise<void> {
		const items = this.byTestId('rlc-item');
		const before = await items.count();
		await this.byTestId('rlc-search').fill(text);
		const deadline = Date.now() + LONG;
		while ((await items.count()) >= before) {
			if (Date.now() > deadline) throw new Error(`searching the list for "${text}" left ${before} entries`);
			await this.page.waitForTimeout(200);
		}
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.byTestId('canvas-node').first().waitFor({ timeout: LONG });
	}

	/**
	 * The box around everything drawn on the canvas: nodes with their labels (drawn outside the
	 * node's own box), sticky notes and edges (n8n's canvas is Vue Flow).
	 */
	async canvasContent(): Promise<Box> {
		return await this.byTestId('canvas-wrapper').evaluate((canvas) => {
			// Hover toolbars and handles are there but transparent: they do not count.
			const parts = [...canvas.querySelectorAll('.vue-flow__node, .vue-flow__node *, .vue-flow__edge-label')].filter((part) =>
				part.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
			);
			const rects = parts.map((part) => part.getBoundingClientRect()).filter((rect) => rect.width > 0 && rect.height > 0);
			const left = Math.min(...rects.map((rect) => rect.left));
			const top = Math.min(...rects.map((rect) => rect.top));
			const right = Math.max(...rects.map((rect) => rect.right));
			const bottom = Math.max(...rects.map((rect) => rect.bottom));
			return { x: left, y: top, width: right - left, height: bottom - top };
		});
	}

	async executeWorkflow(): Promise<void> {
		await this.byTestId('execute-workflow-button').click();
	}

	/** Waits until every named node shows success on the canvas; throws when one shows an error. */
	async waitForNodesSucceeded(names: string[], timeoutMs = LONG): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const failed = await this.nodesWithStatus('canvas-node-status-error');
			if (failed.length) throw new Error(`nodes failed: ${failed.join(', ')}`);
			const done = await this.nodesWithStatus('canvas-node-status-success');
			const missing = names.filter((name) => !done.includes(name));
			if (!missing.length) return;
			if (Date.now() > deadline) throw new Error(`nodes did not succeed in ${timeoutMs} ms: ${missing.join(', ')}`);
			await this.page.waitForTimeout(250);
		}
	}

	private async nodesWithStatus(testId: string): Promise<string[]> {
		return await this.byTestId('canvas-node')
			.filter({ has: this.byTestId(testId) })
			.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name') ?? ''));
	}

	/** Opens a credential from Overview → Credentials; resolves with n8n's connection test answer. */
	async openCredential(name: string): Promise<{ modal: Locator; test: Response }> {
		await this.page.goto(`${this.baseUrl}/home/credentials`);
		const tested = this.credentialTest();
		await this.byTestId('resources-list-item').filter({ hasText: name }).click();
		const modal = this.byTestId('credential-edit-dialog');
		await modal.waitFor();
		return { modal, test: await tested };
	}

	/** The next `POST /rest/credentials/test` the editor sends. */
	credentialTest(): Promise<Response> {
		return this.page.waitForResponse((response) => response.url().endsWith('/rest/credentials/test') && response.request().method() === 'POST', {
			timeout: LONG,
		});
	}
}
