import * as fs from 'fs';
import { Simulator, SimulatorOptions, specDir, specFile, startSimulator } from '../../simulator';
import { CALL_LOG_NO_FILTERS, PERIOD_MARCH_2025, functionArgs } from '../support/fixtures';

export const specAvailable = (): boolean => specFile(specDir()) !== undefined && fs.existsSync(specDir());

export async function getToken(sim: Simulator, secret = sim.apiKey): Promise<Response> {
	return fetch(`${sim.url}/connect/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ client_id: sim.clientId, client_secret: secret, grant_type: 'client_credentials' }),
	});
}

export interface Client {
	sim: Simulator;
	token: string;
	get(path: string, init?: RequestInit): Promise<Response>;
	json<T = any>(path: string): Promise<{ status: number; body: T; res: Response }>; // eslint-disable-line @typescript-eslint/no-explicit-any
	send(method: string, path: string, body?: unknown): Promise<Response>;
}

export async function client(sim: Simulator): Promise<Client> {
	const res = await getToken(sim);
	const token = ((await res.json()) as { access_token: string }).access_token;
	const auth = { Authorization: `Bearer ${token}` };
	const c: Client = {
		sim,
		token,
		get: (path, init = {}) => fetch(`${sim.url}/xapi/v1/${path}`, { ...init, headers: { ...auth, ...(init.headers ?? {}) } }),
		json: async (path) => {
			const r = await c.get(path);
			const text = await r.text();
			return { status: r.status, body: text ? JSON.parse(text) : undefined, res: r };
		},
		send: (method, path, body) =>
			fetch(`${sim.url}/xapi/v1/${path}`, {
				method,
				headers: { ...auth, 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			}),
	};
	return c;
}

export async function withSim(options: SimulatorOptions = {}): Promise<{ sim: Simulator; c: Client }> {
	const sim = await startSimulator(options);
	return { sim, c: await client(sim) };
}

/** GetCallLogData URL with every parameter in spec order; `over` replaces literals as spelled (undefined drops one). */
export function callLogUrl(over: Partial<Record<string, string>> = {}, fn = 'GetCallLogData'): string {
	const params = { ...PERIOD_MARCH_2025, ...CALL_LOG_NO_FILTERS, ...(fn === 'DownloadCallLog' ? { clientTimeZone: 'UTC' } : {}) };
	return `ReportCallLogData/Pbx.${fn}(${functionArgs(params, over)})`;
}
