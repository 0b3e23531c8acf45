import { Simulator } from '../../simulator';
import { Client, withSim } from './helpers';

describe('simulator: entity sets', () => {
	let sim: Simulator;
	let c: Client;
	beforeAll(async () => {
		({ sim, c } = await withSim({ users: 250, contacts: 120 }));
	});
	afterAll(() => sim.close());

	it('caps $top at 100 on Users and Contacts with the PBX message', async () => {
		for (const set of ['Users', 'Contacts']) {
			const r = await c.json(`${set}?$top=101`);
			expect(r.status).toBe(400);
			expect(r.body.error.message).toContain("The limit of '100' for Top query has been exceeded");
			expect(r.body.error).toHaveProperty('code');
		}
		expect((await c.json('Users?$top=100')).status).toBe(200);
		expect((await c.json('Users?$top=abc')).status).toBe(400);
		expect((await c.json('Queues?$top=500')).status).toBe(200);
	});

	it('pages 250 users with $top/$skip into 250 distinct users, no nextLink', async () => {
		const seen = new Set<number>();
		for (let skip = 0; ; skip += 100) {
			const r = await c.json(`Users?$top=100&$skip=${skip}&$select=Id,Number`);
			expect(r.status).toBe(200);
			expect(r.body['@odata.nextLink']).toBeUndefined();
			expect(r.body['@odata.count']).toBeUndefined();
			r.body.value.forEach((u: { Id: number }) => seen.add(u.Id));
			if (r.body.value.length < 100) break;
		}
		expect(seen.size).toBe(250);
		const counted = await c.json('Users?$top=1&$count=true');
		expect(counted.body['@odata.count']).toBe(250);
		expect(Object.keys(counted.body)).toEqual(['@odata.context', '@odata.count', 'value']);
	});

	it('returns the real property names including the secrets', async () => {
		const r = await c.json('Users?$top=1');
		const u = r.body.value[0];
		for (const k of ['Id', 'Number', 'FirstName', 'LastName', 'EmailAddress', 'AuthPassword', 'VMPIN', 'DeskphonePassword', 'AccessPassword', 'QueueStatus', 'CurrentProfileName'])
			expect(u).toHaveProperty(k);
		expect(u).not.toHaveProperty('Groups'); // navigation: only with $expand
		const e = await c.json('Users?$top=1&$expand=Groups');
		expect(Array.isArray(e.body.value[0].Groups)).toBe(true);
	});

	it('$select, $orderby, keys and alternate keys', async () => {
		const r = await c.json('Users?$select=Number,LastName&$orderby=LastName desc,Number&$top=5');
		expect(Object.keys(r.body.value[0]).sort()).toEqual(['LastName', 'Number']);
		const names = r.body.value.map((u: { LastName: string }) => u.LastName);
		expect([...names].sort().reverse()).toEqual(names);
		const one = await c.json('Users(3)');
		expect(one.body).toMatchObject({ Id: 3, Number: '102' });
		expect(one.body['@odata.context']).toMatch(/\$metadata#Users\/\$entity$/);
		const alt = await c.json("Users(Number='102')?$select=Id");
		expect(alt.body).toMatchObject({ Id: 3 });
		expect((await c.json('Users(99999)')).status).toBe(404);
		expect((await c.json("Users(Number='nope')")).status).toBe(404);
		expect((await c.json('Users?$select=Nope')).status).toBe(400);
		expect((await c.json('Users?$orderby=Nope')).status).toBe(400);
		expect((await c.json('Users?$foo=1')).status).toBe(400);
	});

	describe('$filter', () => {
		const count = async (filter: string) => {
			const r = await c.json(`Users?$filter=${encodeURIComponent(filter)}&$count=true&$top=100&$select=Id,Number,FirstName,QueueStatus`);
			expect(r.status).toBe(200);
			return r.body['@odata.count'] as number;
		};
		it('supports the comparison operators, and/or, parentheses', async () => {
			expect(await count("Number eq '100'")).toBe(1);
			expect(await count("Number ne '100'")).toBe(249);
			expect(await count('Id gt 200')).toBe(50);
			expect(await count('Id ge 200')).toBe(51);
			expect(await count('Id lt 11')).toBe(10);
			expect(await count('Id le 11')).toBe(11);
			expect(await count('Id ge 10 and Id le 19')).toBe(10);
			expect(await count("Number eq '100' or Number eq '101'")).toBe(2);
			expect(await count("(Number eq '100' or Number eq '101') and Id eq 2")).toBe(1);
			const loggedIn = await count("QueueStatus eq 'LoggedIn'");
			expect(loggedIn + (await count("QueueStatus eq 'LoggedOut'"))).toBe(250);
			expect(await count('Mobile eq null')).toBe(0);
			expect(await count('Enabled eq true')).toBeGreaterThan(200);
		});
		it('supports contains, startswith, tolower', async () => {
			const all = await c.json('Users?$top=100&$select=FirstName');
			const first = all.body.value[0].FirstName as string;
			const want = all.body.value.length; // sanity
			expect(want).toBe(100);
			const n = await count(`contains(FirstName,'${first.slice(1, 3)}')`);
			expect(n).toBeGreaterThan(0);
			const lower = await count(`startswith(tolower(FirstName),'${first.slice(0, 2).toLowerCase()}')`);
			const exact = await count(`startswith(FirstName,'${first.slice(0, 2)}')`);
			expect(lower).toBeGreaterThanOrEqual(exact);
			expect(await count("contains(LastName,'O''Brien')")).toBeGreaterThanOrEqual(0);
		});
		it('supports date() and date-time literals', async () => {
			const r = await c.json(`CallHistoryView?$filter=${encodeURIComponent('date(SegmentStartTime) ge 2025-03-31')}&$count=true&$top=1`);
			expect(r.status).toBe(200);
			expect(r.body['@odata.count']).toBeGreaterThan(0);
			const all = (await c.json('CallHistoryView?$count=true&$top=0')).body['@odata.count'];
			expect(r.body['@odata.count']).toBeLessThan(all);
			const dt = await c.json(`EventLogs?$filter=${encodeURIComponent('TimeGenerated gt 2025-03-31T00:00:00Z')}&$count=true&$top=0`);
			expect(dt.status).toBe(200);
			expect(dt.body['@odata.count']).toBeGreaterThan(0);
		});
		it.each([
			"endswith(FirstName,'a')",
			"not (Number eq '100')",
			"toupper(FirstName) eq 'ANNA'",
			'Id add 1 eq 2',
			"Number in ('100','101')",
			"Number eq '100",
			'Nope eq 1',
			'Id eq',
		])('answers 400 for %s', async (filter) => {
			const r = await c.json(`Users?$filter=${encodeURIComponent(filter)}`);
			expect(r.status).toBe(400);
			expect(r.body.error.message).toEqual(expect.any(String));
		});
	});

	it('POST 201, PATCH 204, DELETE 204 and the ALREADY_IN_USE shape', async () => {
		const created = await c.send('POST', 'Users', { Number: '9001', FirstName: 'Test', LastName: 'User', EmailAddress: 't@example.com' });
		expect(created.status).toBe(201);
		const u = (await created.json()) as Record<string, unknown>;
		expect(u).toMatchObject({ Number: '9001', FirstName: 'Test', DisplayName: 'Test User' });
		expect(typeof u.AuthPassword).toBe('string');
		expect(created.headers.get('location')).toMatch(new RegExp(`/Users\\(${u.Id}\\)$`));

		const dup = await c.send('POST', 'Users', { Number: '9001', FirstName: 'Dup' });
		expect(dup.status).toBe(400);
		expect(await dup.json()).toEqual({
			error: { code: '', message: 'Number:\nWARNINGS.XAPI.ALREADY_IN_USE', details: [{ code: '', message: 'WARNINGS.XAPI.ALREADY_IN_USE', target: 'Number' }] },
		});
		// queue numbers share the DN space
		expect((await c.send('POST', 'Users', { Number: '800' })).status).toBe(400);

		const patch = await c.send('PATCH', `Users(${u.Id})`, { QueueStatus: 'LoggedIn', CurrentProfileName: 'Away' });
		expect(patch.status).toBe(204);
		expect(await patch.text()).toBe('');
		const after = await c.json(`Users(${u.Id})?$select=QueueStatus,CurrentProfileName`);
		expect(after.body).toMatchObject({ QueueStatus: 'LoggedIn', CurrentProfileName: 'Away' });
		expect((await c.send('PATCH', `Users(${u.Id})`, { QueueStatus: 'Sleeping' })).status).toBe(400);
		expect((await c.send('PATCH', `Users(${u.Id})`, { NoSuchProperty: 1 })).status).toBe(400);
		expect((await c.send('PATCH', `Users(${u.Id})`, { Number: '100' })).status).toBe(400);

		expect((await c.send('DELETE', `Users(${u.Id})`)).status).toBe(204);
		expect((await c.json(`Users(${u.Id})`)).status).toBe(404);
		expect((await c.send('DELETE', `Users(${u.Id})`)).status).toBe(404);

		const contact = await c.send('POST', 'Contacts', { FirstName: 'Ada', LastName: 'Lovelace', PhoneNumber: '+441234' });
		expect(contact.status).toBe(201);
		const empty = await c.send('POST', 'Contacts', { PhoneNumber: '+441234' });
		expect(empty.status).toBe(400);
		expect(((await empty.json()) as { error: { details: Array<{ message: string }> } }).error.details[0].message).toMatch(/^WARNINGS\./);
	});

	it('models queues with agents (navigation and $expand) and the other sets', async () => {
		const q = await c.json('Queues?$expand=Agents&$select=Id,Number,Name');
		expect(q.body.value.length).toBeGreaterThan(0);
		const queue = q.body.value[0];
		expect(queue.Agents.length).toBeGreaterThan(0);
		expect(queue.Agents[0]).toMatchObject({ Id: expect.any(Number), Number: expect.any(String), Name: expect.any(String) });
		const nav = await c.json(`Queues(${queue.Id})/Agents?$count=true`);
		expect(nav.body['@odata.count']).toBe(queue.Agents.length);
		const agents = queue.Agents.slice(0, 1);
		expect((await c.send('PATCH', `Queues(${queue.Id})`, { Agents: agents })).status).toBe(204);
		expect((await c.json(`Queues(${queue.Id})/Agents`)).body.value).toHaveLength(1);
		expect((await c.json(`Queues(Number='${queue.Number}')`)).body.Id).toBe(queue.Id);

		for (const set of ['Groups', 'RingGroups', 'Trunks', 'Contacts', 'Parkings', 'Recordings', 'CallHistoryView', 'EventLogs', 'ActiveCalls']) {
			const r = await c.json(`${set}?$top=5&$count=true`);
			expect(r.status).toBe(200);
			expect(r.body.value.length).toBeGreaterThan(0);
			expect(r.body['@odata.context']).toContain(`$metadata#${set}`);
		}
		// no key access on Recordings
		expect((await c.json('Recordings(500)')).status).toBe(404);
		const calls = await c.json('ActiveCalls');
		const id = calls.body.value[0].Id;
		expect((await c.send('POST', `ActiveCalls(${id})/Pbx.DropCall`)).status).toBe(204);
		expect((await c.json('ActiveCalls?$count=true')).body['@odata.count']).toBe(calls.body.value.length - 1);
	});

	it('is deterministic for the same seed', async () => {
		const { sim: other, c: c2 } = await withSim({ users: 250, contacts: 120 });
		try {
			const a = await c.json('Contacts?$top=5&$orderby=Id');
			const b = await c2.json('Contacts?$top=5&$orderby=Id');
			expect(b.body.value).toEqual(a.body.value);
		} finally {
			await other.close();
		}
	});
});

describe('first available extension number', () => {
	it('answers the lowest number no DN uses, and moves on once it is taken', async () => {
		const { sim, c } = await withSim({ users: 3 });
		try {
			const ask = async () =>
				(await c.json<{ Number: string }>('Users/Pbx.GetFirstAvailableExtensionNumber()')).body.Number;
			const first = await ask();
			expect(first).toMatch(/^\d+$/);
			const created = await c.send('POST', 'Users', { Number: first, FirstName: 'New', LastName: 'User' });
			expect(created.status).toBe(201);
			expect(await ask()).not.toBe(first);
		} finally {
			await sim.close();
		}
	});
});
