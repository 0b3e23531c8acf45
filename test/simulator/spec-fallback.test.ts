import { startSimulator } from '../../simulator';
import { client, specAvailable, withSim } from './helpers';

const maybe = specAvailable() ? describe : describe.skip;

maybe('simulator: operations answered from the spec', () => {
	it('answers unmodelled operations with a schema-shaped example and the spec status', async () => {
		const { sim, c } = await withSim();
		try {
			const b = await c.json('Backups?$top=5');
			expect(b.status).toBe(200);
			expect(Array.isArray(b.body.value)).toBe(true);
			expect(b.body['@odata.context']).toMatch(/\$metadata#Backups$/);
			expect(Object.keys(b.body.value[0])).toEqual(expect.arrayContaining(['FileName', 'Size']));

			const fn = await c.json('Users/Pbx.GetFirstAvailableExtensionNumber()');
			expect(fn.status).toBe(200);

			// PATCH on an unmodelled entity: 204 without a body
			const patch = await c.send('PATCH', 'ScheduledReports(1)', { Name: 'x' });
			expect(patch.status).toBe(204);
			expect(await patch.text()).toBe('');

			// function parameters are strict there too
			expect((await c.get('Contacts/Pbx.GetContactsByNumber(number=123)')).status).toBe(500);
			expect((await c.get("Contacts/Pbx.GetContactsByNumber(number='123')")).status).toBe(200);
			expect((await c.get('Contacts/Pbx.GetContactsByNumber()')).status).toBe(404);

			// unknown path 404, wrong method 405
			expect((await c.get('NoSuchSet')).status).toBe(404);
			expect((await c.send('PUT', 'Backups')).status).toBe(405);

			// other report functions: seeded rows, CSV twins
			const cb = await c.json("ReportQueueCallbacks/Pbx.GetQueueCallbacksData(queueDnStr='800',startDt=2025-03-01T00:00:00Z,endDt=2025-03-31T00:00:00Z)?$count=true");
			expect(cb.status).toBe(200);
			expect(cb.body['@odata.count']).toBeGreaterThan(1);
			const csv = await c.get("ReportQueueCallbacks/Pbx.DownloadQueueCallbacks(queueDnStr='800',startDt=2025-03-01T00:00:00Z,endDt=2025-03-31T00:00:00Z)");
			expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
			expect((await c.get("ReportQueueCallbacks/Pbx.GetQueueCallbacksData(queueDnStr='800',startDt=2025-03-01,endDt=2025-03-31T00:00:00Z)")).status).toBe(500);

			const y = await c.get('swagger.yaml');
			expect(y.status).toBe(200);
			expect((await y.text()).startsWith('openapi:')).toBe(true);
		} finally {
			await sim.close();
		}
	});

	it('uses the property names of the spec schemas for the modelled entity sets', async () => {
		const { SET_DEFS } = await import('../../simulator/entities');
		const { loadSpec, specDir, specFile } = await import('../../simulator/spec');
		const spec = await loadSpec(specFile(specDir(), '20.0.10')!);
		for (const def of Object.values(SET_DEFS)) {
			const specProps = spec.schemaProps({ $ref: `#/components/schemas/${def.type}` }).map((p) => p.name);
			const ours = Object.keys(def.template(1)).filter((k) => !def.nav.includes(k));
			expect({ set: def.name, extra: ours.filter((k) => !specProps.includes(k)) }).toEqual({ set: def.name, extra: [] });
			expect({ set: def.name, missing: specProps.filter((k) => !ours.includes(k)) }).toEqual({ set: def.name, missing: [] });
		}
	});

	it('can exercise every GET operation of the spec without a 5xx', async () => {
		const { sim, c } = await withSim();
		try {
			const YAML = await import('yaml');
			const fs = await import('fs');
			const { specDir, specFile } = await import('../../simulator');
			const doc = YAML.parse(fs.readFileSync(specFile(specDir())!, 'utf8'));
			const sample = (p: { name: string; schema?: { type?: string; format?: string } }) => {
				const s = p.schema ?? {};
				if (s.type === 'integer') return '1';
				if (s.type === 'boolean') return 'false';
				if (s.format === 'date-time') return '2025-03-01T00:00:00Z';
				if (s.format === 'uuid') return '00000000-0000-0000-0000-000000000001';
				if (p.name === 'Number') return "'100'";
				return "'x'";
			};
			let n = 0;
			const bad: string[] = [];
			for (const [tpl, item] of Object.entries<any>(doc.paths)) { // eslint-disable-line @typescript-eslint/no-explicit-any
				if (!item.get) continue;
				const params = new Map<string, string>();
				for (const p of item.get.parameters ?? []) if (p.in === 'path') params.set(p.name, sample(p));
				const url = tpl.slice(1).replace(/\{([^}]+)\}/g, (_m, k: string) => encodeURIComponent(params.get(k) ?? "'x'"));
				const r = await c.get(url);
				await r.arrayBuffer();
				n++;
				if (r.status >= 500 || r.status === 405) bad.push(`${r.status} ${tpl}`);
			}
			expect(n).toBeGreaterThan(250);
			expect(bad).toEqual([]);
		} finally {
			await sim.close();
		}
	});
});

describe('simulator: without a spec', () => {
	it('answers unmodelled operations 501 but modelled ones normally', async () => {
		const sim = await startSimulator({ specDir: '/nonexistent/spec-dir' });
		try {
			const c = await client(sim);
			const r = await c.json('Backups');
			expect(r.status).toBe(501);
			expect(r.body.error.message).toContain('spec');
			expect((await c.json('Users?$top=1')).status).toBe(200);
		} finally {
			await sim.close();
		}
	});
});
