/**
 * Entity key pickers end to end: the Users "From List" search run the way the n8n editor runs it
 * (n8n-core's LoadOptionsContext, the credential's token handling), and Users → Get with the
 * picker's value in list mode, By ID mode and as expressions, through n8n-core's execution engine,
 * against the loopback 3CX simulator (250 users).
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject, type INodePropertyOptions, type INodeType, type INodeTypes, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import { timeZoneChoices } from '../../nodes/ThreeCx/methods/loadOptions';
import { startSimulator, type Simulator } from '../../simulator';
import { CredentialStore, executeNode, searchList } from '../support/n8n-harness';
import { xapiRequests as simRequests } from '../support/simRequests';

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

const xapiRequests = () => simRequests(sim);

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
		const tokensBefore = sim.stats.tokenRequests;
		const page = await searchList({ method: 'searchUsers', credentials, filter: String(users[0].Number) });
		expect(page.results).toContainEqual({ name: label(users[0]), value: users[0].Id });
		// One new token from the PBX (however often n8n asks the credential), then the search again.
		expect(sim.stats.tokenRequests).toBe(tokensBefore + 1);
		const statuses = xapiRequests().map((r) => r.status);
		expect(statuses[0]).toBe(401);
		expect(statuses[statuses.length - 1]).toBe(200);
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

/** A report filter's choices as the editor loads them (n8n-core's LoadOptionsContext). */
async function loadChoices(method: string): Promise<INodePropertyOptions[]> {
	const nodeType = new ThreeCx();
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType as INodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const parameters = { resource: 'reportUserActivity', operation: 'getUserActivity' };
	const node = {
		id: 'report',
		name: 'Report',
		type: 'n8n-nodes-3cx-xapi.threeCx',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
		credentials: { threeCxApi: { id: '1', name: '3CX (test)' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = { credentialsHelper: credentials, currentNodeParameters: parameters, restApiUrl: 'http://127.0.0.1/rest', variables: {} };
	const context = new LoadOptionsContext(workflow, workflow.nodes[node.name], additionalData as unknown as IWorkflowExecuteAdditionalData, 'parameters.extensionDns');
	return await nodeType.methods.loadOptions[method].call(context);
}

describe('report filters loaded from the PBX (loadOptions)', () => {
	test('users: all 250 past the $top cap of 100, value = extension number', async () => {
		const choices = await loadChoices('getUsers');
		expect(choices).toEqual(users.map((user) => ({ name: label(user), value: user.Number })));
		expect(xapiRequests().map((r) => [r.path, r.query.$top, r.query.$skip, r.status])).toEqual([
			['/Users', '100', undefined, 200],
			['/Users', '100', '100', 200],
			['/Users', '100', '200', 200],
		]);
	});

	test('queues, ring groups and trunks: Number – Name, value = number', async () => {
		const queues = await loadChoices('getQueues');
		expect(queues.map((q) => q.value)).toEqual(['800', '801', '802', '803', '804']);
		expect(queues[0].name).toBe('800 – Sales');
		expect((await loadChoices('getRingGroups')).map((g) => g.value)).toEqual(['700', '701', '702']);
		const trunks = await loadChoices('getTrunks');
		expect(trunks.length).toBeGreaterThan(0);
		for (const trunk of trunks) expect(trunk.name).toMatch(new RegExp(`^${String(trunk.value)} – .+`));
	});

	test('departments: names shown, the default department marked, value = group number', async () => {
		const groups = await loadChoices('getGroups');
		expect(groups).toEqual([
			{ name: 'DEFAULT (default department)', value: 'GRP0000' },
			{ name: 'Sales', value: 'GRP0001' },
			{ name: 'Support', value: 'GRP0002' },
		]);
	});

	test("time zones: the workflow's, UTC, IANA zones and offsets, each accepted by the node", async () => {
		const zones = await loadChoices('getTimeZones');
		expect(zones.slice(0, 2)).toEqual([
			{ name: "Workflow's Time Zone", value: '' },
			{ name: 'UTC', value: 'UTC' },
		]);
		const values = zones.map((z) => z.value);
		expect(values).toEqual(expect.arrayContaining(['Europe/Berlin', 'Asia/Taipei', '+05:30', '-12:00', '+14:00']));
		expect(new Set(values).size).toBe(values.length);
	});

	test("the PBX's own list is used where it gives one (by IANA name; names it cannot use are left out)", () => {
		const rows = [
			{ Id: '1', Name: '(UTC+01:00) Amsterdam, Berlin', IanaName: 'Europe/Berlin', WindowsName: 'W. Europe Standard Time' },
			{ Id: '2', Name: 'Broken', IanaName: 'string' },
			{ Id: '3', Name: '(UTC) Coordinated Universal Time', IanaName: 'UTC' },
		];
		const choices = timeZoneChoices(rows, ['Asia/Tokyo']);
		expect(choices.slice(0, 3)).toEqual([
			{ name: "Workflow's Time Zone", value: '' },
			{ name: 'UTC', value: 'UTC' },
			{ name: '(UTC+01:00) Amsterdam, Berlin (Europe/Berlin)', value: 'Europe/Berlin' },
		]);
		expect(choices.map((c) => c.value)).not.toContain('Asia/Tokyo');
		expect(choices[3].value).toBe('-12:00');
	});
});

describe('report filters on the wire', () => {
	const activity = async (extra: IDataObject) =>
		await executeNode({
			parameters: { resource: 'reportUserActivity', operation: 'getUserActivity', returnAll: false, limit: 5, ...extra },
			credentials,
		});
	const reportUrl = () => decodeURIComponent(sim.stats.requests.map((r) => r.rawUrl).find((url) => url.includes('GetUserActivity'))!);

	test('defaults: period yesterday in the chosen zone as UTC, default department, multi-select sent comma-separated', async () => {
		const { items, error } = await activity({ reportUserActivityClientTimeZone: 'Asia/Tokyo', extensionDns: ['100', '101'] });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		const url = reportUrl();
		expect(url).toContain("clientTimeZone='Asia/Tokyo'");
		expect(url).toMatch(/periodFrom=\d{4}-\d{2}-\d{2}T15:00:00Z,periodTo=\d{4}-\d{2}-\d{2}T15:00:00Z/);
		expect(url).toContain("groupNumber='GRP0000',extensionDns='100,101'");
		expect(url).toContain('includeQueueCalls=true');
	});

	test('a multi-select set by expression as text or as a list', async () => {
		expect((await activity({ extensionDns: '={{ "100,102" }}' })).error).toBeUndefined();
		expect(reportUrl()).toContain("extensionDns='100,102'");
		sim.resetStats();
		expect((await activity({ extensionDns: '={{ ["103"] }}' })).error).toBeUndefined();
		expect(reportUrl()).toContain("extensionDns='103'");
	});

	test('bad input fails before any request, naming the field', async () => {
		const zone = await activity({ reportUserActivityClientTimeZone: 'Mars/Olympus' });
		expect(zone.error?.description).toMatch(/reportUserActivityClientTimeZone.*time zone/);
		const backwards = await activity({ period: 'custom', periodFrom: '2025-03-10T00:00:00Z', periodTo: '2025-03-01T00:00:00Z' });
		expect(backwards.error?.description).toMatch(/periodTo.*ends before it starts/);
		expect(xapiRequests()).toEqual([]);
	});

	test('custom period: the dates as given, read in the workflow time zone when they have no offset', async () => {
		const { error } = await activity({ period: 'custom', periodFrom: '2025-03-01T00:00:00Z', periodTo: '2025-03-02T00:00:00Z' });
		expect(error).toBeUndefined();
		expect(reportUrl()).toContain('periodFrom=2025-03-01T00:00:00Z,periodTo=2025-03-02T00:00:00Z');
	});

	test('the PBX answers an empty queue filter on Abandoned Queue Calls with a readable 404', async () => {
		const { error } = await executeNode({
			parameters: { resource: 'reportAbandonedQueueCalls', operation: 'getAbandonedQueueCallsData', reportAbandonedQueueCallsQueueDns: '' },
			credentials,
		});
		expect(`${error?.message ?? ''} ${error?.description ?? ''}`).toMatch(/404|not found/i);
		expect(error?.message ?? '').toContain('queueDns');
	});
});
