import { InputProblem } from './values';

/**
 * Date parsing without luxon: n8n date pickers give zone-less local times (`2025-03-01T00:00:00`)
 * meant in the workflow's time zone; expressions give ISO strings with offsets, JS Dates, or
 * Luxon DateTimes (objects with `toISO()`).
 */

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const DATE_TIME_FORM = 'a date-time like 2025-03-01T00:00:00Z';

/** Instant in epoch milliseconds; zone-less input is read in `timeZone`. */
function parseInstant(value: unknown, parameter: string, timeZone = 'UTC'): number {
	const text = dateText(value);
	const m = text === undefined ? null : ISO.exec(text.trim());
	if (!m) throw new InputProblem(parameter, DATE_TIME_FORM, value);
	const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
	const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
	const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
	const check = new Date(wall);
	if (
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		throw new InputProblem(parameter, DATE_TIME_FORM, value);
	}
	const zone = m[8];
	if (zone === undefined) return wall - zoneOffset(wall, timeZone);
	return wall - offsetMinutes(zone) * 60_000;
}

/** `2025-03-01T00:00:00Z`: UTC to the second, the form the PBX's own web client sends. */
export function toUtcDateTime(value: unknown, parameter: string, timeZone?: string): string {
	const iso = new Date(parseInstant(value, parameter, timeZone)).toISOString();
	return `${iso.slice(0, 19)}Z`;
}

/** `2025-03-01`: the calendar date as written (an offset does not move it to another day). */
export function toDateOnly(value: unknown, parameter: string): string {
	const text = dateText(value)?.trim();
	if (text === undefined || !ISO.test(text)) {
		throw new InputProblem(parameter, 'a date like 2025-03-01', value);
	}
	parseInstant(text, parameter);
	return text.slice(0, 10);
}

function dateText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	if (typeof value === 'object' && value !== null && 'toISO' in value) {
		const iso = (value as { toISO: () => unknown }).toISO();
		return typeof iso === 'string' ? iso : undefined;
	}
	return undefined;
}

function offsetMinutes(zone: string): number {
	if (zone.toUpperCase() === 'Z') return 0;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** Offset of `timeZone` (ms) at the wall time `wall`, found by formatting and refining once so
 * times next to a DST change land on the right side. */
function zoneOffset(wall: number, timeZone: string): number {
	if (timeZone === 'UTC') return 0;
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	});
	const offsetAt = (instant: number) => {
		const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
		const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
		return asUtc - Math.floor(instant / 1000) * 1000;
	};
	const first = offsetAt(wall);
	return offsetAt(wall - first);
}
