/**
 * The poll cursor, kept in the workflow's static data. Pure: the node reads the state, asks for
 * a window, fetches it, and writes back `nextState` only after the poll succeeded, so a failed
 * poll repeats the same window next time.
 *
 * Events are found by their time on the PBX. Calls appear in the call log when they end but
 * carry their start time, and the PBX clock may differ from n8n's: every window therefore reaches
 * `overlap` back before the last successful poll, and the keys already emitted inside that
 * overlap are remembered so nothing is emitted twice.
 */

/** Keys remembered at most; the oldest go first (a window holding more events may repeat some). */
export const MAX_SEEN_KEYS = 5000;

/** Windows end this far after n8n's "now": a PBX clock running ahead still falls inside. */
export const FUTURE_MARGIN_MS = 10 * 60_000;

/** How far one poll moves a cursor that is behind. */
export const MAX_STEP_MS = 6 * 3_600_000;

export interface PollState {
	/** Which event this state belongs to; choosing another event starts afresh. */
	scope?: string;
	/** n8n time (epoch ms) of the last successful poll. */
	cursorMs?: number;
	/** Keys of events already emitted (or present at the first poll), with their time (epoch ms). */
	seen?: Record<string, number>;
}

export interface PollWindow {
	fromMs: number;
	toMs: number;
	/** Where the cursor moves when this poll succeeds: now, or a step further while catching up. */
	untilMs: number;
	/** First poll without "Include Events Since": remember what is there, emit nothing. */
	baseline: boolean;
}

export interface TimedEvent {
	key: string;
	timeMs: number;
}

/** The state for `scope` (the event): the stored state of another event is dropped. */
export function stateFor(stored: PollState, scope: string): PollState {
	return stored.scope === scope ? stored : { scope };
}

/**
 * The time range to ask the PBX for. A cursor far behind (a back-fill, or n8n stopped for days)
 * catches up `MAX_STEP_MS` per poll, so no single poll asks for more than a few hours.
 */
export function pollWindow(state: PollState, nowMs: number, overlapMs: number, sinceMs?: number): PollWindow {
	const start = state.cursorMs ?? sinceMs;
	if (start === undefined) return { fromMs: nowMs - overlapMs, toMs: nowMs + FUTURE_MARGIN_MS, untilMs: nowMs, baseline: true };
	const cursorMs = Math.min(start, nowMs);
	const fromMs = state.cursorMs === undefined ? cursorMs : cursorMs - overlapMs;
	const untilMs = Math.min(nowMs, cursorMs + MAX_STEP_MS);
	return { fromMs, toMs: untilMs === nowMs ? nowMs + FUTURE_MARGIN_MS : untilMs, untilMs, baseline: false };
}

/** Events inside the window not emitted before, each key once, oldest first. */
export function freshEvents<T extends TimedEvent>(events: T[], state: PollState, window: PollWindow): T[] {
	if (window.baseline) return [];
	const seen = state.seen ?? {};
	const taken = new Set<string>();
	const fresh = events.filter((event) => {
		if (event.timeMs < window.fromMs || event.timeMs > window.toMs) return false;
		if (event.key in seen || taken.has(event.key)) return false;
		taken.add(event.key);
		return true;
	});
	return fresh.sort((a, b) => a.timeMs - b.timeMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The state after a successful poll: the cursor moves to `untilMs`; `remembered` (the events
 * emitted, or on a baseline poll every event found) join the seen keys; keys older than the next
 * window's start are forgotten, since that window cannot return them.
 */
export function nextState(
	state: PollState,
	untilMs: number,
	overlapMs: number,
	remembered: TimedEvent[],
	maxKeys = MAX_SEEN_KEYS,
): PollState {
	const cursorMs = Math.max(untilMs, state.cursorMs ?? untilMs);
	const keepFrom = cursorMs - overlapMs;
	const entries = Object.entries(state.seen ?? {});
	for (const event of remembered) entries.push([event.key, event.timeMs]);
	const kept = entries.filter(([, timeMs]) => timeMs >= keepFrom).sort((a, b) => b[1] - a[1]);
	const seen: Record<string, number> = {};
	let count = 0;
	for (const [key, timeMs] of kept) {
		if (count >= maxKeys) break;
		if (key in seen) continue;
		seen[key] = timeMs;
		count++;
	}
	return { scope: state.scope, cursorMs, seen };
}
