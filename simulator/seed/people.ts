/**
 * Who is on the seeded PBX, derived from the seed and an index alone, so the seeded entities and
 * the generated report rows name the same people and queues.
 */
import { FIRST_NAMES, LAST_NAMES, Rng } from './random';

export const QUEUE_COUNT = 5;
export const RING_GROUP_COUNT = 3;
const QUEUE_NAMES = ['Sales', 'Support', 'Billing', 'Reception', 'Escalations', 'Night shift', 'VIP', 'Partners'];
const MAX_QUEUE_AGENTS = 12;

/** Deterministic person for user index i (extension 100 + i). */
export function userPerson(seed: number, i: number): { first: string; last: string; number: string } {
	const r = new Rng(seed, 'user', i);
	return { first: r.pick(FIRST_NAMES), last: r.pick(LAST_NAMES), number: String(100 + i) };
}

export function queueNumber(i: number): string {
	return String(800 + i);
}

export function queueName(i: number): string {
	return QUEUE_NAMES[i % QUEUE_NAMES.length];
}

/** The user indices that are agents of queue q (of `users` seeded users). */
export function queueAgentIndices(users: number, q: number): number[] {
	const out: number[] = [];
	for (let k = 0; k < users && out.length < MAX_QUEUE_AGENTS; k++) if (k % QUEUE_COUNT === q || k % 7 === q) out.push(k);
	return out;
}
