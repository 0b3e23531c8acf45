/**
 * Long-running children of tests and benches (n8n start/worker, Postgres, Redis): output kept
 * (bounded), a stop that waits for the exit, and no orphans. n8n drains its executions for up to
 * 30 s on SIGTERM and a killed jest runs no afterAll, so every child still running when this
 * process exits or is told to stop by a signal gets SIGKILL.
 */
import type { ChildProcess } from 'node:child_process';

export interface SupervisedChild {
	/** What the child printed (the newest part, bounded). */
	output(): string;
	running(): boolean;
	/** The stop signal, then SIGKILL after the grace time; resolves once the child exited. */
	stop(): Promise<void>;
}

export interface SuperviseOptions {
	stopSignal: NodeJS.Signals;
	graceMs: number;
	/** Output kept: trimmed to half of this when it grows past it. */
	keepChars: number;
	/** Also write the child's output to stderr. */
	echo?: boolean;
}

const live = new Set<ChildProcess>();
let guarded = false;

function killLive(): void {
	for (const child of live) child.kill('SIGKILL');
	live.clear();
}

function guardProcessExit(): void {
	if (guarded) return;
	guarded = true;
	process.once('exit', killLive);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		const onSignal = () => {
			killLive();
			process.removeListener(signal, onSignal);
			// With no other listener this is the default action again: the process ends by the signal.
			process.kill(process.pid, signal);
		};
		process.on(signal, onSignal);
	}
}

export function supervise(child: ChildProcess, options: SuperviseOptions): SupervisedChild {
	guardProcessExit();
	live.add(child);
	let output = '';
	const collect = (chunk: Buffer) => {
		output += chunk.toString('utf8');
		if (output.length > options.keepChars) output = output.slice(-options.keepChars / 2);
		if (options.echo) process.stderr.write(chunk);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			live.delete(child);
			resolve();
		}),
	);
	const running = () => child.exitCode === null && child.signalCode === null;
	const stop = async () => {
		if (!running()) return;
		child.kill(options.stopSignal);
		let timer: NodeJS.Timeout | undefined;
		const graceful = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), options.graceMs)))]);
		// A pending timer would keep the process (jest) alive after the child is gone.
		clearTimeout(timer);
		if (!graceful) {
			child.kill('SIGKILL');
			await exited;
		}
	};
	return { output: () => output, running, stop };
}
