/**
 * The layout of nodes/ThreeCx/generated: each resource file lists what its resource shows, the
 * shared properties are the ones several resources show, and index.ts names every property.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { INodeProperties } from 'n8n-workflow';
import { OPERATIONS, resourceProperties } from '../../nodes/ThreeCx/generated';
import * as shared from '../../nodes/ThreeCx/generated/sharedProperties';
import { REPO_ROOT } from '../../tools/spec/locate';

const DIR = path.join(REPO_ROOT, 'nodes', 'ThreeCx', 'generated');
const NOT_RESOURCES = ['index.ts', 'pickers.ts', 'sharedLists.ts', 'sharedProperties.ts', 'subtitle.ts'];

interface ResourceModule {
	operation: INodeProperties;
	properties: INodeProperties[];
	operationTable: Record<string, unknown>;
}

const resourcesOf = (p: INodeProperties) => (p.displayOptions?.show?.resource ?? []) as string[];
const resourceFiles = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !NOT_RESOURCES.includes(f));
const load = (file: string) => require(path.join(DIR, file)) as ResourceModule;

describe('generated files', () => {
	test('each resource file lists exactly the properties the description shows for it, in display order', () => {
		expect(resourceFiles.length).toBe(Object.keys(OPERATIONS).length);
		for (const file of resourceFiles) {
			const module = load(file);
			const resource = resourcesOf(module.operation)[0];
			const shown = resourceProperties.filter((p) => resourcesOf(p).includes(resource));
			const at = (list: INodeProperties[]) => list.map((p) => resourceProperties.indexOf(p));
			expect({ file, at: at(module.properties) }).toEqual({ file, at: at(shown) });
			expect(module.operationTable).toBe(OPERATIONS[resource]);
		}
	});

	test('shared properties are shown by several resources and are all in the description', () => {
		const exported = Object.entries(shared).flatMap(([name, value]) =>
			(Array.isArray(value) ? value : [value]).map((p: INodeProperties) => ({ name, p })),
		);
		expect(exported.length).toBeGreaterThan(0);
		for (const { name, p } of exported) {
			expect({ name, resources: resourcesOf(p).length > 1, listed: resourceProperties.includes(p) }).toEqual({
				name,
				resources: true,
				listed: true,
			});
		}
	});

	test('index.ts composes the description by name, without positional slices or indexes', () => {
		const index = readFileSync(path.join(DIR, 'index.ts'), 'utf8');
		expect(index).not.toMatch(/\.slice\(|Properties\[\d+\]/);
	});
});
