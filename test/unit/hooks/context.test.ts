import { locatorValue, readPathValues } from '../../../nodes/ThreeCx/xapi/hooks/context';
import type { XapiOperation } from '../../../nodes/ThreeCx/xapi/types';
import { fakeContext } from '../fake-context';

describe('locator values', () => {
	test('a resource locator yields its value; anything else is kept', () => {
		expect(locatorValue({ __rl: true, mode: 'list', value: 29 })).toBe(29);
		expect(locatorValue({ __rl: true, mode: 'id', value: '29' })).toBe('29');
		expect(locatorValue(29)).toBe(29);
		expect(locatorValue('29')).toBe('29');
		expect(locatorValue(null)).toBeNull();
		expect(locatorValue({ value: 1 })).toEqual({ value: 1 });
	});
});

describe('report path values', () => {
	const op: XapiOperation = {
		method: 'GET',
		path: '/ReportX/Pbx.GetX(clientTimeZone={clientTimeZone},periodFrom={periodFrom},periodTo={periodTo},queueDns={queueDns})',
		params: [
			{ name: 'clientTimeZone', field: 'clientTimeZone', type: 'string', required: true },
			{ name: 'periodFrom', field: 'periodFrom', type: 'dateTime', required: true },
			{ name: 'periodTo', field: 'periodTo', type: 'dateTime', required: true },
			{ name: 'queueDns', field: 'queueDns', type: 'string', required: true },
		],
		query: [],
		output: 'collection',
		period: { from: 'periodFrom', to: 'periodTo' },
	};
	const read = (parameters: Record<string, unknown>) => readPathValues(fakeContext(parameters as never), op);

	test('a multi-select becomes the comma-separated list; a blank time zone is the workflow one', () => {
		const values = read({ period: 'custom', periodFrom: '2025-03-01T00:00:00Z', periodTo: '2025-03-02T00:00:00Z', queueDns: ['800', 801], clientTimeZone: '' });
		expect(values).toEqual({ clientTimeZone: 'Europe/Berlin', periodFrom: '2025-03-01T00:00:00Z', periodTo: '2025-03-02T00:00:00Z', queueDns: '800,801' });
	});

	test('a preset fills the bounds as whole days of the chosen zone, in UTC', () => {
		const values = read({ period: 'yesterday', clientTimeZone: 'UTC', queueDns: '' });
		const today = new Date().toISOString().slice(0, 10);
		expect(values.periodTo).toBe(`${today}T00:00:00Z`);
		expect(Date.parse(values.periodTo as string) - Date.parse(values.periodFrom as string)).toBe(86_400_000);
	});

	test('bad input names the field: unknown zone, unknown preset, a period that ends before it starts', () => {
		expect(() => read({ period: 'yesterday', clientTimeZone: 'Mars/Olympus' })).toThrow(/Invalid "clientTimeZone": expected a time zone/);
		expect(() => read({ period: 'fortnight' })).toThrow(/Invalid "period": expected one of today, yesterday/);
		expect(() => read({ period: 'custom', periodFrom: '2025-03-02T00:00:00', periodTo: '2025-03-01T00:00:00' })).toThrow(
			/Invalid "periodTo": expected a date-time after periodFrom \(2025-03-01T23:00:00Z\): the period ends before it starts/,
		);
	});
});
