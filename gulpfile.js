/**
 * Build helpers around tsc: `clean` empties dist/ first, so files of a removed or renamed source
 * (or of an older tsconfig) never reach the tarball; `build:icons` copies the icons next to the
 * compiled JavaScript (the credential points at the node's).
 */
const { rmSync } = require('node:fs');
const { src, dest } = require('gulp');

function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

exports.clean = clean;
exports['build:icons'] = copyIcons;
