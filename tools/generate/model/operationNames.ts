/**
 * Operation names from the spec: value, name and action of CRUD operations on an entity set
 * (`getMany`, `get`, `create`, `update`, `delete`, `getByNumber`, navigation properties), else
 * from the operationId. Overlays (tools/generate/overlays/operations.ts) take precedence.
 */
import { withArticle } from '../../../nodes/ThreeCx/descriptions/article';
import type { XapiOutput } from '../../../nodes/ThreeCx/xapi/types';
import { camelCase, sentenceCase, titleCase, words } from '../names';

export interface Naming {
	value: string;
	name: string;
	action: string;
}

/** Entity label of a schema, for sentences: `Pbx.RingGroup` → `ring group`. */
export function entityLabel(refName: string | undefined, fallback: string): string {
	const base = refName ? refName.replace(/^Pbx\./, '') : fallback;
	return lowerWords(titleCase(base));
}

/** Words in lower case except acronyms, for the middle of a sentence. */
function lowerWords(text: string): string {
	return sentenceCase(`X ${text}`).slice(2);
}

/** What naming reads of a spec operation. */
export interface NamingInput {
	method: string;
	path: string;
	tag: string;
	resourceName: string;
	/** Entity label (`user`). */
	label: string;
	output: XapiOutput;
	/** `x-ms-docs-operation-type`. */
	opType: string | undefined;
	operationId: string;
}

function crudNaming({ method, path, tag, resourceName, label, output, opType, operationId }: NamingInput): Naming | undefined {
	const resourceLower = lowerWords(resourceName);
	if (opType !== undefined && opType !== 'operation') return undefined;
	const root = `/${tag}`;
	if (path === root) {
		if (method === 'get' && output === 'collection') return { value: 'getMany', name: 'Get Many', action: `Get many ${resourceLower}` };
		if (method === 'get') return { value: 'get', name: 'Get', action: `Get ${resourceLower}` };
		if (method === 'post') return { value: 'create', name: 'Create', action: `Create ${label}` };
		if (method === 'patch') return { value: 'update', name: 'Update', action: `Update ${resourceLower}` };
		return undefined;
	}
	const keyed = /^\/[^/()]+\((\{[^}]+\}|'\{[^}]+\}')\)$/.exec(path);
	if (keyed) {
		if (method === 'get') return { value: 'get', name: 'Get', action: `Get ${label}` };
		if (method === 'patch') return { value: 'update', name: 'Update', action: `Update ${label}` };
		if (method === 'delete') return { value: 'delete', name: 'Delete', action: `Delete ${label}` };
		return undefined;
	}
	const alternate = /^\/[^/()]+\((\w+)='?\{[^}]+\}'?\)$/.exec(path);
	if (alternate) {
		const key = alternate[1];
		const verb = method === 'get' ? 'Get' : method === 'patch' ? 'Update' : method === 'delete' ? 'Delete' : undefined;
		if (!verb) return undefined;
		return {
			value: camelCase(`${verb}By${key}`),
			name: `${verb} by ${titleCase(key)}`,
			action: `${verb} ${label} by ${titleCase(key).toLowerCase()}`,
		};
	}
	const nav = /^\/[^/()]+\([^)]*\)\/(\w+)$/.exec(path);
	if (nav && method === 'get') {
		return {
			value: camelCase(operationId),
			name: titleCase(operationId),
			action: `${sentenceCase(titleCase(operationId))} of ${withArticle(label)}`,
		};
	}
	return undefined;
}

/** The operation's naming: CRUD naming where it applies, else from the operationId. */
export function operationNaming(input: NamingInput): Naming {
	const { resourceName, operationId } = input;
	const crud = crudNaming(input);
	if (crud) return crud;
	const single = words(operationId).length === 1;
	// Report exports are named `DownloadGet…` / `Download…Data` after the function they export.
	const readable = titleCase(operationId).replace(/^Download (Get )+/, 'Download ').replace(/ Data$/, '');
	return {
		value: camelCase(operationId),
		name: readable,
		action: sentenceCase(readable + (single ? ` ${resourceName}` : '')),
	};
}
