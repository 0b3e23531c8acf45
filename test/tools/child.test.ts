import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

import { supervise } from '../../tools/n8n/child';

const ROOT = join(__dirname, '..', '..');

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
	const deadline = Date.now() + withinMs;
	while (alive(pid)) {
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return true;
}

describe('supervise (children of tests and benches)', () => {
	it('stops a child that ignores its stop signal with SIGKILL after the grace time, keeping its output', async () => {
		const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)"], { stdio: ['ignore', 'pipe', 'pipe'] });
		const proc = supervise(child, { stopSignal: 'SIGTERM', graceMs: 300, keepChars: 1000 });
		await once(child.stdout!, 'data');
		await proc.stop();
		expect(proc.running()).toBe(false);
		expect(child.signalCode).toBe('SIGKILL');
		expect(proc.output()).toBe('up\n');
	});

	it('leaves no orphan when the supervising process is terminated by a signal', async () => {
		const script = [
			"const { spawn } = require('node:child_process');",
			"const { supervise } = require('./tools/n8n/child');",
			"const child = spawn('sleep', ['600']);",
			"supervise(child, { stopSignal: 'SIGTERM', graceMs: 1000, keepChars: 1000 });",
			'console.log(child.pid);',
			'setInterval(() => {}, 1000);',
		].join('\n');
		const parent = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
		const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
		const grandchild = Number(line.toString().trim());
		expect(alive(grandchild)).toBe(true);
		parent.kill('SIGTERM');
		const [, signal] = (await once(parent, 'exit')) as [number | null, string | null];
		expect(signal).toBe('SIGTERM');
		expect(await gone(grandchild, 5000)).toBe(true);
	});
});
