import { locatorValue } from '../../../nodes/ThreeCx/xapi/hooks/context';

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
