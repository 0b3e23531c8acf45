/**
 * Names the emitter gives: node parameter names (made unique across the description), the names
 * of Options collections, and the names of generated consts. The model is not changed: final
 * parameter names go into a `ParameterNames` map the operation table reads.
 */
import type { XapiOperation } from '../../../nodes/ThreeCx/xapi/types';
import type { OperationModel, ResourceModel } from '../model';
import { camelCase, pascalCase } from '../names';
import type { Slot } from './ordering';
import type { NameTarget, PropSpec } from './propertySpecs';
import type { OperationsByResource, ShowGroup } from './showGroups';
import { inGroup } from './showGroups';

const OUTPUT_KIND: Record<XapiOperation['output'], string> = {
	collection: 'list',
	entity: 'entity',
	file: 'file',
	value: 'value',
	none: 'request',
};
const ODATA_ALL = ['top', 'skip', 'search', 'filter', 'count', 'select', 'orderby', 'expand'];
const PAGING = ['top', 'skip', 'count'];

/**
 * Options collection name, by the set of options it holds: `<kind><query>Options`. Kind follows
 * the output options (list: Raw Response and Include Secrets; entity: Include Secrets; file: Put
 * Output File in Field); query is empty without OData options, `Query` with all of them, else the
 * OData options it has apart from paging: `listQueryOptions`, `listSearchFilterOptions`,
 * `listOptions`, `entitySelectExpandOptions`, `entityOptions`, `fileQueryOptions`, `fileOptions`.
 */
export function optionsCollectionName(o: OperationModel): string {
	const query = o.request.query;
	let qualifier = '';
	if (ODATA_ALL.every((q) => query.includes(q as never))) qualifier = 'Query';
	else if (query.length > 0) {
		const named = query.filter((q) => !PAGING.includes(q));
		qualifier = named.length > 0 ? named.map((q) => pascalCase(q)).join('') : 'Paging';
	}
	return `${OUTPUT_KIND[o.request.output]}${qualifier}Options`;
}

/** Const names for an operation's body lists: `userBodyFields`, `userBodyXapiFields`. */
export function bodyListNames(o: OperationModel, suffix: string): string[] {
	const qualified = `${o.resource}${pascalCase(o.value)}${suffix}`;
	return o.bodySchema ? [`${camelCase(o.bodySchema.replace(/^Pbx\./, ''))}${suffix}`, qualified] : [qualified];
}

/** Const names for an operation's parameter list: `callLogDataParams` (report prefix dropped). */
export function paramListNames(r: ResourceModel, o: OperationModel): string[] {
	const base = r.value.replace(/^report(?=[A-Z])/, '');
	const head = base.charAt(0).toLowerCase() + base.slice(1);
	return [`${head}Params`, `${head}${pascalCase(o.value)}Params`];
}

/** One emitted property (or builder call): a slot shown for one `show` group, under its final name. */
export interface Unit {
	slot: Slot<PropSpec>;
	group: ShowGroup;
	/** Node parameter name. */
	name: string;
}

/** Name of the const a unit is emitted as: its parameter name, `<builder>Properties` for a pair. */
export function constName(unit: Unit): string {
	const builder = unit.slot.item.builder;
	return builder?.spread ? `${builder.fn}Properties` : unit.name;
}

/** Final node parameter names the operation table records, by operation and `NameTarget`. */
export class ParameterNames {
	private readonly names = new Map<string, string>();

	private static key(resource: string, operation: string, target: NameTarget): string {
		return `${resource}.${operation}\u0000${target}`;
	}

	set(resource: string, operation: string, target: NameTarget, name: string): void {
		this.names.set(ParameterNames.key(resource, operation, target), name);
	}

	find(resource: string, operation: string, target: NameTarget): string | undefined {
		return this.names.get(ParameterNames.key(resource, operation, target));
	}

	get(resource: string, operation: string, target: NameTarget): string {
		const name = this.find(resource, operation, target);
		if (name === undefined) throw new Error(`No parameter name for ${resource}.${operation} ${target}`);
		return name;
	}
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Final node parameter names. n8n's declarative engine reads and evaluates the value stored under
 * every top-level property's name for every item, whether the property is shown or not, so no
 * two top-level properties may share a name (the per-resource `operation` properties aside):
 *
 * - a name only one property carries stays as it is: fields keep the camelCase wire name, picker
 *   keys are `<entity>Id` after the picker (`userId`, `ringGroupId`), entity body collections
 *   `<entity>AdditionalFields` / `<entity>UpdateFields` (entity of the resource: `user`), Options
 *   collections are named by the options they hold (`optionsCollectionName`);
 * - a name several properties would carry (different definitions, or one definition n8n cannot
 *   show as one `resource × operation` product or in one place) is kept by the picker key if
 *   exactly one of them is one, else by the one shown for the most operations if exactly one is;
 *   every other carrier becomes one property per resource, `<entity><Name>` (`sbcName`), and
 *   where its resource has another carrier too, one per operation, `<operation><Name>`
 *   (`setBackupSettingsSettings`), or `<entity><Operation><Name>` if that is taken. Should an
 *   `<entity>…` name be taken, the resource value stands for the entity (`tenantPropertiesName`).
 *
 * Fixed names the runtime reads (`bodyMode`, `returnAll`, …) must come out as one property.
 */
export function nameUnits(
	slots: Array<Slot<PropSpec>>,
	groups: ShowGroup[][],
	resources: ResourceModel[],
	allOps: OperationsByResource,
): { units: Unit[]; names: ParameterNames } {
	const entity = new Map(resources.map((r) => [r.value, r.entity]));
	const units: Unit[] = slots.flatMap((slot, i) => groups[i].map((group) => ({ slot, group, name: slot.item.name })));
	const carriers = new Map<string, Unit[]>();
	for (const u of units) carriers.set(u.name, [...(carriers.get(u.name) ?? []), u]);
	const renamed = new Map<Unit, Unit[]>();
	// `<entity>…` when free, else `<resource value>…` (`tenantPropertiesName`: `propertyName` is a field).
	const taken = new Set(carriers.keys());
	const free = (name: string) => {
		if (taken.has(name)) return undefined;
		taken.add(name);
		return name;
	};
	const prefix = (r: string, rest: string) => {
		const name = `${entity.get(r)}${rest}`;
		const chosen = taken.has(name) ? `${r}${rest}` : name;
		taken.add(chosen);
		return chosen;
	};
	for (const [name, list] of carriers) {
		if (list.length === 1) continue;
		if (list.some((u) => u.slot.item.fixed)) throw new Error(`Property ${name} would be emitted ${list.length} times (fixed name)`);
		const primaries = list.filter((u) => u.slot.item.primary);
		const size = (u: Unit) => u.slot.uses.filter((x) => inGroup(u.group, x)).length;
		const largest = Math.max(...list.map(size));
		const widest = list.filter((u) => size(u) === largest);
		const keeper = primaries.length === 1 ? primaries[0] : primaries.length === 0 && widest.length === 1 ? widest[0] : undefined;
		const others = list.filter((u) => u !== keeper);
		const perResource = others.flatMap((u) =>
			u.group.resources.map((r) => ({
				unit: u,
				group: { resources: [r], operations: u.group.operations.filter((o) => allOps.get(r)!.has(o)) },
			})),
		);
		for (const u of others) renamed.set(u, []);
		for (const p of perResource) {
			const r = p.group.resources[0];
			const shared =
				perResource.filter((q) => q.group.resources[0] === r).length > 1 || !!keeper?.group.resources.includes(r);
			const parts = shared
				? p.group.operations.map((op) => ({
						group: { resources: [r], operations: [op] },
						name: free(`${op}${upperFirst(name)}`) ?? prefix(r, `${upperFirst(op)}${upperFirst(name)}`),
					}))
				: [{ group: p.group, name: prefix(r, upperFirst(name)) }];
			for (const part of parts) renamed.get(p.unit)!.push({ slot: p.unit.slot, ...part });
		}
	}
	const out = units.flatMap((u) => renamed.get(u) ?? [u]);
	const seen = new Map<string, Unit>();
	for (const u of out) {
		const clash = seen.get(u.name);
		if (clash) {
			throw new Error(
				`Node parameter ${u.name} would name two properties (${clash.group.resources}.${clash.group.operations} and ` +
					`${u.group.resources}.${u.group.operations}): rename in tools/generate/emit/naming.ts nameUnits`,
			);
		}
		seen.set(u.name, u);
	}
	const names = new ParameterNames();
	for (const u of out) {
		for (const use of u.slot.uses) {
			if (use.item.target && inGroup(u.group, use)) names.set(use.resource, use.operation, use.item.target, u.name);
		}
	}
	return { units: out, names };
}
