import { startSimulator } from '../../simulator';
import { client, getToken } from './helpers';

describe('simulator: /connect/token', () => {
	it('issues a JWT-shaped bearer; a second token invalidates the first', async () => {
		const sim = await startSimulator();
		try {
			const r1 = await getToken(sim);
			expect(r1.status).toBe(200);
			const t1 = (await r1.json()) as Record<string, unknown>;
			expect(t1).toMatchObject({ token_type: 'Bearer', expires_in: 3600, refresh_token: null });
			const parts = String(t1.access_token).split('.');
			expect(parts).toHaveLength(3);
			const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
			expect(claims.exp - claims.iat).toBeGreaterThanOrEqual(3600);

			const h1 = { Authorization: `Bearer ${t1.access_token}` };
			expect((await fetch(`${sim.url}/xapi/v1/Defs?$select=Id`, { headers: h1 })).status).toBe(200);

			const t2 = (await (await getToken(sim)).json()) as Record<string, unknown>;
			expect(t2.access_token).not.toBe(t1.access_token);
			expect((await fetch(`${sim.url}/xapi/v1/Defs?$select=Id`, { headers: h1 })).status).toBe(401);
			const ok = await fetch(`${sim.url}/xapi/v1/Defs?$select=Id`, { headers: { Authorization: `Bearer ${t2.access_token}` } });
			expect(ok.status).toBe(200);
			expect(ok.headers.get('x-3cx-version')).toMatch(/^20\.0\.10\./);
			expect(sim.stats.tokenRequests).toBe(2);
			expect(sim.stats.unauthorized).toBe(1);
		} finally {
			await sim.close();
		}
	});

	it('rejects bad credentials with the OAuth error body and counts them', async () => {
		const sim = await startSimulator({ clientId: 'api', apiKey: 'k' });
		try {
			const r = await getToken(sim, 'wrong');
			expect(r.status).toBe(401);
			expect(await r.json()).toMatchObject({ error: 'unauthorized', error_description: expect.any(String) });
			expect(sim.stats.failedTokenRequests).toBe(1);
			const g = await fetch(`${sim.url}/connect/token`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: 'client_id=api&client_secret=k&grant_type=password',
			});
			expect(g.status).toBe(400);
		} finally {
			await sim.close();
		}
	});

	it('answers 401 without, with a garbage, with an expired or invalidated bearer', async () => {
		const sim = await startSimulator({ tokenLifetimeSeconds: 1 });
		try {
			expect((await fetch(`${sim.url}/xapi/v1/Users`)).status).toBe(401);
			expect((await fetch(`${sim.url}/xapi/v1/Users`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
			const c = await client(sim);
			expect((await c.get('Users?$top=1')).status).toBe(200);
			await new Promise((r) => setTimeout(r, 1100));
			const stale = await c.get('Users?$top=1');
			expect(stale.status).toBe(401);
			expect(stale.headers.get('www-authenticate')).toMatch(/^Bearer/);

			const c2 = await client(sim);
			expect((await c2.get('Users?$top=1')).status).toBe(200);
			sim.invalidateTokens();
			expect((await c2.get('Users?$top=1')).status).toBe(401);
		} finally {
			await sim.close();
		}
	});

	it('reports expires_in in minutes for 20.0.8-style PBXes', async () => {
		const sim = await startSimulator({ expiresInUnit: 'minutes', tokenLifetimeSeconds: 3600, version: '20.0.8.1000' });
		try {
			const body = (await (await getToken(sim)).json()) as Record<string, unknown>;
			expect(body.expires_in).toBe(60);
			const c = await client(sim);
			expect((await c.get('Defs?$select=Id')).headers.get('x-3cx-version')).toBe('20.0.8.1000');
		} finally {
			await sim.close();
		}
	});
});
