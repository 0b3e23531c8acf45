/**
 * The n8n CLI against one isolated user folder: import credentials and workflows, execute a
 * workflow by id and parse its run data.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { n8nEnv, newEncryptionKey, type N8nEnvOptions } from './env';
import type { N8nInstall } from './install';
import { freePort } from './ports';
import { run, type RunResult } from './proc';

/** One credential as `n8n import:credentials` reads it; plain `data` is encrypted on import. */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** The part of a workflow JSON the tooling touches. */
export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{
		id?: string;
		name: string;
		type: string;
		typeVersion: number;
		position: [number, number];
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	active?: boolean;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	error?: { message: string; description?: string; [key: string]: unknown };
	data?: { main: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, BinaryRef>; pairedItem?: unknown; error?: { message?: string; description?: string; [key: string]: unknown } }> | null> };
}

export interface BinaryRef {
	mimeType: string;
	fileName?: string;
	fileExtension?: string;
	fileSize?: string;
	/** Inline base64 (memory mode) … */
	data?: string;
	/** … or a storage reference like `filesystem-v2:workflows/<wf>/executions/<ex>/binary_data/<uuid>`. */
	id?: string;
	[key: string]: unknown;
}

/** What `n8n execute --rawOutput` prints: the IRun of the execution. */
export interface ExecutionResult {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			lastNodeExecuted?: string;
			error?: { message: string; [key: string]: unknown };
		};
	};
}

export class N8nCli {
	readonly env: NodeJS.ProcessEnv;

	/** The only folder the Read/Write Files from Disk node may use; n8n runs with it as cwd, so
	 * relative file names land there. */
	readonly filesDir: string;

	private constructor(
		readonly install: N8nInstall,
		readonly userFolder: string,
		readonly encryptionKey: string,
		envOptions: Omit<N8nEnvOptions, 'userFolder' | 'encryptionKey'>,
	) {
		this.filesDir = envOptions.filesDir ?? join(userFolder, 'files');
		this.env = n8nEnv(install.node24, { ...envOptions, filesDir: this.filesDir, userFolder, encryptionKey });
	}

	/** A CLI bound to `userFolder` (a new temp folder when omitted). */
	static async create(
		install: N8nInstall,
		options: { userFolder?: string; encryptionKey?: string } & Omit<N8nEnvOptions, 'userFolder' | 'encryptionKey'> = {},
	): Promise<N8nCli> {
		const userFolder = options.userFolder ?? (await mkdtemp(join(tmpdir(), 'n8n-e2e-')));
		await mkdir(join(userFolder, '.n8n'), { recursive: true });
		const { userFolder: _u, encryptionKey, ...rest } = options;
		// Every n8n process opens a task-runner broker; parallel runs need different ports.
		rest.brokerPort ??= await freePort();
		const cli = new N8nCli(install, userFolder, encryptionKey ?? newEncryptionKey(), rest);
		await mkdir(cli.filesDir, { recursive: true });
		return cli;
	}

	get nodesDir(): string {
		return join(this.userFolder, '.n8n', 'nodes');
	}

	/** Runs `n8n <args>` on Node 24 in this user folder. */
	async run(args: string[], timeoutMs = 120_000): Promise<RunResult> {
		return await run(this.install.node24.node, [this.install.bin, ...args], {
			env: this.env,
			cwd: this.filesDir,
			timeoutMs,
		});
	}

	async runChecked(args: string[], timeoutMs?: number): Promise<RunResult> {
		const result = await this.run(args, timeoutMs);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code ?? result.signal}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		}
		return result;
	}

	private async writeInput(name: string, content: unknown): Promise<string> {
		const dir = join(this.userFolder, 'import');
		await mkdir(dir, { recursive: true });
		const file = join(dir, name);
		await writeFile(file, JSON.stringify(content, null, 2));
		return file;
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = await this.writeInput(`credentials-${Date.now()}.json`, credentials);
		await this.runChecked(['import:credentials', `--input=${file}`]);
	}

	/** Imports several workflows in one process (one file holding an array). */
	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		const file = await this.writeInput(`workflows-${Date.now()}.json`, workflows);
		await this.runChecked(['import:workflow', `--input=${file}`]);
	}

	/** `n8n execute --id=<id> --rawOutput`; resolves with the run data even when a node failed. */
	async execute(workflowId: string, timeoutMs = 120_000): Promise<{ result?: ExecutionResult; raw: RunResult }> {
		const raw = await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs);
		return { result: parseExecuteOutput(raw.stdout), raw };
	}

	/** Like `execute`, but throws with n8n's output unless the execution succeeded. */
	async executeChecked(workflowId: string, timeoutMs?: number): Promise<ExecutionResult> {
		const { result, raw } = await this.execute(workflowId, timeoutMs);
		if (raw.code !== 0 || !result || result.data.resultData.error) {
			throw new Error(
				`n8n execute --id=${workflowId} failed (exit ${raw.code ?? raw.signal}, ${raw.ms} ms):\n` +
					`${raw.stdout.slice(-4000)}\n--- stderr ---\n${raw.stderr.slice(-4000)}`,
			);
		}
		return result;
	}
}

/**
 * `n8n execute` prints the execution through its logger (level info) as pretty JSON, between
 * other log lines: take the block from a line `{` to the next line `}` that parses as an IRun.
 */
export function parseExecuteOutput(stdout: string): ExecutionResult | undefined {
	const lines = stdout.split(/\r?\n/);
	for (let start = 0; start < lines.length; start++) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				const parsed = JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionResult;
				if (parsed?.data?.resultData) return parsed;
			} catch {
				// a nested `}` at column 0 inside a string: keep looking
				continue;
			}
			break;
		}
	}
	return undefined;
}

/** Items a node produced on output `output` in its first (or given) run. */
export function nodeItems(result: ExecutionResult, nodeName: string, output = 0, runIndex = 0) {
	const runs = result.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`Node "${nodeName}" did not run; ran: ${Object.keys(result.data.resultData.runData).join(', ')}`);
	const nodeRun = runs[runIndex];
	if (nodeRun.error) throw new Error(`Node "${nodeName}" failed: ${nodeRun.error.message} ${nodeRun.error.description ?? ''}`);
	return nodeRun.data?.main[output] ?? [];
}
