/**
 * `npm start`: the demo. Builds the package, starts the 3CX simulator and a real n8n (2.x, on
 * Node 24, installed on demand into .cache/n8n-cli) with the package loaded as a community
 * package, creates the credential "3CX (simulator)", imports the example workflows and prints
 * the editor URL. Runs until Ctrl-C. Needs no PBX and no internet (only the npm registry the
 * first time, for n8n itself).
 *
 * State lives in .cache/demo/ (THREECX_DEMO_DIR): the n8n user folder, the files the example
 * workflows write (files/), and state.json. Edits made in the editor survive restarts: the
 * credential is created once, an example workflow is re-imported only when its file changed.
 * `npm start -- --reset` starts from scratch.
 *
 * Environment: N8N_DEMO_PORT (editor, default 5678), THREECX_SIM_PORT (simulator, default 5001),
 * THREECX_DEMO_USERS (simulated users, default 250).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { startSimulator, type Simulator } from '../../simulator';
import {
	buildIfStale,
	buildPackage,
	CREDENTIAL_TYPE,
	demoDir,
	ensureN8n,
	installPackage,
	isPortFree,
	freePort,
	N8nCli,
	N8nRest,
	packPackage,
	repoRoot,
	startN8nServer,
	type N8nServer,
	type WorkflowJson,
} from '../n8n';

export const DEMO_CREDENTIAL = { id: 'threeCxSimulator', name: '3CX (simulator)' };
export const DEMO_OWNER = { email: 'demo@example.com', password: 'Demo-3cx-2025', firstName: 'Demo', lastName: 'Owner' };

interface DemoState {
	encryptionKey: string;
	simulatorPort?: number;
	/** Simulator URL the credential was created with. */
	credentialServer?: string;
	/** example file name → sha256 of the content last imported */
	imported: Record<string, string>;
}

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const printLine = (message: string) => process.stdout.write(`[demo ${elapsed().padStart(7)}] ${message}\n`);

function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** `preferred` when free; 0 means any free port. */
async function pickPort(preferred: number, what: string, say: (message: string) => void): Promise<number> {
	if (preferred === 0) return await freePort();
	if (await isPortFree(preferred)) return preferred;
	const port = await freePort();
	say(`port ${preferred} is busy; ${what} uses ${port}`);
	return port;
}

function exampleFiles(): Array<{ file: string; text: string; workflow: WorkflowJson }> {
	const dir = join(repoRoot, 'examples');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((file) => {
			const text = readFileSync(join(dir, file), 'utf8');
			return { file, text, workflow: JSON.parse(text) as WorkflowJson };
		});
}

/** The examples reference the credential by name and id; point them at the demo's. */
function withDemoCredential(workflow: WorkflowJson): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.credentials?.[CREDENTIAL_TYPE] ? { ...node, credentials: { ...node.credentials, [CREDENTIAL_TYPE]: DEMO_CREDENTIAL } } : node,
		),
	};
}

export interface Demo {
	editorUrl: string;
	sim: Simulator;
	server: N8nServer;
	cli: N8nCli;
	stop(): Promise<void>;
}

export interface DemoOptions {
	reset?: boolean;
	/** No summary at the end. */
	quiet?: boolean;
	/** State folder (default .cache/demo or THREECX_DEMO_DIR). */
	dir?: string;
	/** Ports to prefer (default N8N_DEMO_PORT / THREECX_SIM_PORT, else 5678 / 5001); 0: any free port. */
	n8nPort?: number;
	simPort?: number;
	/** Progress lines (default: stdout with the elapsed time). */
	log?: (message: string) => void;
	/** Build only when dist/ is older than the sources (a test run has just built it). */
	buildIfStale?: boolean;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
	const say = options.log ?? printLine;
	const root = options.dir ?? demoDir();
	if (options.reset) {
		say(`--reset: removing ${root}`);
		await rm(root, { recursive: true, force: true });
	}
	await mkdir(root, { recursive: true });
	const stateFile = join(root, 'state.json');
	const state: DemoState = existsSync(stateFile)
		? (JSON.parse(readFileSync(stateFile, 'utf8')) as DemoState)
		: { encryptionKey: createHash('sha256').update(`${Date.now()}${Math.random()}`).digest('base64url').slice(0, 32), imported: {} };
	const saveState = () => writeFile(stateFile, JSON.stringify(state, null, 2));
	await saveState();

	const install = await ensureN8n();
	say(`n8n ${install.version} on Node ${install.node24.version}`);

	if (options.buildIfStale) {
		await buildIfStale();
	} else {
		say('building the package (npm run build)');
		await buildPackage();
	}

	const userFolder = join(root, 'n8n');
	const cli = await N8nCli.create(install, {
		userFolder,
		encryptionKey: state.encryptionKey,
		filesDir: join(root, 'files'),
		extra: { N8N_COMMUNITY_PACKAGES_ENABLED: 'true' },
	});

	say('installing the package into n8n (npm pack + npm install in .n8n/nodes)');
	const tarball = await packPackage();
	await installPackage(userFolder, tarball);
	await rm(join(tarball, '..'), { recursive: true, force: true });

	const simPort = await pickPort(options.simPort ?? Number(process.env.THREECX_SIM_PORT || state.simulatorPort || 5001), 'the simulator', say);
	const sim = await startSimulator({ port: simPort, users: Number(process.env.THREECX_DEMO_USERS || 250) });
	say(`3CX simulator on ${sim.url} (client ID ${sim.clientId}, API key ${sim.apiKey})`);
	state.simulatorPort = simPort;

	let server: N8nServer | undefined;
	try {
		// The credential: created once; moved along when the simulator had to change port, unless
		// it was switched to a real PBX in the editor meanwhile.
		let importCredential = !state.credentialServer;
		if (state.credentialServer && state.credentialServer !== sim.url) {
			const stored = await storedCredentialServer(cli);
			importCredential = stored === undefined || stored === state.credentialServer;
		}
		if (importCredential) {
			await cli.importCredentials([
				{
					id: DEMO_CREDENTIAL.id,
					name: DEMO_CREDENTIAL.name,
					type: CREDENTIAL_TYPE,
					data: { server: sim.url, clientId: sim.clientId, apiKey: sim.apiKey, ignoreSSLIssues: false, accessToken: '' },
				},
			]);
			state.credentialServer = sim.url;
			say(`credential "${DEMO_CREDENTIAL.name}" → ${sim.url}`);
		}

		const changed = exampleFiles().filter(({ file, text }) => state.imported[file] !== sha256(text));
		if (changed.length) {
			await cli.importWorkflows(changed.map(({ workflow }) => withDemoCredential(workflow)));
			for (const { file, text } of changed) state.imported[file] = sha256(text);
			say(`imported ${changed.map(({ workflow }) => `"${workflow.name}"`).join(', ')}`);
		}
		await saveState();

		const port = await pickPort(options.n8nPort ?? Number(process.env.N8N_DEMO_PORT || 5678), 'n8n', say);
		say(`starting n8n on http://127.0.0.1:${port}`);
		server = await startN8nServer(cli, { port, timeoutMs: 180_000 });
		const rest = new N8nRest(server.url);
		const owner = await rest.ensureOwner(DEMO_OWNER);
		const [workflows, credentials] = await Promise.all([rest.workflows(), rest.credentials()]);
		if (!credentials.some((c) => c.id === DEMO_CREDENTIAL.id)) say(`warning: credential "${DEMO_CREDENTIAL.name}" is missing`);

		const editorUrl = `${server.url}/home/workflows`;
		if (!options.quiet) {
			process.stdout.write(
				[
					'',
					`  n8n editor:   ${editorUrl}`,
					`  log in as:    ${DEMO_OWNER.email} / ${DEMO_OWNER.password}${owner === 'created' ? ' (account just created)' : ''}`,
					`  workflows:    ${workflows.map((w) => w.name).join(' | ')}`,
					`  credential:   "${DEMO_CREDENTIAL.name}" → ${state.credentialServer} (edit it to use a real PBX)`,
					`  3CX simulator ${sim.url}  client ID ${sim.clientId}  API key ${sim.apiKey}`,
					`  files:        ${cli.filesDir} (CSV files the example workflows save)`,
					`  ready in ${elapsed()}. Press Ctrl-C to stop.`,
					'',
				].join('\n'),
			);
		}
		const running = server;
		const stop = async () => {
			await running.stop();
			await sim.close();
		};
		return { editorUrl, sim, server: running, cli, stop };
	} catch (error) {
		await server?.stop();
		await sim.close();
		throw error;
	}
}

/** Server URL stored in the demo credential (decrypted export), or undefined if not there. */
async function storedCredentialServer(cli: N8nCli): Promise<string | undefined> {
	const out = join(cli.userFolder, 'import', 'credential-export.json');
	const result = await cli.run(['export:credentials', `--id=${DEMO_CREDENTIAL.id}`, '--decrypted', `--output=${out}`]);
	if (result.code !== 0 || !existsSync(out)) return undefined;
	try {
		const [credential] = JSON.parse(readFileSync(out, 'utf8')) as Array<{ data?: { server?: string } }>;
		return credential?.data?.server;
	} finally {
		await rm(out, { force: true });
	}
}

async function main(): Promise<void> {
	const demo = await startDemo({ reset: process.argv.includes('--reset') });
	let stopping = false;
	const shutdown = async (code: number) => {
		if (stopping) return;
		stopping = true;
		printLine('stopping n8n and the simulator');
		await demo.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));
	demo.server.child.once('exit', (code, signal) => {
		if (stopping) return;
		process.stderr.write(`n8n exited unexpectedly (${code ?? signal}):\n${demo.server.output().slice(-4000)}\n`);
		void shutdown(1);
	});
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
		process.exit(1);
	});
}
