/** Packs the checkout as npm would publish it (from the current dist/) and unpacks it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');

export interface UnpackedTarball {
	/** The package folder, as npm would install it. */
	dir: string;
	/** Every file in the tarball, relative to the package folder, sorted. */
	files: string[];
	remove: () => void;
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

export function packAndUnpack(): UnpackedTarball {
	const tmp = mkdtempSync(join(tmpdir(), 'threecx-pack-'));
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], {
			cwd: repoRoot,
			encoding: 'utf8',
		}),
	) as { filename: string }[];
	const dir = join(tmp, 'package');
	execFileSync('tar', ['-xzf', join(tmp, filename), '-C', tmp]);
	return {
		dir,
		files: filesUnder(dir)
			.map((file) => relative(dir, file))
			.sort(),
		remove: () => rmSync(tmp, { recursive: true, force: true }),
	};
}
