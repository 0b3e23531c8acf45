/**
 * Runs the simulator for the demo:
 *   npx tsx simulator/cli.ts --port 5001 --users 250 --call-log-rows 50000 --latency 20
 */
import type { SimulatorOptions } from './api';
import { startSimulator } from './server';

const HELP = `Usage: tsx simulator/cli.ts [options]
  --port N                 listen port on 127.0.0.1 (default 5001, 0 = ephemeral)
  --client-id ID           client id (default n8n)
  --api-key KEY            API key / client secret (default simulator-api-key)
  --token-lifetime S       token lifetime in seconds (default 3600)
  --expires-in-unit U      seconds | minutes (default seconds; minutes = 20.0.8 and older)
  --users N                seeded users (default 40)
  --contacts N             seeded contacts (default 150)
  --call-log-rows N        rows of GetCallLogData (default 10000)
  --latency MS             delay added to every /xapi response
  --version V              X-3CX-Version (default 20.0.10.915)
  --seed N                 data seed (default 1)
  --spec-dir DIR           folder with xapi-*.yaml (default $THREECX_XAPI_SPEC_DIR or ../shared/3cx-xapi)
`;

function parse(argv: string[]): SimulatorOptions {
	const o: SimulatorOptions = { port: 5001 };
	const num = (k: string, v: string | undefined): number => {
		const n = Number(v);
		if (v === undefined || !Number.isFinite(n)) throw new Error(`${k} needs a number`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const k = argv[i];
		const v = argv[i + 1];
		switch (k) {
			case '--port': o.port = num(k, v); i++; break;
			case '--client-id': o.clientId = v; i++; break;
			case '--api-key': o.apiKey = v; i++; break;
			case '--token-lifetime': o.tokenLifetimeSeconds = num(k, v); i++; break;
			case '--expires-in-unit':
				if (v !== 'seconds' && v !== 'minutes') throw new Error('--expires-in-unit is seconds or minutes');
				o.expiresInUnit = v; i++; break;
			case '--users': o.users = num(k, v); i++; break;
			case '--contacts': o.contacts = num(k, v); i++; break;
			case '--call-log-rows': o.callLogRows = num(k, v); i++; break;
			case '--latency': o.latencyMs = num(k, v); i++; break;
			case '--version': o.version = v; i++; break;
			case '--seed': o.seed = num(k, v); i++; break;
			case '--spec-dir': o.specDir = v; i++; break;
			case '-h':
			case '--help':
				process.stdout.write(HELP);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown option ${k}\n${HELP}`);
		}
	}
	return o;
}

async function main(): Promise<void> {
	const sim = await startSimulator(parse(process.argv.slice(2)));
	process.stdout.write(
		[
			'3CX XAPI simulator running',
			`  URL (PBX address): ${sim.url}`,
			`  Client ID:         ${sim.clientId}`,
			`  API key:           ${sim.apiKey}`,
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
	const stop = () => {
		void sim.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	process.stderr.write(`${(e as Error).message}\n`);
	process.exit(1);
});
