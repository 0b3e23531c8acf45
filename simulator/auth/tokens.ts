/**
 * The PBX's client-credentials flow (NOTES.md, Authentication): `POST /connect/token` issues an
 * HS256 JWT, only one token per client is valid (a new one kills the previous), and /xapi needs
 * the current, unexpired one as a bearer.
 */
import * as crypto from 'crypto';
import type * as http from 'http';
import type { SimulatorStats } from '../api';
import { readBody } from '../http/request';
import { send } from '../http/response';

export interface TokenSettings {
	clientId: string;
	apiKey: string;
	lifetimeMs: number;
	/** 'minutes' as 20.0.8 and older answer `expires_in` */
	expiresInUnit: 'seconds' | 'minutes';
}

function b64url(x: Buffer | string): string {
	return Buffer.from(x).toString('base64url');
}

export class TokenIssuer {
	private readonly signingKey = crypto.randomBytes(32);
	private readonly current = new Map<string, { token: string; expMs: number }>();

	constructor(
		private readonly settings: TokenSettings,
		private readonly stats: SimulatorStats,
		/** the `iss` claim: the server's base URL, known once it listens */
		private readonly issuer: () => string,
	) {}

	/** The `/connect/token` endpoint. */
	async answer(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
		this.stats.tokenRequests++;
		const raw = (await readBody(req)).toString('utf8');
		if (method !== 'POST') {
			this.stats.failedTokenRequests++;
			return send(res, 405, { error: 'invalid_request', error_description: 'Use POST' });
		}
		const form = new URLSearchParams(raw);
		const id = form.get('client_id');
		const secret = form.get('client_secret');
		const grant = form.get('grant_type');
		if (grant !== 'client_credentials') {
			this.stats.failedTokenRequests++;
			return send(res, 400, { error: 'unsupported_grant_type', error_description: `The grant type '${grant ?? ''}' is not supported.` });
		}
		if (id !== this.settings.clientId || secret !== this.settings.apiKey) {
			this.stats.failedTokenRequests++;
			return send(res, 401, { error: 'unauthorized', error_description: 'The client credentials are invalid (client_id or client_secret).' });
		}
		const token = this.issue(id);
		const lifetimeS = this.settings.lifetimeMs / 1000;
		const expiresIn = this.settings.expiresInUnit === 'minutes' ? Math.round(lifetimeS / 60) : Math.round(lifetimeS);
		send(res, 200, { token_type: 'Bearer', expires_in: expiresIn, access_token: token, refresh_token: null }, { 'Cache-Control': 'no-store' });
	}

	/** Does the request carry the client's current, unexpired token? */
	authorized(req: http.IncomingMessage): boolean {
		const h = req.headers.authorization;
		const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
		if (!m) return false;
		const token = m[1];
		const parts = token.split('.');
		if (parts.length !== 3) return false;
		let clientId: string;
		try {
			clientId = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')).client_id;
		} catch {
			return false;
		}
		const cur = this.current.get(clientId);
		return !!cur && cur.token === token && Date.now() < cur.expMs;
	}

	/** Like another client taking the token: the current token stops working. */
	invalidateAll(): void {
		this.current.clear();
	}

	private issue(clientId: string): string {
		const now = Date.now();
		const expMs = now + this.settings.lifetimeMs;
		const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
		const payload = b64url(
			JSON.stringify({
				iss: this.issuer(),
				aud: 'xapi',
				client_id: clientId,
				sub: clientId,
				jti: crypto.randomUUID(),
				iat: Math.floor(now / 1000),
				nbf: Math.floor(now / 1000),
				exp: Math.ceil(expMs / 1000),
			}),
		);
		const sig = b64url(crypto.createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest());
		const token = `${header}.${payload}.${sig}`;
		this.current.set(clientId, { token, expMs }); // one valid token per client: the previous one dies
		return token;
	}
}
