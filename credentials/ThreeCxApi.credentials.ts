import { createHash } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { serverRoot } from '../nodes/ThreeCx/auth/serverUrl';
import { TokenCache } from '../nodes/ThreeCx/auth/tokenCache';
import { exchangeToken } from '../nodes/ThreeCx/auth/tokenExchange';

/** Process-wide: every execution that uses the same PBX client shares one token. */
export const threeCxTokens = new TokenCache();

function tokenKey(credentials: ICredentialDataDecryptedObject): string {
	const apiKeyDigest = createHash('sha256')
		.update(String(credentials.apiKey ?? ''))
		.digest('hex');
	return `${serverRoot(credentials.server)}|${String(credentials.clientId ?? '').trim()}|${apiKeyDigest}`;
}

export class ThreeCxApi implements ICredentialType {
	name = 'threeCxApi';

	displayName = '3CX API';

	icon = 'file:../nodes/ThreeCx/threeCx.svg' as const;

	documentationUrl = 'https://www.3cx.com/docs/configuration-rest-api/';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'server',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://pbx.example.com:5001',
			description: 'Address of the 3CX web client, with port if not 443',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of the API client created in 3CX Admin Console → Integrations → API',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'API key shown once when the API client is created',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the certificate cannot be verified, e.g. a self-signed on-premise PBX',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Called by n8n when the stored token is empty or the PBX answered 401 with it. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const accessToken = await threeCxTokens.freshToken(
			tokenKey(credentials),
			String(credentials.accessToken ?? ''),
			async () => await exchangeToken(this.helpers, credentials),
		);
		return { accessToken };
	}

	/**
	 * Sends the newest token this process knows (another execution may have refreshed it since
	 * the stored copy was read) and records it, so a 401 refreshes exactly that token.
	 * Also points node requests at `{server}/xapi/v1`: done here rather than as `requestDefaults`
	 * expressions, which n8n would evaluate for every item.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token = threeCxTokens.current(tokenKey(credentials)) ?? String(credentials.accessToken ?? '');
		credentials.accessToken = token;
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
		if (!requestOptions.baseURL && !/^https?:\/\//i.test(requestOptions.url)) {
			requestOptions.baseURL = `${serverRoot(credentials.server)}/xapi/v1`;
		}
		if (credentials.allowUnauthorizedCerts === true) requestOptions.skipSslCertificateValidation = true;
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.server.trim().replace(/\\/+$/, "").replace(/\\/xapi\\/v1$/i, "")}}/xapi/v1',
			url: '/Defs',
			qs: { $select: 'Id' },
			skipSslCertificateValidation: '={{$credentials.allowUnauthorizedCerts}}',
		},
	};
}
