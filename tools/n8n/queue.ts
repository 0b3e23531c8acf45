/**
 * n8n in queue mode the way an operator deploys it: Postgres, Redis, one `n8n start` (main, takes
 * the webhooks) and `n8n worker` processes (run the executions), one encryption key, the packed
 * package installed in every process's own user folder.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { supervise } from './child';
import { N8nCli, type CredentialImport, type WorkflowJson } from './cli';
import { newEncryptionKey } from './env';
import type { N8nInstall } from './install';
import { buildIfStale, installPackage, packPackage } from './package';
import { startN8nServer, type N8nServer } from './server';
import { startPostgres, startRedis, type Postgres, type Service } from './services';

export interface QueueClusterOptions {
	install: N8nInstall;
	workers: number;
	/** `n8n worker --concurrency` (n8n's default is 10). */
	concurrency?: number;
	credentials: CredentialImport[];
	workflows: WorkflowJson[];
	/** Workflows to publish (activate) before the main starts, e.g. those with a Webhook trigger. */
	publish?: string[];
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	/** Progress lines (step and seconds). */
	log?: (message: string) => void;
}

export interface N8nWorker {
	index: number;
	output(): string;
	stop(): Promise<void>;
}

export interface QueueCluster {
	url: string;
	main: N8nServer;
	workers: N8nWorker[];
	postgres: Postgres;
	redis: Service;
	/** Starts `count` more workers (each with its own user folder and package copy). */
	addWorkers(count: number): Promise<void>;
	/** Updates of credential rows since the cluster started (a trigger counts them). */
	credentialWrites(): Promise<number>;
	/** The last lines every n8n process printed, for a failure message. */
	logs(tailChars?: number): string;
	stop(): Promise<void>;
}

const WORKER_READY = /n8n worker is now ready/;

async function startWorker(cli: N8nCli, index: number, concurrency: number, timeoutMs = 120_000): Promise<N8nWorker> {
	const child = spawn(cli.install.node24.node, [cli.install.bin, 'worker', `--concurrency=${concurrency}`], {
		// The ready line is logged at level info.
		env: { ...cli.env, N8N_LOG_LEVEL: 'info' },
		cwd: cli.filesDir,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const { output, running, stop } = supervise(child, { stopSignal: 'SIGTERM', graceMs: 20_000, keepChars: 1_000_000 });
	const deadline = Date.now() + timeoutMs;
	while (!WORKER_READY.test(output())) {
		if (!running()) {
			throw new Error(`n8n worker ${index} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output().slice(-4000)}`);
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n worker ${index} was not ready in time:\n${output().slice(-4000)}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return { index, output, stop };
}

/** Counts every UPDATE of a credential row (n8n rewrites the row when it stores a token). */
const COUNT_CREDENTIAL_WRITES = `
create table if not exists credential_writes (at timestamptz not null default clock_timestamp());
create or replace function count_credential_write() returns trigger language plpgsql as
  'begin insert into credential_writes default values; return null; end';
drop trigger if exists count_credential_writes on credentials_entity;
create trigger count_credential_writes after update on credentials_entity
  for each row execute function count_credential_write();`;

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const concurrency = options.concurrency ?? 10;
	const started = Date.now();
	const step = (what: string) => options.log?.(`queue mode: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	const cleanups: Array<() => Promise<void>> = [];
	const stopAll = async () => {
		for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
	};
	try {
		const postgres = await startPostgres();
		cleanups.push(() => postgres.stop());
		const redis = await startRedis();
		cleanups.push(() => redis.stop());
		const encryptionKey = newEncryptionKey();
		const extra: Record<string, string> = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Every item's request reads the credential: n8n's default pool of 2 connections queues
			// them, and on a busy 2-core machine its 20 s wait for a connection runs out.
			DB_POSTGRESDB_POOL_SIZE: '20',
			DB_POSTGRESDB_CONNECTION_TIMEOUT: '60000',
		};
		const newCli = async () => {
			const cli = await N8nCli.create(options.install, { encryptionKey, logLevel: options.logLevel ?? 'info', extra });
			cleanups.push(() => rm(cli.userFolder, { recursive: true, force: true }));
			return cli;
		};

		step('postgres and redis up');
		await buildIfStale();
		const tarball = await packPackage();
		step('package packed');
		cleanups.push(() => rm(join(tarball, '..'), { recursive: true, force: true }));

		const mainCli = await newCli();
		await installPackage(mainCli.userFolder, tarball, mainCli.env);
		await mainCli.importCredentials(options.credentials);
		await mainCli.importWorkflows(options.workflows);
		for (const id of options.publish ?? []) await mainCli.runChecked(['publish:workflow', `--id=${id}`]);
		await postgres.sql(COUNT_CREDENTIAL_WRITES);
		step('credentials and workflows imported');

		const main = await startN8nServer(mainCli, { timeoutMs: 180_000 });
		cleanups.push(() => main.stop());
		step('main started');
		const workers: N8nWorker[] = [];
		const addWorkers = async (count: number) => {
			const fresh = await Promise.all(
				Array.from({ length: count }, async (_, i) => {
					const cli = await newCli();
					await installPackage(cli.userFolder, tarball, cli.env);
					const worker = await startWorker(cli, workers.length + i + 1, concurrency);
					cleanups.push(() => worker.stop());
					return worker;
				}),
			);
			workers.push(...fresh);
			step(`${workers.length} workers ready`);
		};
		await addWorkers(options.workers);

		const logs = (tailChars = 3000) =>
			[`--- main ---\n${main.output().slice(-tailChars)}`, ...workers.map((w) => `--- worker ${w.index} ---\n${w.output().slice(-tailChars)}`)].join('\n');
		return {
			url: main.url,
			main,
			workers,
			postgres,
			redis,
			addWorkers,
			credentialWrites: async () => Number(await postgres.sql('select count(*) from credential_writes')),
			logs,
			stop: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
