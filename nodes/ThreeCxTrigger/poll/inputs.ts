/**
 * The trigger's parameters, checked before anything is sent. Pure: bad values throw an
 * InputProblem naming the parameter (turned into a NodeOperationError by the node).
 */
import { toUtcDateTime } from '../../ThreeCx/xapi/odata/dates';
import { InputProblem, isBlank } from '../../ThreeCx/xapi/odata/values';
import type { EventFilters } from './events';

export const DEFAULT_OVERLAP_MINUTES = 60;
export const MAX_OVERLAP_MINUTES = 24 * 60;

/** `100, 101,102` → ['100', '101', '102']; every entry a PBX number (digits). */
export function numberList(value: unknown, parameter: string): string[] {
	if (isBlank(value)) return [];
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new InputProblem(parameter, 'numbers separated by commas, like 800, 801', value);
	}
	const numbers = String(value)
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	for (const number of numbers) {
		if (!/^\d{1,20}$/.test(number)) throw new InputProblem(parameter, 'numbers separated by commas, like 800, 801', value);
	}
	return numbers;
}

/** Minutes between 1 and a day, as milliseconds. */
export function overlapMs(value: unknown): number {
	const minutes = isBlank(value) ? DEFAULT_OVERLAP_MINUTES : Number(value);
	if (!Number.isFinite(minutes) || minutes < 1 || minutes > MAX_OVERLAP_MINUTES) {
		throw new InputProblem('Overlap (Minutes)', `a number of minutes from 1 to ${MAX_OVERLAP_MINUTES}`, value);
	}
	return Math.round(minutes * 60_000);
}

/** Epoch ms of "Include Events Since" (zone-less values in the workflow's time zone), or undefined. */
export function sinceMs(value: unknown, timeZone: string, nowMs: number): number | undefined {
	if (isBlank(value)) return undefined;
	const ms = Date.parse(toUtcDateTime(value, 'Include Events Since', timeZone));
	if (ms > nowMs) throw new InputProblem('Include Events Since', 'a date-time in the past', value);
	return ms;
}

/** SLA threshold in seconds (1 s to 23:59:59, what a TimeSpan parameter of the report holds). */
export function slaSeconds(value: unknown): number {
	const seconds = isBlank(value) ? 20 : Number(value);
	if (!Number.isInteger(seconds) || seconds < 1 || seconds >= 86_400) {
		throw new InputProblem('SLA Time (Seconds)', 'a whole number of seconds from 1 to 86399', value);
	}
	return seconds;
}

export interface RawFilters {
	directions?: unknown;
	answered?: unknown;
	extensions?: unknown;
	queues?: unknown;
	severities?: unknown;
	objectName?: unknown;
}

const DIRECTIONS = ['Inbound', 'Outbound', 'Internal'];
const SEVERITIES = ['Error', 'Warning', 'Info'];

function choices(value: unknown, parameter: string, allowed: string[]): string[] {
	if (isBlank(value)) return [];
	const list = Array.isArray(value) ? value : [value];
	for (const entry of list) {
		if (typeof entry !== 'string' || !allowed.includes(entry)) throw new InputProblem(parameter, `some of ${allowed.join(', ')}`, entry);
	}
	return list as string[];
}

export function eventFilters(raw: RawFilters): EventFilters {
	const answered = isBlank(raw.answered) ? 'any' : raw.answered;
	if (answered !== 'any' && answered !== 'answered' && answered !== 'unanswered') {
		throw new InputProblem('Answered', 'any, answered or unanswered', raw.answered);
	}
	if (!isBlank(raw.objectName) && typeof raw.objectName !== 'string') throw new InputProblem('Object Name Contains', 'text', raw.objectName);
	return {
		directions: choices(raw.directions, 'Direction', DIRECTIONS),
		answered,
		extensions: numberList(raw.extensions, 'Extensions'),
		queues: numberList(raw.queues, 'Queues'),
		severities: choices(raw.severities, 'Severity', SEVERITIES),
		objectName: isBlank(raw.objectName) ? undefined : (raw.objectName as string),
	};
}

/** Name of the binary property the recording goes to. */
export function binaryProperty(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '') throw new InputProblem('Put File in Field', 'a property name like data', value);
	return value.trim();
}
