/**
 * The emitter's helpers on small hand-made inputs: printing literals, show rules, shared lists,
 * parameter naming, and the `field()` builder the generated operation tables call.
 */
import { field } from '../../nodes/ThreeCx/descriptions/shared';
import { call, lit, raw } from '../../tools/generate/emit/literal';
import { ListPool, SHARED_LISTS } from '../../tools/generate/emit/listPool';
import { constName, nameUnits } from '../../tools/generate/emit/naming';
import type { Slot } from '../../tools/generate/emit/ordering';
import type { PropSpec } from '../../tools/generate/emit/propertySpecs';
import { showGroups } from '../../tools/generate/emit/showGroups';
import type { ResourceModel } from '../../tools/generate/model';

describe('lit', () => {
	test('short values on one line, quotes escaped, undefined keys left out, odd keys quoted', () => {
		expect(lit({ a: "it's", b: undefined, 'x-y': [1, true, null] })).toBe("{ a: 'it\\'s', 'x-y': [1, true, null] }");
	});

	test('values longer than 100 columns (a tab counts 4, the key before a value too): one element a line', () => {
		const long = 'x'.repeat(90);
		expect(lit({ a: long, b: [long] })).toBe(`{\n\ta: '${long}',\n\tb: [\n\t\t'${long}',\n\t],\n}`);
		const fits = ['z'.repeat(91)];
		expect(lit(fits, '\t')).toBe(`['${fits[0]}']`);
		expect(lit({ k: fits })).toBe(`{\n\tk: [\n\t\t'${fits[0]}',\n\t],\n}`);
	});

	test('code is printed as is; calls print their arguments at the indentation they land on, several one a line', () => {
		const fieldCall = call('field', [{ name: 'Id', field: 'userId', description: 'y'.repeat(90) }]);
		expect(lit([raw('...shared'), fieldCall])).toBe(
			`[\n\t...shared,\n\tfield({\n\t\tname: 'Id',\n\t\tfield: 'userId',\n\t\tdescription: '${'y'.repeat(90)}',\n\t}),\n]`,
		);
		expect(lit(call('odataOptions', ['entityOptions', ['includeSecrets'], { show: {} }]))).toBe(
			"odataOptions(\n\t'entityOptions',\n\t['includeSecrets'],\n\t{ show: {} },\n)",
		);
	});
});

describe('showGroups', () => {
	const allOps = new Map([
		['users', new Set(['get', 'getMany', 'delete'])],
		['queues', new Set(['get', 'getMany'])],
		['trunks', new Set(['get'])],
	]);

	test('one rule when resources × operations is exactly the operations shown', () => {
		const uses = [
			{ resource: 'users', operation: 'getMany' },
			{ resource: 'users', operation: 'get' },
			{ resource: 'queues', operation: 'get' },
			{ resource: 'queues', operation: 'getMany' },
			{ resource: 'trunks', operation: 'get' },
		];
		// trunks has no getMany, so the product's (trunks, getMany) never occurs.
		expect(showGroups(uses, allOps)).toEqual([{ resources: ['users', 'queues', 'trunks'], operations: ['get', 'getMany'] }]);
	});

	test('separate rules where a product would show the property for an operation that has not got it', () => {
		const uses = [
			{ resource: 'users', operation: 'get' },
			{ resource: 'queues', operation: 'get' },
			{ resource: 'queues', operation: 'getMany' },
		];
		expect(showGroups(uses, allOps)).toEqual([
			{ resources: ['users'], operations: ['get'] },
			{ resources: ['queues'], operations: ['get', 'getMany'] },
		]);
	});
});

describe('ListPool', () => {
	const items = (...names: string[]) => names.map((name) => ({ name }));

	test('a list that recurs becomes one const; a list with one more element reuses it with slices', () => {
		const pool = new ListPool();
		const base = items('a', 'b', 'c', 'd');
		const longer = items('a', 'b', 'x', 'c', 'd');
		pool.note('body', 'users', base, ['userBodyFields']);
		pool.note('body', 'users', base, ['other']);
		pool.note('body', 'users', longer, ['userLonger']);
		pool.plan();
		expect(lit(pool.ref('body', 'users', base))).toBe('userBodyFields');
		expect(lit(pool.ref('body', 'users', longer))).toBe(
			"[\n\t...userBodyFields.slice(0, 2),\n\t{ name: 'x' },\n\t...userBodyFields.slice(2),\n]",
		);
		expect(pool.definitions('users')).toEqual([
			"const userBodyFields: XapiField[] = [\n\t{ name: 'a' },\n\t{ name: 'b' },\n\t{ name: 'c' },\n\t{ name: 'd' },\n];\n",
		]);
		expect(pool.importedNames('users')).toEqual([]);
	});

	test('a list two files use is exported from the shared lists file and imported by both', () => {
		const pool = new ListPool();
		const options = items('a', 'b', 'c');
		pool.note('options', 'users', options, ['userBodyFields']);
		pool.note('options', 'queues', options, ['queueBodyFields']);
		pool.plan();
		expect(lit(pool.ref('options', 'users', options))).toBe('userBodyFields');
		expect(lit(pool.ref('options', 'queues', options))).toBe('userBodyFields');
		expect(pool.definedNames(SHARED_LISTS)).toEqual(['userBodyFields']);
		expect(pool.definitions(SHARED_LISTS)[0]).toMatch(/^export const userBodyFields: INodeProperties\[\] = /);
		expect([pool.importedNames('users'), pool.importedNames('queues')]).toEqual([['userBodyFields'], ['userBodyFields']]);
	});

	test('parameter lists are shared within a file only; short lists are never shared', () => {
		const pool = new ListPool();
		const params = items('a', 'b', 'c');
		pool.note('params', 'users', params, ['userParams']);
		pool.note('params', 'queues', params, ['queueParams']);
		pool.note('params', 'users', items('a', 'b'), ['short']);
		pool.note('params', 'users', items('a', 'b'), ['short']);
		pool.plan();
		expect(pool.ref('params', 'users', params)).toEqual(params);
		expect(pool.ref('params', 'users', items('a', 'b'))).toEqual(items('a', 'b'));
	});
});

describe('nameUnits', () => {
	const resource = (value: string, entity: string, operations: string[]) =>
		({ value, entity, operations: operations.map((o) => ({ value: o })) }) as unknown as ResourceModel;
	const resources = [resource('users', 'user', ['get', 'update']), resource('queues', 'queue', ['get'])];
	const allOps = new Map(resources.map((r) => [r.value, new Set(r.operations.map((o) => o.value))]));
	/** A slot of a literal property named `name`, shown by `uses` (`resource.operation`). */
	function slot(key: string, name: string, uses: string[], extra: Partial<PropSpec> = {}): Slot<PropSpec> {
		const item: PropSpec = { key, name, literal: { name }, target: 'param:0', ...extra };
		return {
			key,
			item,
			uses: uses.map((u) => ({ resource: u.split('.')[0], operation: u.split('.')[1], item })),
		};
	}
	const groupsOf = (slots: Array<Slot<PropSpec>>) => slots.map((s) => showGroups(s.uses, allOps));

	test('two properties named alike: the one more operations show keeps the name, the other gets its entity', () => {
		const slots = [slot('number', 'name', ['users.get', 'users.update']), slot('text', 'name', ['queues.get'])];
		const { units, names } = nameUnits(slots, groupsOf(slots), resources, allOps);
		expect(units.map((u) => u.name)).toEqual(['name', 'queueName']);
		expect([names.get('users', 'update', 'param:0'), names.get('queues', 'get', 'param:0')]).toEqual(['name', 'queueName']);
	});

	test('a picker key keeps its name; a second carrier in the same resource is named per operation', () => {
		const slots = [
			slot('plain', 'userId', ['users.update']),
			slot('picker', 'userId', ['users.get', 'queues.get'], { primary: true }),
		];
		const { units } = nameUnits(slots, groupsOf(slots), resources, allOps);
		expect(units.map((u) => u.name)).toEqual(['updateUserId', 'userId']);
	});

	test('the model is not changed, and a fixed name carried twice is an error', () => {
		const slots = [slot('a', 'returnAll', ['users.get'], { fixed: true }), slot('b', 'returnAll', ['queues.get'], { fixed: true })];
		const before = JSON.stringify(resources);
		expect(() => nameUnits(slots, groupsOf(slots), resources, allOps)).toThrow('Property returnAll would be emitted 2 times');
		expect(JSON.stringify(resources)).toBe(before);
	});

	test('consts are named after the parameter; a builder of two properties after the builder', () => {
		const pair = slot('pair', 'returnAll', ['users.get'], { builder: { fn: 'returnAllAndLimit', args: [], spread: true } });
		const single = slot('one', 'listOptions', ['users.get'], { builder: { fn: 'odataOptions', args: [], spread: false } });
		const group = { resources: ['users'], operations: ['get'] };
		expect(constName({ slot: pair, group, name: 'returnAll' })).toBe('returnAllAndLimitProperties');
		expect(constName({ slot: single, group, name: 'listOptions' })).toBe('listOptions');
	});
});

describe('field', () => {
	test('the same object whatever order the arguments come in, without absent keys', () => {
		const value = field({ maxLength: 10, required: false, type: 'string', field: 'value', wireName: 'Value' });
		expect(JSON.stringify(value)).toBe('{"name":"Value","field":"value","type":"string","required":false,"maxLength":10}');
		const member = field({ wireName: 'S', field: 's', type: 'enum', required: true, enumValues: ['A'], maxLength: undefined });
		expect(JSON.stringify(member)).toBe('{"name":"S","field":"s","type":"enum","required":true,"enumValues":["A"]}');
	});
});
