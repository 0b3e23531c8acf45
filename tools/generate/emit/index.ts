/**
 * Turns the model into TypeScript. The steps, each in its own module:
 *
 * 1. `propertySpecs`: what each operation shows, in its own order;
 * 2. `ordering`: one global property order that keeps every operation's order;
 * 3. `showGroups`: the `resource × operation` rules each property is shown for;
 * 4. `naming`: unique node parameter names (a map; the model is not changed);
 * 5. `operationTable`: the runtime's request metadata under those names;
 * 6. `listPool`: recurring lists emitted once; `files`: the source files (`literal` prints values).
 */
import type { XapiOperation } from '../../../nodes/ThreeCx/xapi/types';
import type { Model, OperationModel } from '../model';
import { homeOf, writeFiles } from './files';
import { ListPool } from './listPool';
import type { Unit } from './naming';
import { bodyListNames, nameUnits, paramListNames } from './naming';
import { fieldCall, operationEntry } from './operationTable';
import { orderSlots } from './ordering';
import { operationSpecs } from './propertySpecs';
import type { OperationsByResource } from './showGroups';
import { showGroups } from './showGroups';

export interface GeneratedFiles {
	/** Path relative to nodes/ThreeCx/generated → content. */
	files: Map<string, string>;
}

export function emit(model: Model): GeneratedFiles {
	const { resources } = model;
	const allOps: OperationsByResource = new Map(resources.map((r) => [r.value, new Set(r.operations.map((o) => o.value))]));
	const slots = orderSlots(
		resources.flatMap((r) => r.operations.map((o) => ({ resource: r.value, operation: o.value, items: operationSpecs(o) }))),
	);
	const groups = slots.map((slot) => showGroups(slot.uses, allOps));
	const { units, names } = nameUnits(slots, groups, resources, allOps);
	const entries = new Map<OperationModel, XapiOperation>(
		resources.flatMap((r) => r.operations.map((o) => [o, operationEntry(r, o, names)] as const)),
	);
	const pool = new ListPool();
	noteLists(model, units, entries, pool);
	pool.plan();
	return { files: writeFiles(model, units, entries, pool) };
}

/** Pass 1 of the ListPool: every list the files will hold (options lists, then operation table lists). */
function noteLists(model: Model, units: Unit[], entries: Map<OperationModel, XapiOperation>, pool: ListPool): void {
	for (const unit of units) {
		const { literal, listNames } = unit.slot.item;
		if (listNames) pool.note('options', homeOf(unit), literal!.options as unknown[], listNames);
	}
	for (const r of model.resources) {
		for (const o of r.operations) {
			const { params, body } = entries.get(o)!;
			pool.note('params', r.value, params.map(fieldCall), paramListNames(r, o));
			if (body && body.kind !== 'upload') pool.note('body', r.value, body.fields.map(fieldCall), bodyListNames(o, 'BodyXapiFields'));
		}
	}
}
