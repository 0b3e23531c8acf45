/** Small child-process helpers shared by the n8n tooling. */
import { spawn, type SpawnOptions } from 'node:child_process';

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	timeoutMs?: number;
	/** Echo the child's output to this process's stderr while it runs. */
	echo?: boolean;
	input?: string;
	/** Run as another user (root only), e.g. initdb as `postgres`. */
	spawnOptions?: Pick<SpawnOptions, 'uid' | 'gid'>;
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const started = Date.now();
	return new Promise((resolvePromise, reject) => {
		const spawnOptions: SpawnOptions = {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['pipe', 'pipe', 'pipe'],
			...options.spawnOptions,
		};
		const child = spawn(command, args, spawnOptions);
		let stdout = '';
		let stderr = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			if (options.echo) process.stderr.write(chunk);
		});
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
			if (options.echo) process.stderr.write(chunk);
		});
		child.stdin!.end(options.input ?? '');
		let timer: NodeJS.Timeout | undefined;
		if (options.timeoutMs) {
			timer = setTimeout(() => {
				stderr += `\n[killed after ${options.timeoutMs} ms]`;
				child.kill('SIGKILL');
			}, options.timeoutMs);
		}
		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			resolvePromise({ code, signal, stdout, stderr, ms: Date.now() - started });
		});
	});
}

/** Runs and throws with the command's output when it does not exit 0. */
export async function runChecked(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const tail = (text: string) => text.split('\n').slice(-40).join('\n');
		throw new Error(
			`\`${command} ${args.join(' ')}\` failed (exit ${result.code ?? result.signal}) in ${options.cwd ?? process.cwd()}\n` +
				`--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`,
		);
	}
	return result;
}

/** `npm` as a command name the platform can spawn without a shell. */
export const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function log(message: string): void {
	process.stderr.write(`[n8n-tools] ${message}\n`);
}
