/**
 * The node subtitle as the editor shows it: n8n-workflow's expression engine evaluates the
 * subtitle over the node's parameters (as the editor's getNodeSubtitle does), for every resource
 * and operation, and must give the display names the editor's Resource and Operation show.
 */
import { Workflow, type INode, type INodePropertyOptions, type INodeType, type INodeTypes } from 'n8n-workflow';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import type { Model } from '../../tools/generate/model';
import { readableName, subtitleNames, valueWords } from '../../tools/generate/emit/subtitle';

const nodeType = new ThreeCx();
const nodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: () => nodeType as INodeType,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

function editorSubtitle(resource: string, operation: string): unknown {
	const node: INode = {
		id: 'subtitle-test',
		name: '3CX',
		type: 'n8n-nodes-3cx-xapi.threeCx',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource, operation },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle, 'internal', {}, undefined, '');
}

const { properties } = nodeType.description;
const resources = properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];
const cases = resources.flatMap((r) => {
	const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value));
	return (operation!.options as INodePropertyOptions[]).map((o) => ({ resource: r, operation: o }));
});

describe('node subtitle', () => {
	it('is "<operation name> · <resource name>" for every operation, as the editor evaluates it', () => {
		const wrong = cases
			.map(({ resource, operation }) => ({
				expected: `${operation.name} · ${resource.name}`,
				got: editorSubtitle(String(resource.value), String(operation.value)),
			}))
			.filter(({ expected, got }) => got !== expected);
		expect(wrong).toEqual([]);
		expect(cases.length).toBeGreaterThan(600);
	});

	it('reads "Get User Activity · Report User Activity" for the user activity report', () => {
		expect(editorSubtitle('reportUserActivity', 'getUserActivity')).toBe('Get User Activity · Report User Activity');
		expect(editorSubtitle('users', 'getByNumber')).toBe('Get by Number · Users');
	});

	it('splits camelCase values into capitalised words', () => {
		expect(valueWords('getUserActivity')).toEqual(['Get', 'User', 'Activity']);
		expect(valueWords('microsoft365Integration')).toEqual(['Microsoft', '365', 'Integration']);
		expect(valueWords('get')).toEqual(['Get']);
	});

	it('lists only the names the words do not give, so the description stays small', () => {
		const subtitle = String(nodeType.description.subtitle);
		const listed = Object.keys(JSON.parse(/\((\{.*?\})\)\[v\]/.exec(subtitle)![1]) as object);
		expect(listed).not.toContain('getUserActivity');
		expect(listed.length).toBeLessThan(cases.length / 5);
		expect(subtitle.length).toBeLessThan(5000);
	});
});

describe('subtitleNames', () => {
	const model = (resources: [string, string, [string, string][]][]) =>
		({
			resources: resources.map(([value, name, operations]) => ({
				tag: name,
				value,
				name,
				operations: operations.map(([v, n]) => ({ value: v, name: n })),
			})),
		}) as unknown as Model;

	it('maps a word that is replaced the same way in every name, and lists the other names whole', () => {
		const names = subtitleNames(
			model([
				['apiKeys', 'API Keys', [['getApiKey', 'Get API Key'], ['getByNumber', 'Get by Number'], ['getLogData', 'Get Log']]],
				['users', 'Users', [['getByNumber', 'Get by Number'], ['getMany', 'Get Many']]],
			]),
		);
		expect(names.words).toEqual({ Api: 'API', By: 'by' });
		expect(names.values).toEqual({ getLogData: 'Get Log' });
		expect(readableName('getApiKey', names)).toBe('Get API Key');
		expect(readableName('getLogData', names)).toBe('Get Log');
	});

	it('does not map a word that some name keeps', () => {
		const names = subtitleNames(model([['x', 'X', [['getByNumber', 'Get by Number'], ['deleteById', 'Delete By ID']]]]));
		expect(names.words.By).toBeUndefined();
		expect(readableName('getByNumber', names)).toBe('Get by Number');
		expect(readableName('deleteById', names)).toBe('Delete By ID');
	});

	it('refuses a value with two names', () => {
		expect(() => subtitleNames(model([['a', 'A', [['get', 'Get']]], ['b', 'B', [['get', 'Fetch']]]]))).toThrow(/"get" is named "Get" and "Fetch"/);
	});
});
