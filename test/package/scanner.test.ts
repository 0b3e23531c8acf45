/**
 * n8n's own community-package scanner (@n8n/scan-community-package, the static analysis n8n runs
 * before it verifies a package) finds nothing, warnings included, in the tarball npm would publish
 * and in the sources. Offline: the scanner's provenance check needs the registry and is left to
 * the release workflow (npm publish --provenance).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { type UnpackedTarball, packAndUnpack, repoRoot } from './pack';

interface ScanReport {
	passed: boolean;
	message: string | null;
	files: string[];
	findings: { file: string; line: number; severity: string; rule: string; message: string }[];
}

async function scan(dir: string, target: 'tarball' | 'sources'): Promise<ScanReport> {
	const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'scan.mjs'), dir, target], {
		cwd: repoRoot,
		// Jest's NODE_ENV=test switches eslint-plugin-n8n-nodes-base into its own test mode.
		env: { ...process.env, NODE_ENV: 'production' },
		maxBuffer: 64 * 1024 * 1024,
	});
	return JSON.parse(stdout) as ScanReport;
}

/** One readable line per finding, so a failure prints the scanner's report. */
function lines(report: ScanReport): string[] {
	return report.findings.map((f) => `${f.severity} ${f.file}:${f.line} ${f.rule}: ${f.message}`);
}

let tarball: UnpackedTarball;
let reports: { tarball: ScanReport; sources: ScanReport };

beforeAll(async () => {
	tarball = packAndUnpack();
	const [ofTarball, ofSources] = await Promise.all([scan(tarball.dir, 'tarball'), scan(repoRoot, 'sources')]);
	reports = { tarball: ofTarball, sources: ofSources };
}, 300_000);

afterAll(() => tarball?.remove());

describe.each(['tarball', 'sources'] as const)("n8n's scanner on the %s", (target) => {
	it('reports no errors and no warnings', () => {
		expect(lines(reports[target])).toEqual([]);
		expect({ passed: reports[target].passed, message: reports[target].message }).toEqual({ passed: true, message: null });
	});

	it('linted package.json and the node and credential code', () => {
		const { files } = reports[target];
		const code = target === 'tarball' ? '.js' : '.ts';
		const prefix = target === 'tarball' ? 'dist/' : '';
		expect(files).toEqual(
			expect.arrayContaining([
				'package.json',
				`${prefix}nodes/ThreeCx/ThreeCx.node${code}`,
				`${prefix}credentials/ThreeCxApi.credentials${code}`,
			]),
		);
	});
});
