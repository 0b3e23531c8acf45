/**
 * Node parameter names the model gives: each resource's entity (`user`, prefix of its
 * collections), and top-level field names that mean one n8n type each. Names shared by different
 * properties are told apart later by the emitter (tools/generate/emit/naming.ts).
 */
import { NODE_PARAMETER } from '../../../nodes/ThreeCx/xapi/types';
import { camelCase } from '../names';
import { nodeType } from './fields';
import type { FieldModel, ResourceModel } from './types';

/** Names no operation field may take: fixed node parameters, and the plain names of the
 * collections (`options` is kept reserved so old values under it are never read as a field). */
const RESERVED_NAMES = new Set<string>([
	...Object.values(NODE_PARAMETER),
	'options',
	'additionalFields',
	'updateFields',
]);

/**
 * Each resource's entity: its entity label in camelCase (`user` from Pbx.User, `ringGroup`), or
 * its value where it has no label or shares it with another resource. Entity body collections
 * are named after it: `userAdditionalFields`, `userUpdateFields`.
 */
export function assignEntities(resources: ResourceModel[], labels: Map<string, string>): void {
	const entityOf = (r: ResourceModel) => {
		const label = labels.get(r.tag);
		return label ? camelCase(label) : r.value;
	};
	const count = new Map<string, number>();
	for (const r of resources) count.set(entityOf(r), (count.get(entityOf(r)) ?? 0) + 1);
	const values = new Set(resources.map((r) => r.value));
	for (const r of resources) {
		const entity = entityOf(r);
		// Another resource's value as entity (`user` vs a resource `user`) would read as that resource.
		r.entity = count.get(entity) === 1 && (entity === r.value || !values.has(entity)) ? entity : r.value;
	}
	for (const r of resources) {
		for (const o of r.operations) if (o.collection) o.collection = `${r.entity}${o.collection}`;
	}
}

/** n8n-level signature of a top-level field: same name must mean the same n8n type. A key picker
 * (resource locator) counts as its number: the runtime reads a locator's value and a plain number
 * alike. */
function signature(f: FieldModel): string {
	const n8nType = nodeType(f.type);
	return n8nType === 'options' || n8nType === 'multiOptions' ? `${n8nType}:${(f.enumValues ?? []).join('|')}` : n8nType;
}

const TYPE_SUFFIX: Record<string, string> = {
	number: 'Number',
	boolean: 'Boolean',
	dateTime: 'Date',
	options: 'Option',
	multiOptions: 'Options',
	json: 'Json',
	string: 'String',
};

/**
 * Top-level node parameter names: camelCase of the wire name, unless that name is reserved or is
 * already used with another n8n type elsewhere (values persist across operations in n8n): then a
 * type suffix is added. Entity fields live in a collection and keep the plain camelCase name.
 */
export function assignFieldNames(resources: ResourceModel[]): void {
	const topLevel: FieldModel[] = [];
	for (const r of resources) {
		for (const o of r.operations) {
			topLevel.push(...o.params);
			if (o.bodyKind === 'action') topLevel.push(...o.bodyFields);
		}
	}
	const byName = new Map<string, Map<string, number>>();
	for (const f of topLevel) {
		const base = RESERVED_NAMES.has(f.field) ? `${f.field}Param` : f.field;
		f.field = base;
		const sigs = byName.get(base) ?? new Map<string, number>();
		sigs.set(signature(f), (sigs.get(signature(f)) ?? 0) + 1);
		byName.set(base, sigs);
	}
	const rename = new Map<string, string>();
	const used = new Set(byName.keys());
	for (const [base, sigs] of byName) {
		const ranked = [...sigs.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		ranked.slice(1).forEach(([sig]) => {
			const suffix = TYPE_SUFFIX[sig.split(':')[0]];
			let candidate = `${base}${suffix}`;
			for (let i = 2; used.has(candidate); i++) candidate = `${base}${suffix}${i}`;
			used.add(candidate);
			rename.set(`${base}\u0000${sig}`, candidate);
		});
	}
	for (const f of topLevel) {
		const renamed = rename.get(`${f.field}\u0000${signature(f)}`);
		if (renamed) f.field = renamed;
	}
	// Within one operation, names must be distinct (path key vs. action parameter).
	for (const r of resources) {
		for (const o of r.operations) {
			const names = new Set<string>();
			for (const f of [...o.params, ...(o.bodyKind === 'action' ? o.bodyFields : [])]) {
				if (names.has(f.field)) throw new Error(`Field name ${f.field} used twice in ${r.tag}.${o.value}`);
				names.add(f.field);
			}
			const options = new Set<string>();
			if (o.bodyKind === 'entity') {
				for (const f of o.bodyFields) {
					if (options.has(f.field)) throw new Error(`Body field ${f.field} used twice in ${r.tag}.${o.value}`);
					options.add(f.field);
				}
			}
		}
	}
}
