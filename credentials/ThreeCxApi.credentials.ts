import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { bearerFor, renewFor } from '../nodes/ThreeCx/auth/credentialToken';
import { serverRoot } from '../nodes/ThreeCx/auth/serverUrl';

export class ThreeCxApi implements ICredentialType {
	name = 'threeCxApi';

	displayName = '3CX API';

	icon = { light: 'file:../nodes/ThreeCx/threeCx.light.svg', dark: 'file:../nodes/ThreeCx/threeCx.dark.svg' } as const;

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
			// Not `allowUnauthorizedCerts`: n8n's scanner wants `password: true` on any name containing
			// "cert", which would hide an on/off switch as a secret. n8n's Elasticsearch uses this name.
			name: 'ignoreSSLIssues',
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
		{
			// Stored with each token: how long its fetch took, so other n8n processes (queue mode) wait
			// long enough for the next one before fetching their own (see auth/tokenCache.ts).
			displayName: 'Renewal Span (Ms)',
			name: 'renewalSpanMs',
			type: 'hidden',
			default: 0,
		},
	];

	/**
	 * Called by n8n when the stored token is empty or the PBX answered 401 with it. Returns a
	 * token for n8n to store only when it fetched one, else a newer token is already stored or
	 * known (see auth/tokenCache.ts: the token stored in the credential is shared by every n8n
	 * process, queue-mode workers included).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await renewFor(this.helpers, credentials);
	}

	/**
	 * Sends the stored token n8n just read, unless this process saw the PBX reject it, then the
	 * newest token it knows. Also points node requests at `{server}/xapi/v1`: done here rather
	 * than as `requestDefaults` expressions, which n8n would evaluate for every item.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token = bearerFor(credentials, requestOptions);
		// No token yet: sent without one, the PBX's 401 makes n8n ask preAuthentication for one.
		if (token) requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
		if (!requestOptions.baseURL && !/^https?:\/\//i.test(requestOptions.url)) {
			requestOptions.baseURL = `${serverRoot(credentials.server)}/xapi/v1`;
		}
		if (credentials.ignoreSSLIssues === true) requestOptions.skipSslCertificateValidation = true;
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.server.trim().replace(/\\/+$/, "").replace(/\\/xapi\\/v1$/i, "")}}/xapi/v1',
			url: '/Defs',
			qs: { $select: 'Id' },
			skipSslCertificateValidation: '={{$credentials.ignoreSSLIssues}}',
		},
	};
}
