/**
 * Active Call Started / Ended: XAPI only lists the calls in progress, so a call started when it
 * appears between two polls and ended when it disappears. Pure: the previous list is kept in the
 * workflow's static data.
 */
import type { IDataObject } from 'n8n-workflow';

import type { PbxEvent } from './events';
import { timeOf } from './events';

/** Calls in progress at the last successful poll, by Id. */
export type ActiveCallSnapshot = Record<string, IDataObject>;

export interface ActiveCallState {
	scope?: string;
	cursorMs?: number;
	active?: ActiveCallSnapshot;
}

export interface ActiveCallChanges {
	started: PbxEvent[];
	ended: PbxEvent[];
	snapshot: ActiveCallSnapshot;
}

export function snapshotOf(rows: IDataObject[]): ActiveCallSnapshot {
	const snapshot: ActiveCallSnapshot = {};
	for (const row of rows) if (row.Id !== undefined && row.Id !== null) snapshot[String(row.Id)] = row;
	return snapshot;
}

/**
 * What changed since `previous` (undefined on the first poll: nothing started or ended yet).
 * An ended call carries the last row seen of it; its time is when its end was noticed.
 */
export function activeCallChanges(previous: ActiveCallSnapshot | undefined, rows: IDataObject[], nowMs: number): ActiveCallChanges {
	const snapshot = snapshotOf(rows);
	if (previous === undefined) return { started: [], ended: [], snapshot };
	const started = Object.entries(snapshot)
		.filter(([id]) => !(id in previous))
		.map(([id, row]) => ({ key: `active:${id}:started`, timeMs: timeOf(row.EstablishedAt, nowMs), data: row }));
	const ended = Object.entries(previous)
		.filter(([id]) => !(id in snapshot))
		.map(([id, row]) => ({ key: `active:${id}:ended`, timeMs: nowMs, data: row }));
	return { started, ended, snapshot };
}
