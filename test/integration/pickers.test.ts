/**
 * Entity key pickers end to end: the Users "From List" search run the way the n8n editor runs it
 * (n8n-core's LoadOptionsContext, the credential's token handling), and Users → Get with the
 * picker's value in list mode, By ID mode and as expressions, through n8n-core's execution engine,
 * against the loopback 3CX simulator (250 users).
 */
import type { IDataObject } from 'n8n-workflow';
import { startSimulator, type Simulator } from '../../simulator';
import { CredentialStore, executeNode, searchList } from '../support/n8n-harness';

let sim: Simulator;
let credentials: CredentialStore;
/** Every user as the PBX lists it. */
let users: IDataObject[];

beforeAll(async () => {
	sim = await startSimulator({ clientId: 'pickers', users: 250 });
	credentials = new CredentialStore({ server: `${sim.url}/xapi/v1/`, clientId: sim.clientId, apiKey: sim.apiKey });
	const { items, error } = await executeNode({
		parameters: { resource: 'users', operation: 'getMany', returnAll: true, listQueryOptions: { select: 'Id,Number,FirstName,LastName' } },
		credentials,
	});
	expect(error).toBeUndefined();
	users = items.map((item) => item.json);
	expect(users).toHaveLength(250);
});
afterAll(async () => await sim.close());
beforeEach(() => sim.resetStats());

/** Requests to /xapi/v1 as the PBX saw them (query decoded). */
const xapiRequests = () =>
	sim.stats.requests
		.filter((request) => request.rawUrl.startsWith('/xapi/v1/'))
		.map((request) => {
			const [path, query = ''] = request.rawUrl.split('?');
			return { path: path.slice('/xapi/v1'.length), query: Object.fromEntries(new URLSearchParams(query)), status: request.status };
		});

const label = (user: IDataObject) => `${user.Number as string} – ${`${user.FirstName as string} ${user.LastName as string}`.trim()}`;

describe('Users "From List" search', () => {
	test('pages of 100 through all 250 users, named Number – FirstName LastName, value = Id', async () => {
		const seen: Array<{ name: string; value: unknown }> = [];
		let token: string | undefined;
		const tokens: Array<string | undefined> = [];
		do {
			const page = await searchList({ method: 'searchUsers', credentials, paginationToken: token });
			seen.push(...page.results);
			token = page.paginationToken;
			tokens.push(token);
		} while (token);
		expect(tokens).toEqual(['100', '200', undefined]);
		expect(seen).toEqual(users.map((user) => ({ name: label(user), value: user.Id })));
		expect(xapiRequests().map((r) => [r.path, r.query.$top, r.query.$skip, r.query.$select, r.status])).toEqual([
			['/Users', '100', undefined, 'Id,Number,FirstName,LastName', 200],
			['/Users', '100', '100', 'Id,Number,FirstName,LastName', 200],
			['/Users', '100', '200', 'Id,Number,FirstName,LastName', 200],
		]);
	});

	test('search filters on the PBX, case-insensitively, over number and names', async () => {
		const someone = users[123];
		const text = String(someone.LastName).toUpperCase();
		const page = await searchList({ method: 'searchUsers', credentials, filter: text });
		const expected = users.filter((user) =>
			[user.Number, user.FirstName, user.LastName].some((v) => String(v).toLowerCase().includes(text.toLowerCase())),
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(page.results).toEqual(expected.slice(0, 100).map((user) => ({ name: label(user), value: user.Id })));
		const [request] = xapiRequests();
		const needle = text.toLowerCase().replace(/'/g, "''");
		expect(request.query.$filter).toBe(
			`contains(tolower(Number),'${needle}') or contains(tolower(FirstName),'${needle}') or contains(tolower(LastName),'${needle}')`,
		);
	});

	test("hostile search text (O'Brien, & # % + /) arrives intact inside its literal", async () => {
		const page = await searchList({ method: 'searchUsers', credentials, filter: "O'Brien" });
		const obriens = users.filter((user) => user.LastName === "O'Brien" || user.FirstName === "O'Brien");
		expect(obriens.length).toBeGreaterThan(0);
		expect(page.results.map((r) => r.value).sort()).toEqual(obriens.map((user) => user.Id).sort());

		const weird = await searchList({ method: 'searchUsers', credentials, filter: "x')&$top=1#%+/ or ('" });
		expect(weird.results).toEqual([]);
		const requests = xapiRequests();
		expect(requests[1].status).toBe(200);
		expect(requests[1].query.$filter).toContain("contains(tolower(LastName),'x'')&$top=1#%+/ or (''')");
		expect(requests[1].query.$top).toBe('100');
	});

	test('an expired token is refreshed by n8n and the search retried', async () => {
		sim.invalidateTokens();
		const before = credentials.preAuthenticationCalls;
		const page = await searchList({ method: 'searchUsers', credentials, filter: String(users[0].Number) });
		expect(page.results).toContainEqual({ name: label(users[0]), value: users[0].Id });
		expect(credentials.preAuthenticationCalls).toBe(before + 1);
		expect(xapiRequests().map((r) => r.status)).toEqual([401, 200]);
	});

	test('a number found by its digits', async () => {
		const number = String(users[5].Number);
		const page = await searchList({ method: 'searchUsers', credentials, filter: number });
		expect(page.results).toContainEqual({ name: label(users[5]), value: users[5].Id });
	});
});

describe('Users → Get with the picker', () => {
	const get = async (id: unknown, items?: IDataObject[]) =>
		await executeNode({
			parameters: { resource: 'users', operation: 'get', userId: id },
			credentials,
			items: items?.map((json) => ({ json })),
		});

	test('list mode: the value the search returned', async () => {
		const page = await searchList({ method: 'searchUsers', credentials, filter: String(users[41].Number) });
		const picked = page.results.find((r) => r.name === label(users[41]))!;
		sim.resetStats();
		const { items, error } = await get({ __rl: true, mode: 'list', value: picked.value, cachedResultName: picked.name });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Id: users[41].Id, Number: users[41].Number });
		expect(xapiRequests().map((r) => r.path)).toEqual([`/Users(${String(users[41].Id)})`]);
	});

	test('By ID mode: typed text', async () => {
		const { items, error } = await get({ __rl: true, mode: 'id', value: String(users[7].Id) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Id: users[7].Id });
		expect(xapiRequests().map((r) => r.path)).toEqual([`/Users(${String(users[7].Id)})`]);
	});

	test('By ID mode with an expression, per item', async () => {
		const ids = [users[0].Id, users[9].Id];
		const { items, error } = await get({ __rl: true, mode: 'id', value: '={{ $json.userId }}' }, ids.map((userId) => ({ userId })));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.Id)).toEqual(ids);
	});

	test('plain values from before the picker: a number and an expression', async () => {
		const plain = await get(users[3].Id);
		expect(plain.error).toBeUndefined();
		expect(plain.items[0].json.Id).toBe(users[3].Id);
		const expression = await get('={{ $json.id }}', [{ id: users[4].Id }]);
		expect(expression.error).toBeUndefined();
		expect(expression.items[0].json.Id).toBe(users[4].Id);
	});

	test('a typed bad ID is refused by n8n (the mode validation) before the node runs', async () => {
		await expect(get({ __rl: true, mode: 'id', value: '12abc' })).rejects.toThrow(
			'Not a valid ID: a whole number from -2147483648 to 2147483647',
		);
		expect(xapiRequests()).toEqual([]);
	});

	test('a bad ID from an expression fails before any request, naming the parameter', async () => {
		const { error } = await get({ __rl: true, mode: 'id', value: '={{ $json.userId }}' }, [{ userId: '12abc' }]);
		expect(error?.description).toBe('Parameter "userId" must be a whole number (int32). Nothing was sent to the PBX.');
		const outOfRange = await get({ __rl: true, mode: 'id', value: '={{ $json.userId }}' }, [{ userId: 2147483648 }]);
		expect(outOfRange.error?.description).toBe(
			'Parameter "userId" must be a whole number (int32) between -2147483648 and 2147483647. Nothing was sent to the PBX.',
		);
		expect(xapiRequests()).toEqual([]);
	});
});
