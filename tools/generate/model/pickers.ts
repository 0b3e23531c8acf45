/**
 * "From List" pickers: entity sets with an integer `Id` key and a list operation get a searchable
 * picker, and the `Id` key of operations on their rows becomes a resource locator.
 */
import { flatten, type LoadedSpec, type SpecOperation } from '../../spec/load';
import { camelCase, pascalCase, titleCase } from '../names';
import { pickerOverlays } from '../overlays/pickers';
import { classify } from './fields';
import { responseSchema } from './operations';
import type { PickerModel, ResourceModel } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** OData query options a set's list operation needs for a picker. */
const PICKER_QUERY = ['$select', '$filter', '$top', '$skip'];

/** Display groups by the schema rule, from the string properties of a set's rows. */
function derivedDisplay(strings: Set<string>): string[][] | undefined {
	if (strings.has('Number') && strings.has('FirstName') && strings.has('LastName')) {
		return [['Number'], ['FirstName', 'LastName']];
	}
	if (strings.has('Number') && strings.has('Name')) return [['Number'], ['Name']];
	for (const name of ['Name', 'DisplayName', 'Number']) if (strings.has(name)) return [[name]];
	return undefined;
}

/**
 * A picker for every entity set that has an integer `Id` key and a list operation
 * (`GET /<Set>` with $select, $filter, $top and $skip), unless its overlay says none.
 */
export function buildPickers(spec: LoadedSpec, ops: SpecOperation[]): Map<string, PickerModel> {
	const intKeyed = new Set<string>();
	for (const { path, operation } of ops) {
		const key = /^\/(\w+)\(\{Id\}\)/.exec(path);
		const param = (operation.parameters ?? []).find((p: any) => p.in === 'path' && p.name === 'Id');
		if (key && param && classify(param.schema, spec).type === 'int32') intKeyed.add(key[1]);
	}
	const pickers = new Map<string, PickerModel>();
	for (const { method, path, operation } of ops) {
		const set = /^\/(\w+)$/.exec(path)?.[1];
		if (method !== 'get' || !set || !intKeyed.has(set)) continue;
		const query = (operation.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
		if (!PICKER_QUERY.every((name) => query.includes(name))) continue;
		const overlay = pickerOverlays[set];
		if (overlay?.none) continue;
		const value = flatten(responseSchema(operation) ?? undefined, spec.schemaNames).properties.value;
		const row = flatten(flatten(value, spec.schemaNames).items, spec.schemaNames);
		const strings = new Set(
			Object.entries(row.properties)
				.filter(([, schema]) => classify(schema, spec).type === 'string')
				.map(([name]) => name),
		);
		const display = overlay?.display ?? derivedDisplay(strings);
		if (!display) {
			throw new Error(
				`Entity set ${set} has a list operation but no display properties: add it to tools/generate/overlays/pickers.ts`,
			);
		}
		for (const name of display.flat()) {
			if (!strings.has(name)) throw new Error(`Picker of ${set}: ${name} is not a string property of ${row.refName}`);
		}
		pickers.set(set, {
			set,
			method: `search${pascalCase(set)}`,
			path: `/${set}`,
			display,
			displayName: overlay?.displayName ?? titleCase((row.refName ?? set).replace(/^Pbx\./, '')),
		});
	}
	for (const set of Object.keys(pickerOverlays)) {
		if (!intKeyed.has(set)) throw new Error(`tools/generate/overlays/pickers.ts: ${set} has no integer Id key`);
	}
	return pickers;
}

/** The `Id` path key of operations on a set's rows (`/Users({Id})…`) gets the set's picker. */
export function attachPickers(resources: ResourceModel[], pickers: Map<string, PickerModel>): void {
	for (const r of resources) {
		for (const o of r.operations) {
			const set = /^\/(\w+)\(\{Id\}\)/.exec(o.request.path)?.[1];
			const picker = set ? pickers.get(set) : undefined;
			const key = o.params.find((p) => p.name === 'Id' && p.type === 'int32');
			if (picker && key) {
				key.picker = picker;
				// `<entity>Id` after the picker's label: User → `userId`, Ring Group → `ringGroupId`.
				key.field = `${camelCase(picker.displayName)}Id`;
			}
		}
	}
}
