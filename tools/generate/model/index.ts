/**
 * Builds the generator's model from the 3CX spec and the overlays: resources (tags), their
 * operations and fields. The model is plain data (see ./types); tools/generate/emit turns it
 * into TypeScript.
 */
import { REFERENCE_VERSION, SPEC_VERSIONS } from '../../spec/locate';
import { flatten, listOperations, loadSpec, normalizePath, readSpecRaw, type LoadedSpec, type SpecOperation } from '../../spec/load';
import { camelCase, pascalCase, titleCase } from '../names';
import { extraOperations } from '../overlays/extraOperations';
import { resourceOverlays } from '../overlays/resources';
import { entityLabel } from './operationNames';
import { extraOperation, responseSchema, specOperation } from './operations';
import { assignEntities, assignFieldNames } from './parameterNames';
import { attachPickers, buildPickers } from './pickers';
import type { Model, ResourceModel } from './types';

export { nodeType } from './fields';
export type { FieldModel, Model, OperationModel, PickerModel, RequestModel, ResourceModel } from './types';

export async function buildModel(): Promise<Model> {
	const spec = await loadSpec(REFERENCE_VERSION);
	const ops = listOperations(spec.api);
	const byTag = new Map<string, ResourceModel>();
	const resourceFor = (tag: string): ResourceModel => {
		if (!byTag.has(tag)) byTag.set(tag, emptyResource(tag));
		return byTag.get(tag)!;
	};
	const labels = resourceLabels(ops, spec);
	const context = { spec, labels, since: firstVersions() };
	for (const op of ops) {
		const resource = resourceFor(op.operation.tags[0]);
		resource.operations.push(specOperation(op, resource, context));
	}
	for (const extra of extraOperations) {
		const resource = resourceFor(extra.tag);
		resource.operations.push(extraOperation(extra, resource));
	}

	const resources = [...byTag.values()];
	assignEntities(resources, labels);
	const pickers = buildPickers(spec, ops);
	attachPickers(resources, pickers);
	assignFieldNames(resources);
	for (const r of resources) assertUniqueValues(r);
	return { resources, pickers: [...pickers.values()], specOperationCount: ops.length };
}

function emptyResource(tag: string): ResourceModel {
	const overlay = resourceOverlays[tag];
	return {
		tag,
		value: camelCase(tag),
		name: overlay?.name ?? titleCase(tag),
		description: overlay?.description ?? `Operations under /${tag}`,
		file: pascalCase(tag),
		entity: '',
		operations: [],
	};
}

/** Entity label of each resource (`user`), from its keyed GET or create body. */
function resourceLabels(ops: SpecOperation[], spec: LoadedSpec): Map<string, string> {
	const labels = new Map<string, string>();
	for (const { method, path, operation: op } of ops) {
		const tag: string = op.tags[0];
		if (labels.has(tag)) continue;
		const keyedGet = method === 'get' && /^\/[^/()]+\([^)]*\)$/.test(path);
		const create = method === 'post' && path === `/${tag}`;
		if (!keyedGet && !create) continue;
		const schema = create ? op.requestBody?.content?.['application/json']?.schema : responseSchema(op);
		const refName = flatten(schema ?? undefined, spec.schemaNames).refName;
		if (refName) labels.set(tag, entityLabel(refName, tag));
	}
	return labels;
}

/** `METHOD /normalized/path` → the first spec version that has the operation. */
function firstVersions(): Map<string, string> {
	const first = new Map<string, string>();
	for (const version of SPEC_VERSIONS) {
		const doc = readSpecRaw(version);
		for (const { method, path } of listOperations(doc)) {
			const key = `${method.toUpperCase()} ${normalizePath(path)}`;
			if (!first.has(key)) first.set(key, version);
		}
	}
	return first;
}

function assertUniqueValues(r: ResourceModel): void {
	const seen = new Map<string, string | undefined>();
	for (const o of r.operations) {
		if (seen.has(o.value)) {
			throw new Error(
				`Operation value "${o.value}" used twice in resource ${r.tag} (${seen.get(o.value)}, ${o.operationId}): add an overlay in tools/generate/overlays/operations.ts`,
			);
		}
		seen.set(o.value, o.operationId);
	}
}
