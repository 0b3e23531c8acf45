/**
 * `n8n start` in the background on 127.0.0.1 with a free port; resolves once `/healthz/readiness`
 * answers 200 (database migrated, server up).
 */
import { spawn, type ChildProcess } from 'node:child_process';

import { supervise } from './child';
import type { N8nCli } from './cli';
import { freePort } from './ports';

export interface N8nServer {
	url: string;
	port: number;
	child: ChildProcess;
	/** Everything the server printed so far. */
	output(): string;
	stop(): Promise<void>;
}

export async function startN8nServer(cli: N8nCli, options: { port?: number; timeoutMs?: number; echo?: boolean } = {}): Promise<N8nServer> {
	const port = options.port ?? (await freePort());
	const env = { ...cli.env, N8N_PORT: String(port), N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/` };
	const child = spawn(cli.install.node24.node, [cli.install.bin, 'start'], { env, cwd: cli.filesDir, stdio: ['ignore', 'pipe', 'pipe'] });
	const proc = supervise(child, { stopSignal: 'SIGTERM', graceMs: 15_000, keepChars: 2_000_000, echo: options.echo });
	const { output, stop } = proc;
	const url = `http://127.0.0.1:${port}`;

	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	for (;;) {
		if (!proc.running()) {
			throw new Error(`n8n start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output().slice(-4000)}`);
		}
		try {
			const response = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (response.status === 200) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n start was not ready on ${url} in time:\n${output().slice(-4000)}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return { url, port, child, output, stop };
}
