/** Report functions as a 3CX admin knows them: every report parameter typed and labelled. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { OPERATIONS } from '../../nodes/ThreeCx/generated';
import { loadOptions } from '../../nodes/ThreeCx/methods/loadOptions';
import { PERIOD_PRESETS } from '../../nodes/ThreeCx/xapi/odata/period';
import { operationProperty, visibleProperties } from './helpers';

const reports = Object.entries(OPERATIONS)
	.filter(([resource]) => resource.startsWith('report'))
	.flatMap(([resource, ops]) => Object.entries(ops).map(([operation, op]) => ({ resource, operation, op })));

/** Every parameter of every report function, with the property the editor shows for it. */
const shown = reports.flatMap(({ resource, operation, op }) => {
	const visible = visibleProperties(resource, operation, { period: 'custom' });
	return op.params.map((param) => ({ where: `${resource}.${operation} ${param.name}`, param, prop: visible.find((p) => p.name === param.field)! }));
});

/** The report filters loaded from the PBX, by wire name. */
const PICKED: Record<string, { method: string; multiple: boolean }> = {
	queueDnStr: { method: 'getQueues', multiple: true },
	queueDns: { method: 'getQueues', multiple: true },
	extensionDns: { method: 'getUsers', multiple: true },
	agentDnStr: { method: 'getUsers', multiple: true },
	ringGroupDns: { method: 'getRingGroups', multiple: true },
	trunkDns: { method: 'getTrunks', multiple: true },
	groupNumber: { method: 'getGroups', multiple: false },
	groupFilter: { method: 'getGroups', multiple: false },
	clientTimeZone: { method: 'getTimeZones', multiple: false },
};

/** Codes whose meaning no source gives: numbers, described as such. */
const UNDOCUMENTED = ['participantType', 'chatType', 'callClass', 'fromType', 'toType'];
const NO_FILTER = ['sourceType', 'destinationType', 'callsType', 'callTimeFilterType'];

describe('report parameters', () => {
	test('there are report functions and each parameter is shown', () => {
		expect(reports.length).toBeGreaterThanOrEqual(60);
		for (const { where, prop } of shown) expect([where, prop]).toEqual([where, expect.objectContaining({ name: expect.any(String) })]);
	});

	test('every parameter has a label and a description (no bare names)', () => {
		const problems = shown
			.filter(({ prop }) => !prop.description || prop.displayName === prop.name)
			.map(({ where }) => where);
		expect(problems).toEqual([]);
	});

	test('queues, users, ring groups, trunks, departments and time zones are picked from the PBX', () => {
		const problems: string[] = [];
		for (const { where, param, prop } of shown) {
			const picked = PICKED[param.name];
			if (!picked) continue;
			const type = picked.multiple ? 'multiOptions' : 'options';
			if (prop.type !== type || prop.typeOptions?.loadOptionsMethod !== picked.method) problems.push(`${where}: ${prop.type}`);
			if (!(picked.method in loadOptions)) problems.push(`${where}: no loadOptions method ${picked.method}`);
			if (!/specify (an ID|IDs) using an <a href/.test(prop.description ?? '')) problems.push(`${where}: description`);
		}
		expect(problems).toEqual([]);
		expect(shown.filter(({ param }) => PICKED[param.name]).length).toBeGreaterThan(40);
	});

	test('departments default to the default department, not an empty filter (which returns nothing)', () => {
		const departments = shown.filter(({ param }) => ['groupNumber', 'groupFilter'].includes(param.name));
		expect(departments.length).toBeGreaterThanOrEqual(6);
		for (const { prop } of departments) {
			expect(prop.default).toBe('GRP0000');
			expect(prop.description).not.toMatch(/leave empty/i);
		}
	});

	test('the queue filter is required on the two reports that answer 404 to an empty one', () => {
		const queues = shown.filter(({ param }) => ['queueDnStr', 'queueDns'].includes(param.name));
		for (const { where, prop } of queues) {
			expect(prop.description).not.toMatch(/leave empty to not filter/i);
			const refuses = /AgentsInQueueStatistics|AbandonedQueueCalls/i.test(where);
			expect([where, prop.required === true]).toEqual([where, refuses]);
		}
	});

	test('call direction is labelled; no-filter codes and undocumented codes stay numbers, described honestly', () => {
		for (const { param, prop } of shown) {
			if (param.name === 'callArea') {
				expect(prop.displayName).toBe('Call Direction');
				expect(prop.options).toEqual([
					{ name: 'All', value: 0 },
					{ name: 'External', value: 2 },
					{ name: 'Internal', value: 1 },
				]);
			} else if (NO_FILTER.includes(param.name)) {
				expect([prop.type, prop.default]).toEqual(['number', 0]);
				expect(prop.description).toMatch(/0 = no filter/);
			} else if (UNDOCUMENTED.includes(param.name)) {
				expect(prop.type).toBe('number');
				expect(prop.description).toMatch(/not documented/);
			} else if (param.name === 'groupingType') {
				expect(prop.description).toMatch(/0 = hour by hour/);
			}
		}
	});

	test('web-report defaults: Hide P Calls and Include Queue Calls on, intervals 0:00:0', () => {
		const byName = (name: string) => shown.filter(({ param }) => param.name === name).map(({ prop }) => prop.default);
		expect(byName('hidePcalls')).toEqual(expect.arrayContaining([true]));
		expect(new Set(byName('hidePcalls'))).toEqual(new Set([true]));
		expect(new Set(byName('includeQueueCalls'))).toEqual(new Set([true]));
		for (const name of ['waitInterval', 'answerInterval', 'callTimeFilterFrom', 'callTimeFilterTo']) {
			expect(new Set(byName(name))).toEqual(new Set(['0:00:0']));
		}
	});

	test('every report with a period has the Period presets; its bounds show only for Custom', () => {
		const withPeriod = reports.filter(({ op }) => op.period);
		expect(withPeriod.length).toBeGreaterThanOrEqual(50);
		for (const { resource, operation, op } of withPeriod) {
			const preset = visibleProperties(resource, operation).find((p) => p.name === 'period')!;
			expect((preset.options as INodePropertyOptions[]).map((o) => o.value).sort()).toEqual([...PERIOD_PRESETS].sort());
			expect(preset.default).toBe('yesterday');
			const bounds = op.params.filter((p) => [op.period!.from, op.period!.to].includes(p.name)).map((p) => p.field);
			const hidden = visibleProperties(resource, operation).map((p) => p.name);
			const custom = visibleProperties(resource, operation, { period: 'custom' }).map((p) => p.name);
			for (const bound of bounds) {
				expect(hidden).not.toContain(bound);
				expect(custom).toContain(bound);
			}
		}
	});

	test('report functions say what they answer and list their columns', () => {
		const described = reports.filter(({ operation }) => operation.startsWith('get') && !/quality/i.test(operation));
		for (const { resource, operation } of described) {
			const option = (operationProperty(resource)!.options as INodePropertyOptions[]).find((o) => o.value === operation)!;
			expect([operation, /^GET \//.test(option.description ?? '')]).toEqual([operation, false]);
		}
		const abandoned = (operationProperty('reportAbandonedQueueCalls')!.options as INodePropertyOptions[]).find(
			(o) => o.value === 'getAbandonedQueueCallsData',
		)!;
		expect(abandoned.description).toMatch(/WaitTime.*404/);
		const extensions = operationProperty('reportExtensionStatistics')!.options as INodeProperties[];
		expect(extensions.find((o) => (o as unknown as { value: string }).value === 'getExtensionStatisticsData')?.description).toMatch(/500/);
	});
});
