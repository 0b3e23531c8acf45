#!/usr/bin/env node
/**
 * First step of `npm start` and `npm test`: installs the dev dependencies when node_modules is
 * missing or older than package-lock.json, so a fresh clone needs no separate `npm install`.
 * Plain CommonJS without dependencies, because it runs before anything is installed.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { statSync } = require('node:fs');
const { join, resolve } = require('node:path');

/** Modification time in ms, or undefined when the file does not exist. */
function mtimeOf(file) {
	try {
		return statSync(file).mtimeMs;
	} catch {
		return undefined;
	}
}

/**
 * Why the dev dependencies must be installed, or undefined when node_modules is current.
 * `installed` is the time npm last wrote node_modules (its hidden lockfile), `lock` that of
 * package-lock.json.
 */
function installReason({ installed, lock }) {
	if (installed === undefined) return 'node_modules is missing';
	if (lock !== undefined && lock > installed) return 'package-lock.json is newer than node_modules';
	return undefined;
}

/** `npm ci` reproduces the lock exactly; without a lock only `npm install` can resolve versions. */
function installArgs({ lock }) {
	return [lock === undefined ? 'install' : 'ci', '--no-audit', '--no-fund'];
}

function main(root) {
	const state = {
		installed: mtimeOf(join(root, 'node_modules', '.package-lock.json')),
		lock: mtimeOf(join(root, 'package-lock.json')),
	};
	const reason = installReason(state);
	if (!reason) return 0;
	const args = installArgs(state);
	process.stderr.write(`[setup] ${reason}: running npm ${args.join(' ')} (once, about a minute)\n`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
	if (result.status !== 0) {
		process.stderr.write(`[setup] npm ${args[0]} failed (${result.error ? result.error.message : `exit ${result.status}`})\n`);
		return 1;
	}
	return 0;
}

module.exports = { installReason, installArgs };

if (require.main === module) process.exitCode = main(resolve(__dirname, '..', '..'));
