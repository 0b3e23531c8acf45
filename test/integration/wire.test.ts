/**
 * What goes over the wire for the requests a PBX only accepts in one form, through n8n-core's
 * execution engine (test/support/n8n-harness): a body the spec requires goes out as `{}` at least,
 * added fields are sent as given ('' and null), Init → Create keeps the template's secrets, and
 * every alternate key is a required field that reaches the PBX quoted. A loopback recorder in
 * front of the simulator keeps each request's method, URL, Content-Type and body bytes.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeProperties } from 'n8n-workflow';

import { OPERATIONS } from '../../nodes/ThreeCx/generated';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import { startSimulator, type Simulator } from '../../simulator';
import { CredentialStore, executeNode, type ExecuteNodeOptions } from '../support/n8n-harness';
import { TOKEN_CHECK } from '../support/simRequests';

interface WireRequest {
	method: string;
	url: string;
	contentType?: string;
	/** The body bytes as text; '' when none was sent. */
	body: string;
	status: number;
}


let sim: Simulator;
let recorder: Server;
let credentials: CredentialStore;
const wire: WireRequest[] = [];

/** Forwards every request to the simulator and records it as sent. */
async function startRecorder(target: string): Promise<Server> {
	const { port } = new URL(target);
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const upstream = httpRequest(
				{ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
				(answer) => {
					// The credential's own token check (GET /Defs?$select=Id) and a request answered 401
					// (retried after a token refresh) are the credential's business, not the operation's.
					if (req.url?.startsWith('/xapi/') && !TOKEN_CHECK.test(req.url) && answer.statusCode !== 401) {
						const contentType = req.headers['content-type'];
						wire.push({ method: req.method ?? '', url: req.url, contentType, body: body.toString('utf8'), status: answer.statusCode ?? 0 });
					}
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			upstream.on('error', (error) => res.writeHead(502).end(String(error)));
			upstream.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return server;
}

beforeAll(async () => {
	sim = await startSimulator({ clientId: 'wire', users: 20 });
	recorder = await startRecorder(sim.url);
	const { port } = recorder.address() as AddressInfo;
	credentials = new CredentialStore({ server: `http://127.0.0.1:${port}`, clientId: sim.clientId, apiKey: sim.apiKey });
});
afterAll(async () => {
	await new Promise((resolve) => recorder.close(resolve));
	await sim.close();
});
beforeEach(() => (wire.length = 0));

const run = async (parameters: Record<string, unknown>, extra: Partial<ExecuteNodeOptions> = {}) => {
	const result = await executeNode({ parameters, credentials, ...extra });
	return { ...result, json: result.items.map((item) => item.json) };
};
const lastRequest = () => wire[wire.length - 1];

describe('a body the spec requires always goes out, {} at least', () => {
	test('Users → Create with no field: POST /Users {} as JSON, and the PBX creates the user', async () => {
		const { json, error } = await run({ resource: 'users', operation: 'create' });
		expect(error).toBeUndefined();
		expect(wire).toEqual([{ method: 'POST', url: '/xapi/v1/Users', contentType: 'application/json', body: '{}', status: 201 }]);
		expect(json[0]).toMatchObject({ Id: expect.any(Number), Number: expect.any(String) });
		expect(json[0]).not.toHaveProperty('AuthPassword');
	});

	test('JSON body mode with {}', async () => {
		const { error } = await run({ resource: 'users', operation: 'create', bodyMode: 'json', jsonBody: '{}' });
		expect(error).toBeUndefined();
		expect(lastRequest()).toMatchObject({ method: 'POST', contentType: 'application/json', body: '{}', status: 201 });
	});

	test.each([
		['microsoft365Integration', 'getUsersByPrincipalNames', '/xapi/v1/Microsoft365Integration/Pbx.GetUsersByPrincipalNames'],
		['voicemailSettings', 'deleteConverterConfiguration', '/xapi/v1/VoicemailSettings/Pbx.DeleteConverterConfiguration'],
		['customPrompts', 'makeCallRecordCustomPrompt', '/xapi/v1/CustomPrompts/Pbx.MakeCallRecordCustomPrompt'],
	])('%s → %s with no field: {} (the PBX answers 400 to no body)', async (resource, operation, url) => {
		const { error } = await run({ resource, operation });
		expect(error).toBeUndefined();
		expect(wire).toEqual([{ method: 'POST', url, contentType: 'application/json', body: '{}', status: expect.any(Number) }]);
		expect(wire[0].status).toBeLessThan(300);
	});

	test('every operation whose spec requires a body is marked so', () => {
		const required = Object.values(OPERATIONS).flatMap((table) =>
			Object.values(table).filter((op) => op.body && op.body.kind !== 'upload' && op.body.required),
		);
		// 20.0.10: 134 required bodies written inline plus 5 shared ones (components/requestBodies).
		expect(required).toHaveLength(139);
	});
});

describe('added fields are sent as given', () => {
	test('"" clears a text: PATCH /Groups(2) {"Number":""}, and a user\'s mobile number', async () => {
		const group = await run({ resource: 'groups', operation: 'update', groupId: { __rl: true, mode: 'id', value: '2' }, groupUpdateFields: { number: '' } });
		expect(group.error).toBeUndefined();
		expect(lastRequest()).toMatchObject({ method: 'PATCH', url: '/xapi/v1/Groups(2)', contentType: 'application/json', body: '{"Number":""}', status: 204 });

		await run({ resource: 'users', operation: 'update', userId: { __rl: true, mode: 'id', value: '3' }, userUpdateFields: { mobile: '+15550100' } });
		await run({ resource: 'users', operation: 'update', userId: { __rl: true, mode: 'id', value: '3' }, userUpdateFields: { mobile: '' } });
		expect(lastRequest().body).toBe('{"Mobile":""}');
		const { json } = await run({ resource: 'users', operation: 'get', userId: { __rl: true, mode: 'id', value: '3' } });
		expect(json[0].Mobile).toBe('');
	});

	test('null: the expression {{ null }} in any nullable field, or the text null in a JSON field', async () => {
		const { error } = await run({
			resource: 'queues',
			operation: 'update',
			queueId: { __rl: true, mode: 'id', value: '1000' },
			queueUpdateFields: { slaTime: '={{ null }}', callbackPrefix: '={{ null }}', breakRoute: 'null', greetingFile: 'null' },
		});
		expect(error).toBeUndefined();
		// The text null stays text in a text field.
		expect(JSON.parse(lastRequest().body)).toEqual({ SLATime: null, CallbackPrefix: null, BreakRoute: null, GreetingFile: 'null' });
		expect(lastRequest().status).toBe(204);
		const { json } = await run({ resource: 'queues', operation: 'get', queueId: { __rl: true, mode: 'id', value: '1000' } });
		expect(json[0]).toMatchObject({ SLATime: null, CallbackPrefix: null, BreakRoute: null });
	});

	test('null where the spec does not allow it fails naming the field; nothing is sent', async () => {
		const { error } = await run({ resource: 'queues', operation: 'update', queueId: { __rl: true, mode: 'id', value: '1000' }, queueUpdateFields: { groups: 'null' } });
		expect(error?.message).toBe('Invalid "groups": expected a value (json); the PBX does not accept null here');
		expect(wire).toEqual([]);
	});
});

describe('Init → change a few fields → Create', () => {
	const withNumber = (number: string) => `={{ { ...$json, Number: '${number}' } }}`;

	test('Fax: the template keeps its AuthPassword through Create', async () => {
		const init = await run({ resource: 'fax', operation: 'initFax' });
		expect(init.error).toBeUndefined();
		const template = init.json[0];
		expect(template.AuthPassword).toEqual(expect.any(String));

		const created = await run({ resource: 'fax', operation: 'create', bodyMode: 'json', jsonBody: withNumber('8570') }, { items: init.items });
		expect(created.error).toBeUndefined();
		expect(JSON.parse(lastRequest().body)).toEqual({ ...template, Number: '8570' });
		// Outputs of other operations still leave secrets out.
		expect(created.json[0]).toMatchObject({ Number: '8570' });
		expect(created.json[0]).not.toHaveProperty('AuthPassword');

		const stored = await run({ resource: 'fax', operation: 'getByNumber', number: '8570', entitySelectExpandOptions: { includeSecrets: true } });
		expect(stored.json[0]).toMatchObject({ Number: '8570', AuthID: template.AuthID, AuthPassword: template.AuthPassword });
	});

	test('Trunks: InitTrunk(template=…) then Create', async () => {
		const init = await run({ resource: 'trunks', operation: 'initTrunk', template: 'generic.pv.xml' });
		expect(init.error).toBeUndefined();
		expect(lastRequest().url).toBe("/xapi/v1/Trunks/Pbx.InitTrunk(template='generic.pv.xml')");
		const template = init.json[0];
		expect(template.AuthPassword).toEqual(expect.any(String));

		const created = await run({ resource: 'trunks', operation: 'create', bodyMode: 'json', jsonBody: withNumber('10009') }, { items: init.items });
		expect(created.error).toBeUndefined();
		expect(lastRequest()).toMatchObject({ method: 'POST', url: '/xapi/v1/Trunks', status: 201 });
		expect(JSON.parse(lastRequest().body)).toEqual({ ...template, Number: '10009' });

		const stored = await run({ resource: 'trunks', operation: 'getByNumber', number: '10009', entitySelectExpandOptions: { includeSecrets: true } });
		expect(stored.json[0].AuthPassword).toBe(template.AuthPassword);
	});
});

describe('alternate keys', () => {
	const properties = new ThreeCx().description.properties;
	const byNumber = Object.entries(OPERATIONS).flatMap(([resource, table]) =>
		Object.entries(table)
			.filter(([, op]) => /\(Number=\{Number\}\)$/.test(op.path))
			.map(([operation, op]) => ({ resource, operation, op })),
	);
	const seeded: Record<string, string> = {
		users: '102',
		queues: '800',
		ringGroups: '700',
		trunks: '10000',
		parkings: 'SP0',
		receptionists: '8500',
		fax: '8550',
	};

	test('every (Number={Number}) path: Users, Queues, Ring Groups, Trunks, Parkings, Peers, Receptionists, Fax', () => {
		expect(byNumber.map(({ resource }) => resource).sort()).toEqual(
			['fax', 'parkings', 'peers', 'queues', 'receptionists', 'ringGroups', 'trunks', 'users'],
		);
	});

	test.each(byNumber.map((entry) => [`${entry.resource} → ${entry.operation}`, entry] as const))(
		'%s: a required field, sent quoted',
		async (_, { resource, operation, op }) => {
			const field = op.params[0].field;
			const shown = properties.filter(
				(property: INodeProperties) =>
					property.name === field &&
					property.displayOptions?.show?.resource?.includes(resource) &&
					property.displayOptions?.show?.operation?.includes(operation),
			);
			expect(shown).toHaveLength(1);
			expect(shown[0].required).toBe(true);

			const number = seeded[resource] ?? '8590';
			const { json, error } = await run({ resource, operation, [field]: number });
			expect(error).toBeUndefined();
			expect(lastRequest()).toMatchObject({ method: 'GET', url: op.path.replace('{Number}', `'${number}'`).replace(/^/, '/xapi/v1'), status: 200 });
			if (seeded[resource]) expect(json[0].Number).toBe(number);
		},
	);

	test('an empty alternate key: n8n refuses the node; given by an expression, the node refuses it; nothing is sent', async () => {
		await expect(run({ resource: 'fax', operation: 'getByNumber', number: '' })).rejects.toThrow('Parameter "Number" is required');
		const { error } = await run({ resource: 'fax', operation: 'getByNumber', number: '={{ "" }}' });
		expect(error?.message).toMatch(/^Invalid "number": expected a value/);
		expect(wire).toEqual([]);
	});
});

describe('Receptionists, Fax and Service Principals keep state like Users', () => {
	test.each([
		['receptionists', 'receptionist', '8580', { name: 'Main menu 2' }],
		['fax', 'fax', '8581', {}],
		['servicePrincipals', 'servicePrincipal', '8582', {}],
	])('%s: create → get → update → delete; a duplicate number is ALREADY_IN_USE', async (resource, entity, number, extra) => {
		const created = await run({ resource, operation: 'create', [`${entity}AdditionalFields`]: { number, ...extra } });
		expect(created.error).toBeUndefined();
		const id = created.json[0].Id as number;
		const key = { [`${entity}Id`]: { __rl: true, mode: 'id', value: String(id) } };

		const duplicate = await run({ resource, operation: 'create', [`${entity}AdditionalFields`]: { number } });
		expect(duplicate.error?.message).toContain('Number: already in use');

		const updated = await run({ resource, operation: 'update', ...key, [`${entity}UpdateFields`]: { number: `${number}0` } });
		expect(updated.error).toBeUndefined();
		const got = await run({ resource, operation: 'get', ...key });
		expect(got.json[0]).toMatchObject({ Id: id, Number: `${number}0` });

		expect((await run({ resource, operation: 'delete', ...key })).error).toBeUndefined();
		const gone = await run({ resource, operation: 'get', ...key });
		expect(gone.error).toBeDefined();
		expect(lastRequest().status).toBe(404);
	});
});
