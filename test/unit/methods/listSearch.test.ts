import { NodeApiError, type ICredentialDataDecryptedObject, type IHttpRequestOptions } from 'n8n-workflow';
import { ThreeCxApi } from '../../../credentials/ThreeCxApi.credentials';
import { listSearch, listSearchMethods, searchEntities } from '../../../nodes/ThreeCx/methods/listSearch';
import type { XapiPicker } from '../../../nodes/ThreeCx/xapi/types';
import { PICKERS } from '../../../nodes/ThreeCx/generated/pickers';
import { NODE } from '../fake-context';

const USERS: XapiPicker = { path: '/Users', display: [['Number'], ['FirstName', 'LastName']] };
/** The credential's "Ignore SSL Issues" switch. */
const IGNORE_SSL = new ThreeCxApi().properties.find((property) => property.displayName.startsWith('Ignore SSL Issues'))!.name;

describe('the list search method', () => {
	/** A load-options context whose requests go through the credential's `authenticate`, as n8n's
	 * httpRequestWithAuthentication does; `sent` is what the method asked for, `authenticated`
	 * what would go on the wire. */
	function loadOptionsContext(answer: (request: IHttpRequestOptions) => unknown, credentials: ICredentialDataDecryptedObject = {}) {
		const sent: Array<{ type: string; request: IHttpRequestOptions }> = [];
		const authenticated: IHttpRequestOptions[] = [];
		const stored = { server: ' https://pbx.example.com:5001/xapi/v1/ ', clientId: 'n8n', apiKey: 'k', accessToken: 'eyJsecret', ...credentials };
		const ctx = {
			getNode: () => NODE,
			helpers: {
				httpRequestWithAuthentication: async (type: string, request: IHttpRequestOptions) => {
					sent.push({ type, request: structuredClone(request) });
					const onWire = await new ThreeCxApi().authenticate({ ...stored }, request);
					authenticated.push(onWire);
					return answer(onWire);
				},
			},
		};
		return { ctx: ctx as never, sent, authenticated };
	}

	test('GETs the set by a relative URL; the credential adds {server}/xapi/v1 and Ignore SSL Issues', async () => {
		const { ctx, sent, authenticated } = loadOptionsContext(
			() => ({ value: [{ Id: 29, Number: '100', FirstName: 'Ann', LastName: 'Lee' }] }),
			{ [IGNORE_SSL]: true },
		);
		const result = await listSearchMethods({ searchUsers: USERS }).searchUsers.call(ctx, 'ann', '100');
		expect(result).toEqual({ results: [{ name: '100 – Ann Lee', value: 29 }] });
		expect(sent).toHaveLength(1);
		expect(sent[0].type).toBe('threeCxApi');
		expect(sent[0].request).toEqual({
			method: 'GET',
			url: '/Users',
			qs: {
				$select: 'Id,Number,FirstName,LastName',
				$top: 100,
				$skip: 100,
				$filter: "contains(tolower(Number),'ann') or contains(tolower(FirstName),'ann') or contains(tolower(LastName),'ann')",
			},
			// Marks a request the token retry may send again; the credential removes it before sending.
			headers: { Accept: 'application/json', 'x-n8n-3cx-retried': '1' },
			json: true,
		});
		expect(authenticated[0]).toMatchObject({
			baseURL: 'https://pbx.example.com:5001/xapi/v1',
			url: '/Users',
			skipSslCertificateValidation: true,
			headers: { Accept: 'application/json', Authorization: 'Bearer eyJsecret' },
		});
	});

	test('certificates are checked unless the credential says otherwise', async () => {
		const { ctx, authenticated } = loadOptionsContext(() => ({ value: [] }));
		await searchEntities(ctx, USERS);
		expect(authenticated[0].skipSslCertificateValidation).toBeUndefined();
	});

	test('a PBX error becomes a readable node error', async () => {
		const { ctx } = loadOptionsContext(() => {
			throw Object.assign(new Error('Request failed with status code 403'), {
				response: { status: 403, data: { error: { message: 'Forbidden' } } },
			});
		});
		const error = (await searchEntities(ctx, USERS).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({ message: 'Forbidden', httpCode: '403' });
		expect(error.description).toContain('HTTP 403 from GET /Users');
	});

	test("the credential's own words survive n8n's wrapping, without the request", async () => {
		const own = Object.assign(new Error('Cannot reach the 3CX server at https://pbx.example.com:5001'), { description: 'Check Server URL' });
		const { ctx } = loadOptionsContext((request) => {
			throw new NodeApiError(NODE, Object.assign(own, { config: request }) as never);
		});
		const error = (await searchEntities(ctx, USERS).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Cannot reach the 3CX server at https://pbx.example.com:5001');
		expect(error.description).toBe('Check Server URL');
		expect(JSON.stringify({ error, cause: error.cause, response: error.errorResponse })).not.toContain('eyJsecret');
	});

	test('the node has one method per generated picker', () => {
		expect(Object.keys(listSearch)).toEqual(Object.keys(PICKERS));
		expect(PICKERS.searchUsers).toEqual(USERS);
	});
});
