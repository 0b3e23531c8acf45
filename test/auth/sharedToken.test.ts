/**
 * The token stored in the credential as the state several n8n processes share (queue mode):
 * the real token code in each fake n8n process (fakeN8n.ts), the real timing policy, on virtual
 * time with seeded randomness, so every run is the same and none depends on the machine's load.
 */
import { DEFAULT_TOKEN_POLICY } from '../../nodes/ThreeCx/auth/tokenCache';
import { DEFAULT_RETRY_SCHEDULE, TokenRejectedError } from '../../nodes/ThreeCx/auth/tokenRetry';
import { CREDENTIAL, FakeDatabase, FakeN8nProcess, FakePbx, type Latencies } from './fakeN8n';
import { VirtualTime } from './virtualTime';

/** A PBX across a network, a local database. */
const LATENCY: Latencies = { dbRead: [1, 10], dbWrite: [2, 20], pbx: [5, 60] };
/** The same on an overloaded machine (every step up to 20 times slower): collisions get likely. */
const LOADED: Latencies = { dbRead: [10, 200], dbWrite: [20, 400], pbx: [20, 300] };
/** As measured in the real queue-mode test on a busy 2-core machine (a credential read up to 1 s, its store up to 2.5 s). */
const HEAVY: Latencies = { dbRead: [50, 1000], dbWrite: [200, 2500], pbx: [50, 400] };

function cluster(processes: number, seed: number, latency = LATENCY) {
	const time = new VirtualTime(seed);
	const db = new FakeDatabase({ ...CREDENTIAL }, time, latency);
	const pbx = new FakePbx(time, latency);
	const workers = Array.from({ length: processes }, () => new FakeN8nProcess(time, db, pbx, DEFAULT_TOKEN_POLICY, DEFAULT_RETRY_SCHEDULE));
	/** `items` concurrent items in every process but the idle ones (each idle by chance `idle`, one always busy); how many failed. */
	const wave = async (items: number, idle = 0) => {
		const busy = workers.filter((worker, i) => i === 0 || time.random() >= idle);
		const all = Promise.allSettled(busy.flatMap((worker) => Array.from({ length: items }, async () => await worker.item())));
		const results = await time.run(all, time.now() + 600_000);
		return results.filter((result) => result.status === 'rejected').length;
	};
	return { time, db, pbx, workers, wave };
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** A revocation comes right after a wave (the token is young: a replacement cannot be told apart) or after a pause. */
describe.each([
	[2, 'quiet', LATENCY, 0, 0],
	[4, 'quiet', LATENCY, 0, 0],
	[4, 'loaded', LOADED, 0, 0],
	[4, 'heavily loaded', HEAVY, 0, 10_000],
	[4, 'heavily loaded', HEAVY, 0.3, 10_000],
] as const)('%d n8n processes, one stored credential, %s machine, each idle by chance %s, revoked %s ms after a wave', (processes, _load, latency, idle, pause) => {
	it.each(SEEDS)('seed %d: no item lost in 6 revocations, at most 3 token requests each, one credential write per token', async (seed) => {
		const { time, db, pbx, wave } = cluster(processes, seed, latency);
		expect(await wave(5)).toBe(0);
		const perRevocation: number[] = [];
		let failed = 0;
		for (let event = 0; event < 6; event++) {
			await time.run(time.sleep(pause), time.now() + pause + 1);
			pbx.revoke();
			const before = pbx.tokenRequests;
			failed += await wave(50, idle);
			perRevocation.push(pbx.tokenRequests - before);
		}
		expect(failed).toBe(0);
		expect(Math.max(...perRevocation)).toBeLessThanOrEqual(3);
		expect(db.writes).toBeLessThanOrEqual(pbx.tokenRequests);
		// Settled: no token request and no 401 until the next revocation.
		const settled = { tokens: pbx.tokenRequests, unauthorized: pbx.unauthorized };
		expect(await wave(50)).toBe(0);
		expect({ tokens: pbx.tokenRequests, unauthorized: pbx.unauthorized }).toEqual(settled);
	});
});

describe('a process', () => {
	it('sends the token another process stored, not an older one it remembers', async () => {
		const { time, pbx, workers } = cluster(2, 1);
		await time.run(workers[0].item());
		pbx.revoke();
		await time.run(workers[1].item());
		const before = { tokens: pbx.tokenRequests, unauthorized: pbx.unauthorized };
		await time.run(workers[0].item());
		expect({ tokens: pbx.tokenRequests, unauthorized: pbx.unauthorized }).toEqual(before);
	});

	it("without the node's retry (another node using the credential) refreshes once and loses nothing", async () => {
		const { time, pbx, workers } = cluster(1, 1);
		await time.run(workers[0].item());
		pbx.revoke();
		const before = pbx.tokenRequests;
		const sends = Promise.allSettled(Array.from({ length: 50 }, async () => await workers[0].httpRequestWithAuthentication({ url: '/Users(1)' })));
		const results = await time.run(sends);
		expect(results.filter((result) => result.status === 'rejected')).toHaveLength(0);
		expect(pbx.tokenRequests - before).toBe(1);
	});

	it('gives up after a bounded number of attempts, naming the one-token rule, while something else keeps taking the token', async () => {
		const { time, pbx, workers } = cluster(1, 1);
		await time.run(workers[0].item());
		// Another program with the same client ID fetches a token right after each of ours.
		const issue = pbx.issue.bind(pbx);
		pbx.issue = async () => {
			const answer = await issue();
			pbx.revoke();
			return answer;
		};
		pbx.revoke();
		const error = await time.run(workers[0].item()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TokenRejectedError);
		expect((error as TokenRejectedError).message).toBe(`3CX rejected the access token ${DEFAULT_RETRY_SCHEDULE.attempts} times in a row (HTTP 401)`);
		expect((error as TokenRejectedError).description).toMatch(/only one valid token per API client/);
		expect(pbx.tokenRequests).toBeLessThanOrEqual(1 + DEFAULT_RETRY_SCHEDULE.attempts);
	});
});
