/**
 * Runs n8n's community-package scanner (@n8n/scan-community-package) on one directory, offline.
 * Usage: node test/package/scan.mjs <dir> tarball|sources
 * Prints JSON: the scanner's own verdict (`analyzePackage`, which fails on errors only) and every
 * finding, warnings included, from the same ESLint config on the same files.
 */
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';

// analyzePackage's default patterns: stricter than n8n's registry scan of the tarball
// (`**/*.js` + package.json), so shipped .ts/.d.ts/.json files are linted too.
const TARBALL_FILE_PATTERNS = ['**/*.js', '**/*.ts', '**/*.json'];

const [dirArgument, target] = process.argv.slice(2);
if (!dirArgument || !['tarball', 'sources'].includes(target)) {
	throw new Error('usage: node test/package/scan.mjs <dir> tarball|sources');
}
const dir = resolve(dirArgument);

const scannerPath = createRequire(import.meta.url).resolve('@n8n/scan-community-package/scanner/scanner.mjs');
// The scanner's own ESLint (9) and glob, not whatever the project has at the top level.
const scannerRequire = createRequire(scannerPath);
const { ESLint } = scannerRequire('eslint');
const glob = scannerRequire('fast-glob');
// The scanner makes a temp dir when loaded (for downloads this run never makes): remove it on exit.
scannerRequire('tmp').setGracefulCleanup();
const { SOURCE_FILE_PATTERNS, analyzePackage, buildScanConfig } = await import(scannerPath);

/** Every finding, warnings included: analyzePackage's ESLint run, with its file list and options. */
async function allFindings(patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	return {
		files: files.map((file) => relative(dir, file)).sort(),
		findings: results.flatMap((result) =>
			result.messages.map((message) => ({
				file: relative(dir, result.filePath),
				line: message.line,
				severity: message.severity === 2 ? 'error' : 'warning',
				rule: message.ruleId,
				message: message.message,
			})),
		),
	};
}

const patterns = target === 'tarball' ? TARBALL_FILE_PATTERNS : SOURCE_FILE_PATTERNS;
const verdict = await analyzePackage(dir, patterns);
const { files, findings } = await allFindings(patterns);
process.stdout.write(
	JSON.stringify({ passed: verdict.passed, message: verdict.message ?? null, files, findings }, null, 1),
);
