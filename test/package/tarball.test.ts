/**
 * The tarball npm would publish (npm test builds dist/ before jest runs) holds exactly what n8n
 * loads: compiled nodes and credentials, icons, codex files, README, licence and package.json.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { type UnpackedTarball, packAndUnpack, repoRoot } from './pack';

/** Source files under nodes/ and credentials/, relative to the repository. */
function sources(): string[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? walk(path) : [relative(repoRoot, path)];
		});
	return [...walk(join(repoRoot, 'nodes')), ...walk(join(repoRoot, 'credentials'))];
}

/** What the build makes of each source: .ts compiles to .js; codex .json and icons are copied. */
function expectedContents(): string[] {
	const built = sources().flatMap((file) => {
		if (file.endsWith('.d.ts')) return [];
		if (file.endsWith('.ts')) return [`dist/${file.replace(/\.ts$/, '.js')}`];
		if (/\.node\.json$|\.(svg|png)$/.test(file)) return [`dist/${file}`];
		return [];
	});
	return [...built, 'LICENSE', 'README.md', 'package.json'].sort();
}

let tarball: UnpackedTarball;

beforeAll(() => {
	tarball = packAndUnpack();
}, 120_000);

afterAll(() => tarball?.remove());

describe('published tarball', () => {
	it('lists every compiled source, icon and codex file, plus README, LICENSE and package.json, and nothing else', () => {
		expect(tarball.files).toEqual(expectedContents());
	});

	it('ships no declarations, source maps, build info or package.json copies', () => {
		const unwanted = tarball.files.filter((file) => /\.d\.ts$|\.map$|\.tsbuildinfo$|.\/package\.json$/.test(file));
		expect(unwanted).toEqual([]);
	});

	it('contains every file package.json points n8n at, and both icon variants', () => {
		const manifest = JSON.parse(readFileSync(join(tarball.dir, 'package.json'), 'utf8'));
		const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials] as string[];
		for (const file of [...entries, 'dist/nodes/ThreeCx/threeCx.light.svg', 'dist/nodes/ThreeCx/threeCx.dark.svg']) {
			expect(tarball.files).toContain(file);
		}
	});
});
