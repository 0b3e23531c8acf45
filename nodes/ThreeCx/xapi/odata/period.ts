/**
 * Report periods: presets (Yesterday, Last Month, …) resolved to UTC instants in a time zone, and
 * the time zone names the PBX accepts (IANA, UTC, or an offset like +08:00). Pure: `now` is passed in.
 */
import { InputProblem } from './values';

export const PERIOD_PRESETS = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'last7Days', 'thisMonth', 'lastMonth', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** A resolved period: `from` inclusive, `to` the start of the next day (half-open), both UTC. */
export interface ResolvedPeriod {
	from: string;
	to: string;
}

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `zone` is UTC, an offset (`+08:00`, at most ±14:00) or an IANA zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
	if (zone === 'UTC') return true;
	const offset = OFFSET.exec(zone);
	if (offset) return Number(offset[2]) * 60 + Number(offset[3]) <= 14 * 60 && Number(offset[3]) < 60;
	if (!/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(zone)) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** The zone, checked; blank means `fallback` (the workflow's time zone). */
export function checkTimeZone(value: unknown, parameter: string, fallback: string): string {
	const zone = typeof value === 'string' ? value.trim() : value;
	if (zone === undefined || zone === null || zone === '') return fallback;
	if (typeof zone !== 'string' || !isTimeZone(zone)) {
		throw new InputProblem(parameter, 'a time zone: an IANA name like Europe/Berlin, UTC, or an offset like +08:00', value);
	}
	return zone;
}

/** Offset of `zone` from UTC (ms) at the instant `at`. */
export function offsetAt(zone: string, at: number): number {
	if (zone === 'UTC') return 0;
	const offset = OFFSET.exec(zone);
	if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	});
	const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return wall - Math.floor(at / 1000) * 1000;
}

/** Calendar date (as a UTC midnight, ms) that `at` falls on in `zone`. */
function localDate(zone: string, at: number): number {
	const wall = at + offsetAt(zone, at);
	return Math.floor(wall / DAY_MS) * DAY_MS;
}

/** The instant of local midnight of `date` (a UTC midnight, ms) in `zone`. Where a DST change
 * skips midnight, the first instant of that day. */
export function startOfDay(zone: string, date: number): number {
	let instant = date - offsetAt(zone, date);
	instant = date - offsetAt(zone, instant);
	// Midnight skipped (clocks jumped forward at 00:00): the instant is on the day before.
	if (localDate(zone, instant) < date) instant += date - (instant + offsetAt(zone, instant));
	return instant;
}

const addDays = (date: number, days: number) => date + days * DAY_MS;

function monthStart(date: number, monthsAhead: number): number {
	const d = new Date(date);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthsAhead, 1);
}

/** Monday of the week of `date` (ISO weeks). */
function weekStart(date: number): number {
	const weekday = (new Date(date).getUTCDay() + 6) % 7;
	return addDays(date, -weekday);
}

/** First and next-after-last calendar dates of a preset, relative to `today`. */
function presetDates(preset: Exclude<PeriodPreset, 'custom'>, today: number): [number, number] {
	switch (preset) {
		case 'today':
			return [today, addDays(today, 1)];
		case 'yesterday':
			return [addDays(today, -1), today];
		case 'thisWeek':
			return [weekStart(today), addDays(weekStart(today), 7)];
		case 'lastWeek':
			return [addDays(weekStart(today), -7), weekStart(today)];
		case 'last7Days':
			return [addDays(today, -7), today];
		case 'thisMonth':
			return [monthStart(today, 0), monthStart(today, 1)];
		case 'lastMonth':
			return [monthStart(today, -1), monthStart(today, 0)];
	}
}

/** `2025-03-01T00:00:00Z`, the form the PBX's web client sends. */
function utcText(instant: number): string {
	return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}

/**
 * The period of a preset as UTC instants: whole local days of `zone`, from the first day's
 * midnight to the midnight after the last day. `now` is epoch milliseconds.
 */
export function resolvePeriod(preset: Exclude<PeriodPreset, 'custom'>, zone: string, now: number): ResolvedPeriod {
	const [first, next] = presetDates(preset, localDate(zone, now));
	return { from: utcText(startOfDay(zone, first)), to: utcText(startOfDay(zone, next)) };
}

export function isPeriodPreset(value: unknown): value is PeriodPreset {
	return typeof value === 'string' && (PERIOD_PRESETS as readonly string[]).includes(value);
}
