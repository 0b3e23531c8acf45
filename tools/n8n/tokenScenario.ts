/**
 * The token scenario of issue "queue mode with one credential", run against any n8n that serves
 * the Users → Get webhook workflow (load.ts): queue mode (queue.ts) or one `n8n start`.
 *   rounds: the PBX revokes the token, then `executions` webhook calls at once;
 *   steady: `parallel` callers for `steadyMs`, the PBX revoking the token every `revokeEveryMs`;
 *   settled: afterwards a few executions with nothing revoked, which must need no new token.
 * Token requests and 401s come from the simulator's counters, credential writes from the caller.
 */
import { burst, steadyLoad, type LoadResult } from './load';

/** The simulator's counters the scenario reads (simulator/api.ts SimulatorStats). */
export interface PbxCounters {
	stats: { tokenRequests: number; unauthorized: number };
	invalidateTokens(): void;
}

export interface TokenScenarioOptions {
	webhookUrl: string;
	pbx: PbxCounters;
	/** Credential rows written so far; omitted where it cannot be counted. */
	credentialWrites?: () => Promise<number>;
	rounds: number;
	executions: number;
	items: number;
	steadyMs: number;
	parallel: number;
	revokeEveryMs: number;
	log?: (message: string) => void;
}

export interface Figures extends LoadResult {
	tokenRequests: number;
	unauthorized: number;
	credentialWrites?: number;
}

export interface TokenScenarioResult {
	rounds: Figures[];
	steady: Figures & { revocations: number; tokenRequestsPerRevocation: number[] };
	settled: Figures;
}

interface Snapshot {
	tokenRequests: number;
	unauthorized: number;
	credentialWrites?: number;
}

async function snapshot(options: TokenScenarioOptions): Promise<Snapshot> {
	const { tokenRequests, unauthorized } = options.pbx.stats;
	return { tokenRequests, unauthorized, credentialWrites: await options.credentialWrites?.() };
}

async function figures(options: TokenScenarioOptions, before: Snapshot, load: LoadResult): Promise<Figures> {
	const after = await snapshot(options);
	return {
		...load,
		tokenRequests: after.tokenRequests - before.tokenRequests,
		unauthorized: after.unauthorized - before.unauthorized,
		credentialWrites: after.credentialWrites === undefined ? undefined : after.credentialWrites - (before.credentialWrites ?? 0),
	};
}

export function describeFigures(f: Figures): string {
	const writes = f.credentialWrites === undefined ? '' : `, ${f.credentialWrites} credential writes`;
	const samples = f.samples.length ? `; e.g. ${f.samples.join(' | ')}` : '';
	return `${f.failedItems}/${f.items} failed items, ${f.tokenRequests} token requests, ${f.unauthorized} 401s${writes}, ${(f.ms / 1000).toFixed(1)} s${samples}`;
}

export async function runTokenScenario(options: TokenScenarioOptions): Promise<TokenScenarioResult> {
	const log = options.log ?? (() => undefined);
	const rounds: Figures[] = [];
	for (let round = 1; round <= options.rounds; round++) {
		options.pbx.invalidateTokens();
		const before = await snapshot(options);
		const result = await figures(options, before, await burst(options.webhookUrl, options.executions, options.items));
		rounds.push(result);
		log(`round ${round} (token revoked): ${describeFigures(result)}`);
	}

	const before = await snapshot(options);
	const marks: number[] = [];
	const started = Date.now();
	const load = await steadyLoad(options.webhookUrl, {
		durationMs: options.steadyMs,
		parallel: options.parallel,
		itemsPerExecution: options.items,
		during: async () => {
			for (let at = options.revokeEveryMs; at < options.steadyMs; at += options.revokeEveryMs) {
				await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + at - Date.now())));
				marks.push(options.pbx.stats.tokenRequests);
				options.pbx.invalidateTokens();
			}
		},
	});
	const steadyFigures = await figures(options, before, load);
	const ends = [...marks.slice(1), options.pbx.stats.tokenRequests];
	const steady = { ...steadyFigures, revocations: marks.length, tokenRequestsPerRevocation: marks.map((mark, i) => ends[i] - mark) };
	log(`steady load, ${steady.revocations} revocations: ${describeFigures(steady)}; token requests per revocation ${steady.tokenRequestsPerRevocation.join(', ')}`);

	const quiet = await snapshot(options);
	const settled = await figures(options, quiet, await burst(options.webhookUrl, Math.min(5, options.executions), options.items));
	log(`settled (nothing revoked): ${describeFigures(settled)}`);
	return { rounds, steady, settled };
}
