import { PICKER_PAGE_SIZE, displayText, pickerQuery, searchFilter, searchResult, skipOf } from '../../../nodes/ThreeCx/xapi/odata/picker';
import type { XapiPicker } from '../../../nodes/ThreeCx/xapi/types';

const USERS: XapiPicker = { path: '/Users', display: [['Number'], ['FirstName', 'LastName']] };
const QUEUES: XapiPicker = { path: '/Queues', display: [['Number'], ['Name']] };
const HOLIDAYS: XapiPicker = { path: '/Holidays', display: [['Name']] };

describe('search filter', () => {
	test('one contains(tolower(…)) per display property, joined by or; text lower-cased', () => {
		expect(searchFilter(USERS, 'Ann')).toBe(
			"contains(tolower(Number),'ann') or contains(tolower(FirstName),'ann') or contains(tolower(LastName),'ann')",
		);
		expect(searchFilter(HOLIDAYS, 'Xmas')).toBe("contains(tolower(Name),'xmas')");
	});

	test("hostile text stays inside its literal: ' doubled", () => {
		expect(searchFilter(HOLIDAYS, "O'Brien")).toBe("contains(tolower(Name),'o''brien')");
		expect(searchFilter(HOLIDAYS, "x') or true or ('")).toBe("contains(tolower(Name),'x'') or true or (''')");
		expect(searchFilter(HOLIDAYS, "''")).toBe("contains(tolower(Name),'''''')");
		// URL characters are left to the query string encoder.
		expect(searchFilter(HOLIDAYS, 'a&b=c#%+/?')).toBe("contains(tolower(Name),'a&b=c#%+/?')");
	});

	test('blank or missing text: no filter', () => {
		expect(searchFilter(USERS, undefined)).toBeUndefined();
		expect(searchFilter(USERS, '')).toBeUndefined();
		expect(searchFilter(USERS, '   ')).toBeUndefined();
		expect(searchFilter(USERS, '  Lee ')).toBe(
			"contains(tolower(Number),'lee') or contains(tolower(FirstName),'lee') or contains(tolower(LastName),'lee')",
		);
	});
});

describe('paging', () => {
	test('pages of 100 selecting Id and the display properties; the token is the next $skip', () => {
		expect(PICKER_PAGE_SIZE).toBe(100);
		expect(pickerQuery(USERS)).toEqual({ $select: 'Id,Number,FirstName,LastName', $top: 100 });
		expect(pickerQuery(QUEUES, "O'B", '200')).toEqual({
			$select: 'Id,Number,Name',
			$top: 100,
			$skip: 200,
			$filter: "contains(tolower(Number),'o''b') or contains(tolower(Name),'o''b')",
		});
	});

	test('tokens that are not a count start at the beginning', () => {
		for (const token of [undefined, '', 'abc', '-5', '1.5', '0']) expect(skipOf(token)).toBe(0);
		expect(skipOf('300')).toBe(300);
	});

	test('a full page hands out the next $skip; a short page ends the list', () => {
		const rows = (n: number, from = 1) =>
			Array.from({ length: n }, (_, i) => ({ Id: from + i, Number: String(100 + from + i), Name: `Q${from + i}` }));
		expect(searchResult(QUEUES, rows(100), 0).paginationToken).toBe('100');
		expect(searchResult(QUEUES, rows(100, 101), 100).paginationToken).toBe('200');
		expect(searchResult(QUEUES, rows(50, 201), 200).paginationToken).toBeUndefined();
		expect(searchResult(QUEUES, [], 0)).toEqual({ results: [] });
	});
});

describe('display text', () => {
	test('Users: Number – FirstName LastName; value is the Id', () => {
		const result = searchResult(USERS, [{ Id: 29, Number: '100', FirstName: 'Ann', LastName: "O'Brien" }], 0);
		expect(result.results).toEqual([{ name: "100 – Ann O'Brien", value: 29 }]);
	});

	test('empty parts are left out; nothing readable → the ID', () => {
		expect(displayText(USERS, { Id: 1, Number: '101', FirstName: 'Ann', LastName: '' })).toBe('101 – Ann');
		expect(displayText(USERS, { Id: 1, Number: '101', FirstName: null, LastName: '  ' })).toBe('101');
		expect(displayText(USERS, { Id: 1, Number: '', FirstName: 'Ann', LastName: 'Lee' })).toBe('Ann Lee');
		expect(displayText(QUEUES, { Id: 7 })).toBe('ID 7');
		expect(displayText(HOLIDAYS, { Id: 3, Name: 'Xmas' })).toBe('Xmas');
	});

	test('rows without an Id are skipped', () => {
		expect(searchResult(HOLIDAYS, [{ Name: 'x' }, { Id: 2, Name: 'y' }], 0).results).toEqual([{ name: 'y', value: 2 }]);
	});
});
