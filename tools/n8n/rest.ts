/**
 * The few n8n REST calls the demo and its checks need (the editor's own API, cookie auth).
 */
import { randomUUID } from 'node:crypto';

export class N8nRest {
	private cookie = '';

	private readonly browserId = randomUUID();

	constructor(readonly baseUrl: string) {}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed.data ?? parsed) as T;
	}

	async settings(): Promise<{ userManagement?: { showSetupOnFirstLoad?: boolean } }> {
		return await this.call('GET', '/settings');
	}

	/** Creates the owner account unless one exists already; then logs in. */
	async ensureOwner(owner: { email: string; password: string; firstName: string; lastName: string }): Promise<'created' | 'existing'> {
		const settings = await this.settings();
		if (settings.userManagement?.showSetupOnFirstLoad) {
			await this.call('POST', '/owner/setup', owner);
			return 'created';
		}
		await this.login(owner.email, owner.password);
		return 'existing';
	}

	async login(email: string, password: string): Promise<void> {
		await this.call('POST', '/login', { emailOrLdapLoginId: email, password });
	}

	async workflows(): Promise<Array<{ id: string; name: string; active: boolean }>> {
		return await this.call('GET', '/workflows');
	}

	async credentials(): Promise<Array<{ id: string; name: string; type: string }>> {
		return await this.call('GET', '/credentials');
	}
}
