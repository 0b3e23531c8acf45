import { buildQuery, commaList, toCount } from '../../../nodes/ThreeCx/xapi/odata/query';
import type { ODataOption } from '../../../nodes/ThreeCx/xapi/types';

const ALL: ODataOption[] = ['top', 'skip', 'search', 'filter', 'count', 'select', 'orderby', 'expand'];

describe('buildQuery', () => {
	test.each<[Record<string, unknown>, ODataOption[], object]>([
		[{}, ALL, { qs: {} }],
		[{ top: 10, skip: 20 }, ALL, { qs: {}, top: 10, skip: 20 }],
		[{ top: '0' }, ALL, { qs: {}, top: 0 }],
		[{ filter: " Number eq 'O''Brien' and contains(Name,'a+b%') " }, ALL, { qs: { $filter: "Number eq 'O''Brien' and contains(Name,'a+b%')" } }],
		[{ select: 'Id, Number ,, DisplayName' }, ALL, { qs: { $select: 'Id,Number,DisplayName' } }],
		[{ orderby: ['Number desc', ' Id'] }, ALL, { qs: { $orderby: 'Number desc,Id' } }],
		[{ expand: 'Groups($select=Id,Name), ForwardingProfiles' }, ALL, { qs: { $expand: 'Groups($select=Id,Name),ForwardingProfiles' } }],
		[{ count: true, search: 'ünï' }, ALL, { qs: { $count: true, $search: 'ünï' } }],
		[{ count: false, filter: '   ' }, ALL, { qs: {} }],
		[{ top: 5, filter: 'x', select: 'Id' }, ['select'], { qs: { $select: 'Id' } }],
		[{ rawResponse: true, includeSecrets: true }, ALL, { qs: {} }],
	])('%p', (options, allowed, expected) => {
		expect(buildQuery(options as never, allowed)).toEqual(expected);
	});

	test.each([
		[{ top: -1 }, /Invalid "top": expected a whole number of 0 or more, got -1/],
		[{ top: 1.5 }, /"top"/],
		[{ skip: 'x' }, /"skip"/],
		[{ count: 'maybe' }, /"count": expected true or false/],
		[{ filter: { a: 1 } }, /"filter": expected text/],
	])('rejects %p', (options, message) => {
		expect(() => buildQuery(options as never, ALL)).toThrow(message);
	});

	test('toCount and commaList', () => {
		expect(toCount('50', 'limit')).toBe(50);
		expect(() => toCount(-5, 'limit')).toThrow(/"limit"/);
		expect(commaList('', 'select')).toBe('');
		expect(commaList("a,(b,c)),d", 'expand')).toBe('a,(b,c)),d');
	});
});
