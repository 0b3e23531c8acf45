import { performance } from 'perf_hooks';
import { startSimulator } from '../../simulator';
import { callLogUrl, client, withSim } from './helpers';

describe('simulator: knobs', () => {
	it('injects faults on matching requests only, the given number of times', async () => {
		const { sim, c } = await withSim();
		try {
			sim.inject({ status: 504, times: 2, match: /GetCallLogData/ });
			expect((await c.get('Users?$top=1')).status).toBe(200);
			const f1 = await c.json(callLogUrl());
			expect(f1.status).toBe(504);
			expect(f1.body.error.message).toContain('504');
			expect((await c.get(callLogUrl())).status).toBe(504);
			expect((await c.get(`${callLogUrl()}?$top=1`)).status).toBe(200);

			sim.inject({ status: 503, body: { custom: true } });
			const f2 = await c.json('Users?$top=1');
			expect(f2.status).toBe(503);
			expect(f2.body).toEqual({ custom: true });
			expect((await c.get('Users?$top=1')).status).toBe(200);

			sim.inject({ status: 500, match: /connect\/token/ });
			expect((await fetch(`${sim.url}/connect/token`, { method: 'POST' })).status).toBe(500);
		} finally {
			await sim.close();
		}
	});

	it('adds latency to /xapi responses', async () => {
		const sim = await startSimulator({ latencyMs: 150 });
		try {
			const c = await client(sim);
			let t0 = performance.now();
			await (await c.get('Users?$top=1')).text();
			expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
			sim.setLatency(0);
			t0 = performance.now();
			await (await c.get('Users?$top=1')).text();
			expect(performance.now() - t0).toBeLessThan(140);
		} finally {
			await sim.close();
		}
	});

	it('keeps request stats in a bounded ring and resets them', async () => {
		const { sim, c } = await withSim();
		try {
			await c.get('Users?$top=1');
			await c.get('Nope(');
			const last = sim.stats.requests[sim.stats.requests.length - 1];
			expect(sim.stats.requests.map((r) => r.path)).toContain('/xapi/v1/Users');
			expect(last).toMatchObject({ method: 'GET', rawUrl: '/xapi/v1/Nope(' });
			expect(sim.stats.apiRequests).toBe(2);
			expect(sim.stats.tokenRequests).toBe(1);
			let sent = 0;
			await Promise.all(
				Array.from({ length: 16 }, async () => {
					while (sent < 2100) {
						sent++;
						await (await c.get('Defs?$select=Id')).arrayBuffer();
					}
				}),
			);
			expect(sim.stats.requests.length).toBe(2000);
			sim.resetStats();
			expect(sim.stats).toMatchObject({ tokenRequests: 0, apiRequests: 0, unauthorized: 0, requests: [] });
		} finally {
			await sim.close();
		}
	});

	it('starts fast and closes with requests in flight', async () => {
		const t0 = performance.now();
		const sim = await startSimulator({ users: 1000, contacts: 1000 });
		expect(performance.now() - t0).toBeLessThan(2000);
		const c = await client(sim);
		sim.setLatency(5000);
		const pending = c.get('Users').catch(() => undefined);
		await new Promise((r) => setTimeout(r, 50));
		await sim.close();
		await pending;
	});

	it('listens on 127.0.0.1 only', async () => {
		await expect(startSimulator({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1/);
	});
});
