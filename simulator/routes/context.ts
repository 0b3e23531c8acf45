/** What every route works on: the simulated PBX's state, and the checks routes share. */
import type { EntityStore } from '../entities/store';
import type { XapiRequest } from '../http/request';
import { ODataError } from '../odata/errors';
import { BoundValue, CallSegment, ParamDef, bindFunctionArgs } from '../odata/literals';
import type { Row } from '../odata/query';
import type { ReportContext } from '../reports';
import type { LiveEvents } from '../seed/live';

export interface Pbx {
	/** http://127.0.0.1:PORT */
	readonly baseUrl: string;
	readonly store: EntityStore;
	readonly reports: ReportContext;
	/** uploaded custom prompts */
	readonly prompts: Row[];
	readonly specDirectory: string;
	/** X-3CX-Version; also picks the spec file */
	readonly version: string;
	/** set with `liveEvents`: history that grows while the simulator runs (seed/live.ts) */
	readonly live?: LiveEvents;
	/** true once the server closes: long answers stop */
	isClosed(): boolean;
}

/** The bound arguments of a function call; functions answer GET only. */
export function functionArgs(c: XapiRequest, call: CallSegment, defs: ParamDef[]): Record<string, BoundValue> {
	if (c.method !== 'GET') throw new ODataError(405, `The HTTP method '${c.method}' is not allowed for function '${call.name}'.`);
	return bindFunctionArgs(call.name, defs, call.args);
}
