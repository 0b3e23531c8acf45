/**
 * The n8n community-package verification rules, checked against package.json and the built dist/
 * (npm test builds before jest runs).
 */
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import { subtitle } from '../../nodes/ThreeCx/generated/subtitle';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');

function filesEndingWith(dir: string, suffix: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return filesEndingWith(path, suffix);
		return path.endsWith(suffix) ? [path] : [];
	});
}

const jsFiles = (dir: string): string[] => filesEndingWith(dir, '.js');
const tsFiles = (dir: string): string[] => filesEndingWith(dir, '.ts');

describe('package.json', () => {
	it('is an MIT community node package shipping only dist/', () => {
		expect(manifest.name).toBe('n8n-nodes-3cx-xapi');
		expect(manifest.license).toBe('MIT');
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.files).toEqual(['dist']);
		expect(existsSync(join(root, 'package-lock.json'))).toBe(true);
	});

	it('has no runtime dependencies and n8n-workflow as the only peer', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('points n8n at built files that exist', () => {
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
		const entries = [...manifest.n8n.credentials, ...manifest.n8n.nodes] as string[];
		expect(entries.length).toBeGreaterThanOrEqual(2);
		for (const entry of entries) {
			expect(entry.startsWith('dist/')).toBe(true);
			expect(existsSync(join(root, entry))).toBe(true);
		}
	});
});

describe('built package', () => {
	it('requires nothing but n8n-workflow, Node built-ins and its own files', () => {
		const allowed = new Set(['n8n-workflow', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
		const foreign = jsFiles(dist).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)]
				.map((match) => match[1])
				.filter((id) => !id.startsWith('.') && !allowed.has(id))
				.map((id) => `${file}: ${id}`),
		);
		expect(foreign).toEqual([]);
	});

	it('ships the light and dark icons the node and the credential point at', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ThreeCxApi } = require(join(dist, 'credentials/ThreeCxApi.credentials.js'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ThreeCx } = require(join(dist, 'nodes/ThreeCx/ThreeCx.node.js'));
		const icons = [
			{ dir: 'credentials', icon: new ThreeCxApi().icon },
			{ dir: 'nodes/ThreeCx', icon: new ThreeCx().description.icon },
		];
		for (const { dir, icon } of icons) {
			expect(Object.keys(icon)).toEqual(['light', 'dark']);
			expect(icon.light).not.toBe(icon.dark);
			for (const file of [icon.light, icon.dark]) {
				expect(existsSync(join(dist, dir, file.replace(/^file:/, '')))).toBe(true);
			}
		}
	});

	it("gets a light and a dark icon URL for the node and the credential from n8n's package loader", async () => {
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
		const iconUrls = [...loader.types.nodes, ...loader.types.credentials].map((type) => type.iconUrl);
		const prefix = `icons/${manifest.name}/dist/nodes/ThreeCx`;
		const themed = { light: `${prefix}/threeCx.light.svg`, dark: `${prefix}/threeCx.dark.svg` };
		// the 3CX node, the 3CX Trigger (same icons by relative path) and the credential
		expect(iconUrls).toEqual([themed, themed, themed]);
	});

	it('describes a declarative, tool-usable node with subtitle and credential', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ThreeCx } = require(join(dist, 'nodes/ThreeCx/ThreeCx.node.js'));
		const { description } = new ThreeCx();
		expect(description.name).toBe('threeCx');
		expect(description.displayName).toBe('3CX');
		expect(description.usableAsTool).toBe(true);
		expect(description.icon).toEqual({ light: 'file:threeCx.light.svg', dark: 'file:threeCx.dark.svg' });
		expect(description.inputs).toEqual(['main']);
		expect(description.outputs).toEqual(['main']);
		// The readable subtitle the generator writes (test/generator/subtitle.test.ts evaluates it).
		expect(description.subtitle).toBe(subtitle);
		expect(description.credentials).toEqual([{ name: 'threeCxApi', required: true }]);
		expect(description.requestDefaults).toEqual({ headers: { Accept: 'application/json' } });
		expect(new ThreeCx().execute).toBeUndefined();
		const codex = JSON.parse(readFileSync(join(root, 'nodes/ThreeCx/ThreeCx.node.json'), 'utf8'));
		expect(codex.categories).toContain('Communication');
		expect(codex.node).toBe('n8n-nodes-3cx-xapi.threeCx');
	});

	it('sends node requests to {server}/xapi/v1 with the bearer token and the TLS choice', async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ThreeCxApi } = require(join(dist, 'credentials/ThreeCxApi.credentials.js'));
		const credentials = {
			server: 'https://pbx.example.com:5001/',
			clientId: 'n8n',
			apiKey: 'key',
			ignoreSSLIssues: true,
			accessToken: 'stored-token',
		};
		const relative = await new ThreeCxApi().authenticate({ ...credentials }, { url: '/Users(1)', headers: {} });
		expect(relative).toMatchObject({
			baseURL: 'https://pbx.example.com:5001/xapi/v1',
			skipSslCertificateValidation: true,
			headers: { Authorization: 'Bearer stored-token' },
		});
		const absolute = await new ThreeCxApi().authenticate(
			{ ...credentials, ignoreSSLIssues: false },
			{ url: 'https://pbx.example.com:5001/xapi/v1/Users', headers: {} },
		);
		expect(absolute.baseURL).toBeUndefined();
		expect(absolute.skipSslCertificateValidation).toBeUndefined();
	});

	it('tests the credential with GET /xapi/v1/Defs?$select=Id', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ThreeCxApi } = require(join(dist, 'credentials/ThreeCxApi.credentials.js'));
		const credential = new ThreeCxApi();
		expect(credential.name).toBe('threeCxApi');
		expect(credential.displayName).toBe('3CX API');
		expect(credential.test.request.url).toBe('/Defs');
		expect(credential.test.request.qs).toEqual({ $select: 'Id' });
		expect(credential.test.request.baseURL).toMatch(/\/xapi\/v1$/);
		const apiKey = credential.properties.find((p: { name: string }) => p.name === 'apiKey');
		expect(apiKey.typeOptions.password).toBe(true);
		const token = credential.properties.find((p: { name: string }) => p.name === 'accessToken');
		expect(token).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
	});

	it('is read only through fields it defines (a renamed field leaves no stale reader)', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ThreeCxApi } = require(join(dist, 'credentials/ThreeCxApi.credentials.js'));
		const defined = new Set((new ThreeCxApi().properties as { name: string }[]).map((p) => p.name));
		const sources = [...tsFiles(join(root, 'nodes')), ...tsFiles(join(root, 'credentials'))];
		const reads = sources.flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/\bcredentials\??\.(\w+)/g)].map((match) => `${relative(root, file)}: ${match[1]}`),
		);
		expect(reads.length).toBeGreaterThan(0);
		expect(reads.filter((read) => !defined.has(read.split(': ')[1]))).toEqual([]);
	});
});
