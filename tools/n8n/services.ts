/**
 * Throw-away Postgres and Redis for n8n's queue mode: Debian's `postgresql` and `redis-server`
 * binaries, started on free 127.0.0.1 ports in a temp folder (Postgres initialised by the
 * `postgres` user when we are root, which initdb refuses to be; Redis without persistence) and
 * removed again on stop.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';

import { supervise } from './child';
import { freePort } from './ports';
import { run, runChecked } from './proc';

export interface Service {
	port: number;
	/** Everything the service printed so far (the tail). */
	output(): string;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	database: string;
	user: string;
	/** Runs one SQL statement with psql; returns its unaligned output. */
	sql(statement: string): Promise<string>;
}

/** How to get the parts on Debian; the test's skip line and CI's install step say the same. */
export const QUEUE_SERVICES_HINT = 'apt-get install -y postgresql redis-server (as root)';

function onPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		if (dir && existsSync(join(dir, name))) return join(dir, name);
	}
	return undefined;
}

/** Debian keeps the server binaries in /usr/lib/postgresql/<major>/bin, off PATH: the newest. */
export function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const majors = readdirSync(root)
			.filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (majors.length) return join(root, majors[0], 'bin');
	}
	const initdb = onPath('initdb');
	return initdb ? join(initdb, '..') : undefined;
}

export function redisServerBin(): string | undefined {
	return onPath('redis-server') ?? (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);
}

/** What is missing for queue mode on this machine (empty when both are there). */
export function missingQueueServices(): string[] {
	const missing: string[] = [];
	const bin = postgresBinDir();
	if (!bin || (!existsSync(join(bin, 'psql')) && !onPath('psql'))) missing.push('postgresql');
	if (!redisServerBin()) missing.push('redis-server');
	// initdb refuses root: as root the server runs as the `postgres` user the package creates.
	if (!missing.includes('postgresql') && userInfo().uid === 0 && osUser('postgres') === undefined) missing.push('postgresql (user postgres)');
	return missing;
}

function osUser(name: string): { uid: number; gid: number } | undefined {
	try {
		const line = readFileSync('/etc/passwd', 'utf8')
			.split('\n')
			.find((entry) => entry.startsWith(`${name}:`));
		if (!line) return undefined;
		const [, , uid, gid] = line.split(':');
		return { uid: Number(uid), gid: Number(gid) };
	} catch {
		return undefined;
	}
}

function canConnect(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function waitUntil(what: string, ready: () => Promise<boolean>, alive: () => boolean, output: () => string, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (!alive()) throw new Error(`${what} exited before it was ready:\n${output().slice(-3000)}`);
		if (await ready()) return;
		if (Date.now() > deadline) throw new Error(`${what} was not ready in ${timeoutMs / 1000} s:\n${output().slice(-3000)}`);
		await new Promise((r) => setTimeout(r, 150));
	}
}

/** Postgres with database `n8n` owned by superuser `n8n` (trust auth, loopback only). */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error(`Postgres not found: ${QUEUE_SERVICES_HINT}`);
	const psql = existsSync(join(bin, 'psql')) ? join(bin, 'psql') : (onPath('psql') ?? 'psql');
	const root = await mkdtemp(join(tmpdir(), 'n8n-queue-pg-'));
	const data = join(root, 'data');
	const sockets = join(root, 'run');
	await mkdir(data);
	await mkdir(sockets);
	const asRoot = userInfo().uid === 0;
	const owner = asRoot ? osUser('postgres') : undefined;
	if (asRoot && !owner) throw new Error(`No "postgres" user to run Postgres as: ${QUEUE_SERVICES_HINT}`);
	if (owner) for (const dir of [root, data, sockets]) await chown(dir, owner.uid, owner.gid);
	const ids = owner ? { uid: owner.uid, gid: owner.gid } : {};
	const user = 'n8n';
	const database = 'n8n';
	try {
		const initdb = await run(join(bin, 'initdb'), ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], {
			timeoutMs: 120_000,
			spawnOptions: ids,
		});
		if (initdb.code !== 0) throw new Error(`initdb failed (exit ${initdb.code}):\n${initdb.stdout.slice(-2000)}\n${initdb.stderr.slice(-2000)}`);
	} catch (error) {
		await rm(root, { recursive: true, force: true });
		throw error;
	}
	const port = await freePort();
	// A throw-away database: durability settings off, which n8n does not notice.
	const args = ['-D', data, '-p', String(port), '-k', sockets, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
	const child = spawn(join(bin, 'postgres'), args, { stdio: ['ignore', 'pipe', 'pipe'], ...ids });
	const proc = supervise(child, { stopSignal: 'SIGINT', graceMs: 15_000, keepChars: 200_000 });
	const stop = async () => {
		await proc.stop();
		await rm(root, { recursive: true, force: true });
	};
	const sql = async (statement: string, db = database) =>
		(await runChecked(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', db, '-v', 'ON_ERROR_STOP=1', '-Atc', statement], { timeoutMs: 30_000 })).stdout.trim();
	try {
		await waitUntil('postgres', async () => (await run(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres', '-Atc', 'select 1'], { timeoutMs: 5000 })).code === 0, proc.running, proc.output);
		await sql(`create database ${database}`, 'postgres');
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, database, user, output: proc.output, stop, sql: (statement) => sql(statement) };
}

/** Redis on a free loopback port, nothing saved to disk. */
export async function startRedis(): Promise<Service> {
	const bin = redisServerBin();
	if (!bin) throw new Error(`redis-server not found: ${QUEUE_SERVICES_HINT}`);
	const dir = await mkdtemp(join(tmpdir(), 'n8n-queue-redis-'));
	const port = await freePort();
	const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const proc = supervise(child, { stopSignal: 'SIGTERM', graceMs: 15_000, keepChars: 200_000 });
	const stop = async () => {
		await proc.stop();
		await rm(dir, { recursive: true, force: true });
	};
	try {
		await waitUntil('redis-server', () => canConnect(port), proc.running, proc.output);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, output: proc.output, stop };
}

/** Why the queue-mode test is skipped, or undefined when it runs: never on CI (there a missing part fails it). */
export function queueModeSkipReason(env: NodeJS.ProcessEnv = process.env, missing = missingQueueServices()): string | undefined {
	if (!missing.length || env.CI === 'true' || env.CI === '1') return undefined;
	return `${missing.join(' and ')} not installed; get them with: ${QUEUE_SERVICES_HINT}`;
}
