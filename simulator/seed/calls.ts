/**
 * The calls of a period: one deterministic list that feeds the call log and every report derived
 * from calls (user activity, call distribution, queue performance, abandoned calls, SLA), so their
 * numbers agree. Call i of a period is drawn from `Rng(seed, 'calllog', i)` (the call log's own
 * draws) plus `Rng(seed, 'callqueue', i)` for the queue leg of inbound calls.
 */
import type { ReportContext } from '../reports';
import { QUEUE_COUNT, queueAgentIndices, userPerson } from './people';
import { Rng, externalNumber } from './random';

export interface CallFacts {
	i: number;
	/** epoch ms, whole seconds */
	start: number;
	direction: 'Inbound' | 'Outbound' | 'Internal';
	/** user index of the internal party that placed the call (Outbound, Internal) */
	caller: number;
	/** user index of the internal party that took (or missed) the call */
	callee: number;
	external: string;
	answered: boolean;
	ringing: number;
	talking: number;
	/** queue index of an inbound queue call, else -1 */
	queue: number;
	/** seconds the caller waited in the queue */
	wait: number;
}

/** Row i of rows spread newest first over a period ending at `to`, `step` ms apart (whole seconds). */
export function newestFirst(to: number, step: number, i: number, r: Rng): number {
	return Math.floor((to - (i + 1) * step + r.next() * step * 0.8) / 1000) * 1000;
}

/** How many calls the period has (the call log's row count), and their spacing. */
export function callCount(ctx: ReportContext, from: number, to: number): { n: number; step: number } {
	const n = to > from ? ctx.callLogRows : 0;
	return { n, step: n ? (to - from) / n : 0 };
}

/** Call i of a period; `r` continues with the call log's own draws (recording, ids, reasons). */
export function callFacts(ctx: ReportContext, to: number, step: number, i: number): { facts: CallFacts; r: Rng } {
	const r = new Rng(ctx.seed, 'calllog', i);
	const users = Math.max(1, ctx.users);
	const start = newestFirst(to, step, i, r);
	const direction = r.pick(['Inbound', 'Outbound', 'Internal', 'Inbound'] as const);
	const caller = r.int(0, users - 1);
	let callee = r.int(0, users - 1);
	const external = externalNumber(r);
	const answered = r.bool(0.78);
	const ringing = r.int(1, 30);
	const talking = answered ? r.int(3, 1800) : 0;
	let queue = -1;
	let wait = 0;
	if (direction === 'Inbound') {
		const q = new Rng(ctx.seed, 'callqueue', i);
		if (q.bool(0.6)) {
			queue = q.int(0, QUEUE_COUNT - 1);
			const agents = queueAgentIndices(users, queue);
			if (agents.length) callee = q.pick(agents);
			wait = q.int(1, answered ? 90 : 400);
		}
	}
	return { facts: { i, start, direction, caller, callee, external, answered, ringing, talking, queue, wait }, r };
}

/** Every call of a period (oldest last, as the call log lists them). */
export function periodCalls(ctx: ReportContext, from: number, to: number): CallFacts[] {
	const { n, step } = callCount(ctx, from, to);
	return Array.from({ length: n }, (_, i) => callFacts(ctx, to, step, i).facts);
}

/** The user index the call counts for in per-user reports: who took it, or who placed an outbound one. */
export function userOf(call: CallFacts): number {
	return call.direction === 'Outbound' ? call.caller : call.callee;
}

/** Extension number of user index u. */
export const extensionOf = (ctx: ReportContext, u: number) => userPerson(ctx.seed, u).number;
