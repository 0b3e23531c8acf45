import {
	FUTURE_MARGIN_MS,
	MAX_STEP_MS,
	freshEvents,
	nextState,
	pollWindow,
	stateFor,
	type PollState,
} from '../../../nodes/ThreeCxTrigger/poll/cursor';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);
const MIN = 60_000;
const OVERLAP = 60 * MIN;

const ev = (key: string, minutesAgo: number) => ({ key, timeMs: NOW - minutesAgo * MIN });

describe('stateFor', () => {
	it('keeps the state of the same scope and drops another scope', () => {
		const stored: PollState = { scope: 'newCall', cursorMs: NOW, seen: { a: NOW } };
		expect(stateFor(stored, 'newCall')).toBe(stored);
		expect(stateFor(stored, 'newRecording')).toEqual({ scope: 'newRecording' });
		expect(stateFor({}, 'newCall')).toEqual({ scope: 'newCall' });
	});
});

describe('pollWindow', () => {
	it('first poll without a start date is a baseline over the overlap', () => {
		expect(pollWindow({}, NOW, OVERLAP)).toEqual({ fromMs: NOW - OVERLAP, toMs: NOW + FUTURE_MARGIN_MS, untilMs: NOW, baseline: true });
	});

	it('first poll with Include Events Since back-fills from that date', () => {
		const since = NOW - 3 * 60 * MIN;
		expect(pollWindow({}, NOW, OVERLAP, since)).toEqual({ fromMs: since, toMs: NOW + FUTURE_MARGIN_MS, untilMs: NOW, baseline: false });
	});

	it('a back-fill further back than one step catches up a step per poll', () => {
		const since = NOW - 3 * 86_400_000;
		expect(pollWindow({}, NOW, OVERLAP, since)).toEqual({ fromMs: since, toMs: since + MAX_STEP_MS, untilMs: since + MAX_STEP_MS, baseline: false });
	});

	it('later polls reach one overlap before the cursor; the start date no longer matters', () => {
		const cursorMs = NOW - 5 * MIN;
		expect(pollWindow({ cursorMs }, NOW, OVERLAP, NOW - 86_400_000)).toEqual({ fromMs: cursorMs - OVERLAP, toMs: NOW + FUTURE_MARGIN_MS, untilMs: NOW, baseline: false });
	});

	it('a cursor stored days ago (n8n was stopped) catches up in steps, each reaching back one overlap', () => {
		const cursorMs = NOW - 2 * 86_400_000;
		const first = pollWindow({ cursorMs }, NOW, OVERLAP);
		expect(first).toEqual({ fromMs: cursorMs - OVERLAP, toMs: cursorMs + MAX_STEP_MS, untilMs: cursorMs + MAX_STEP_MS, baseline: false });
		expect(pollWindow({ cursorMs: first.untilMs }, NOW, OVERLAP).fromMs).toBe(first.untilMs - OVERLAP);
	});

	it('a cursor in the future (n8n clock moved back) does not push the window past now', () => {
		expect(pollWindow({ cursorMs: NOW + 30 * MIN }, NOW, OVERLAP).fromMs).toBe(NOW - OVERLAP);
	});
});

describe('freshEvents', () => {
	const window = { fromMs: NOW - OVERLAP, toMs: NOW + FUTURE_MARGIN_MS, untilMs: NOW, baseline: false };

	it('drops seen keys, keys repeated in the batch and events outside the window; oldest first', () => {
		const events = [ev('c', 1), ev('a', 10), ev('seen', 5), ev('a', 10), ev('old', 61), ev('b', 10), ev('future', -11)];
		const fresh = freshEvents(events, { seen: { seen: NOW - 5 * MIN } }, window);
		expect(fresh.map((e) => e.key)).toEqual(['a', 'b', 'c']);
	});

	it('emits nothing on a baseline poll', () => {
		expect(freshEvents([ev('a', 1)], {}, { ...window, baseline: true })).toEqual([]);
	});
});

describe('nextState', () => {
	it('moves the cursor to now and remembers the emitted keys', () => {
		const next = nextState({ scope: 'newCall' }, NOW, OVERLAP, [ev('a', 1), ev('b', 2)]);
		expect(next).toEqual({ scope: 'newCall', cursorMs: NOW, seen: { a: NOW - MIN, b: NOW - 2 * MIN } });
	});

	it('forgets keys the next window cannot return', () => {
		const next = nextState({ seen: { old: NOW - OVERLAP - 1, edge: NOW - OVERLAP } }, NOW, OVERLAP, []);
		expect(next.seen).toEqual({ edge: NOW - OVERLAP });
	});

	it('keeps at most maxKeys keys, the newest', () => {
		const events = Array.from({ length: 10 }, (_, i) => ev(`k${i}`, i));
		const next = nextState({}, NOW, OVERLAP, events, 3);
		expect(Object.keys(next.seen!)).toEqual(['k0', 'k1', 'k2']);
	});

	it('never moves the cursor backwards', () => {
		expect(nextState({ cursorMs: NOW + MIN }, NOW, OVERLAP, []).cursorMs).toBe(NOW + MIN);
	});

	it('an event completing out of order inside the overlap is emitted once, across polls', () => {
		// poll 1 emits a call that started 2 min ago
		let state: PollState = nextState({ scope: 's' }, NOW, OVERLAP, [ev('late', 2)]);
		// poll 2, a minute later: a call that started 40 min ago has just completed; the first one is still listed
		const later = NOW + MIN;
		const rows = [{ key: 'late', timeMs: NOW - 2 * MIN }, { key: 'long', timeMs: NOW - 40 * MIN }];
		const window = pollWindow(state, later, OVERLAP);
		const fresh = freshEvents(rows, state, window);
		expect(window.untilMs).toBe(later);
		expect(fresh.map((e) => e.key)).toEqual(['long']);
		state = nextState(state, later, OVERLAP, fresh);
		expect(freshEvents(rows, state, pollWindow(state, later + MIN, OVERLAP))).toEqual([]);
	});
});
