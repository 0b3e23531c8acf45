/**
 * What each trigger event is made of: which rows of the PBX answer become events, the key that
 * identifies an event across polls, its time, the filters applied to it, and the item it emits.
 * Pure: rows in, events out.
 */
import type { IDataObject } from 'n8n-workflow';

import type { TimedEvent } from './cursor';

export const TRIGGER_EVENTS = [
	'newCall',
	'missedQueueCall',
	'newRecording',
	'newEventLogEntry',
	'newAuditLogEntry',
	'activeCallStarted',
	'activeCallEnded',
	'agentLoggedIn',
	'agentLoggedOut',
	'slaBreached',
] as const;

export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export function isTriggerEvent(value: unknown): value is TriggerEvent {
	return TRIGGER_EVENTS.includes(value as TriggerEvent);
}

export interface EventFilters {
	/** Call direction as the call log names it: Inbound, Outbound, Internal. */
	directions?: string[];
	answered?: 'any' | 'answered' | 'unanswered';
	/** Extension numbers: a call, recording or agent matches when one of its numbers is listed. */
	extensions?: string[];
	/** Queue numbers. */
	queues?: string[];
	/** Event log types: Error, Warning, Info. */
	severities?: string[];
	/** Audit log: part of the object name, any case. */
	objectName?: string;
}

export interface PbxEvent extends TimedEvent {
	data: IDataObject;
}

/** The item every event emits (README, "3CX Trigger"). */
export interface EventItem extends IDataObject {
	event: TriggerEvent;
	/** Stable across polls: the key duplicates are recognised by. */
	id: string;
	/** When it happened on the PBX (ISO 8601, UTC). */
	time: string;
	/** When this trigger found it (ISO 8601, UTC). */
	detectedAt: string;
	/** The PBX's row, without secrets. */
	data: IDataObject;
}

export function toItem(event: TriggerEvent, found: PbxEvent, detectedMs: number): EventItem {
	return {
		event,
		id: found.key,
		time: new Date(found.timeMs).toISOString(),
		detectedAt: new Date(detectedMs).toISOString(),
		data: found.data,
	};
}

/** Epoch ms of a PBX date-time; `fallbackMs` when absent or unreadable. */
export function timeOf(value: unknown, fallbackMs: number): number {
	if (typeof value !== 'string' || value.trim() === '') return fallbackMs;
	// The PBX writes UTC; a zone-less value is read as UTC rather than n8n's local time.
	const text = /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim()) ? value : `${value.trim()}Z`;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? fallbackMs : ms;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

function firstText(row: IDataObject, fields: string[]): string {
	for (const field of fields) {
		const value = text(row[field]);
		if (value) return value;
	}
	return '';
}

function listed(list: string[] | undefined, ...values: unknown[]): boolean {
	if (!list?.length) return true;
	return values.some((value) => list.includes(text(value)));
}

/** Events of `event` found in `rows` (one row may give none, e.g. a still-open agent session). */
export function eventsFromRows(event: TriggerEvent, rows: IDataObject[], filters: EventFilters, nowMs: number): PbxEvent[] {
	const events: PbxEvent[] = [];
	for (const row of rows) {
		const found = eventFromRow(event, row, filters, nowMs);
		if (found) events.push(found);
	}
	return events;
}

function eventFromRow(event: TriggerEvent, row: IDataObject, filters: EventFilters, nowMs: number): PbxEvent | undefined {
	switch (event) {
		case 'newCall': {
			if (!matchesCall(row, filters)) return undefined;
			const id = firstText(row, ['CdrId', 'CallHistoryId']) || `${text(row.SegmentId)}@${text(row.StartTime)}`;
			return { key: `call:${id}`, timeMs: timeOf(row.StartTime, nowMs), data: row };
		}
		case 'missedQueueCall': {
			const id = text(row.CallHistoryId) || `${text(row.QueueDn)}|${text(row.CallerId)}|${text(row.CallTime)}`;
			return { key: `abandoned:${id}`, timeMs: timeOf(row.CallTime, nowMs), data: row };
		}
		case 'newRecording':
			if (!listed(filters.extensions, row.FromDn, row.ToDn)) return undefined;
			return { key: `recording:${text(row.Id)}`, timeMs: timeOf(row.EndTime ?? row.StartTime, nowMs), data: row };
		case 'newEventLogEntry':
			if (!listed(filters.severities, row.Type)) return undefined;
			return { key: `eventlog:${text(row.Id)}`, timeMs: timeOf(row.TimeGenerated, nowMs), data: row };
		case 'newAuditLogEntry': {
			const wanted = filters.objectName?.trim().toLowerCase();
			if (wanted && !text(row.ObjectName).toLowerCase().includes(wanted)) return undefined;
			return { key: `audit:${text(row.Id)}`, timeMs: timeOf(row.Timestamp, nowMs), data: row };
		}
		case 'agentLoggedIn':
		case 'agentLoggedOut': {
			const field = event === 'agentLoggedIn' ? 'loggedInDt' : 'LoggedOutDt';
			if (!text(row[field])) return undefined;
			const agent = `${text(row.QueueNo)}|${text(row.AgentNo)}`;
			return { key: `${event === 'agentLoggedIn' ? 'login' : 'logout'}:${agent}|${text(row[field])}`, timeMs: timeOf(row[field], nowMs), data: row };
		}
		case 'slaBreached':
			return {
				key: `sla:${text(row.QueueDnNumber)}|${text(row.CallerId)}|${text(row.CallTime)}`,
				timeMs: timeOf(row.CallTime, nowMs),
				data: row,
			};
		default:
			// Active calls are told apart by comparing two polls (activeCalls.ts), not row by row.
			return undefined;
	}
}

function matchesCall(row: IDataObject, filters: EventFilters): boolean {
	if (filters.directions?.length && !filters.directions.includes(text(row.Direction))) return false;
	if (filters.answered === 'answered' && row.Answered !== true) return false;
	if (filters.answered === 'unanswered' && row.Answered === true) return false;
	const numbers = [row.SourceDn, row.DestinationDn, row.actionDnDn];
	return listed(filters.extensions, ...numbers) && listed(filters.queues, ...numbers);
}
