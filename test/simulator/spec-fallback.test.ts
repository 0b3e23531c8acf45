import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OPERATIONS } from '../../nodes/ThreeCx/generated';
import { buildPath } from '../../nodes/ThreeCx/xapi/odata/url';
import type { XapiField } from '../../nodes/ThreeCx/xapi/types';
import { Simulator, startSimulator } from '../../simulator';
import { withSpec } from '../support/spec';
import { Client, client, specAvailable, withSim } from './helpers';

const maybe = withSpec(describe, 'the simulator tests of operations answered from the spec', specAvailable());

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
		const { SET_DEFS } = await import('../../simulator/entities/sets');
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

describe('simulator: without a spec (the committed answers)', () => {
	let emptySpecDir: string;
	let sim: Simulator;
	let c: Client;
	beforeAll(async () => {
		emptySpecDir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-spec-'));
		sim = await startSimulator({ specDir: emptySpecDir });
		c = await client(sim);
	});
	afterAll(async () => {
		await sim.close();
		fs.rmSync(emptySpecDir, { recursive: true, force: true });
	});

	it('answers every operation of the node with a plausible status, none 501 or 5xx', async () => {
		const answers: { operation: string; status: number }[] = [];
		for (const [resource, table] of Object.entries(OPERATIONS)) {
			for (const [name, op] of Object.entries(table)) {
				const values = Object.fromEntries(op.params.map((p) => [p.name, pathSample(p)]));
				const url = buildPath(op.path, op.params, values).slice(1);
				const body = op.body && op.body.kind !== 'upload' ? {} : undefined;
				const r = await c.send(op.method, url, body);
				await r.arrayBuffer();
				answers.push({ operation: `${resource}.${name} ${op.method} ${url}`, status: r.status });
			}
		}
		expect(answers.filter((a) => a.status === 501 || a.status >= 500)).toEqual([]);
		expect(answers.filter((a) => a.status < 400).length).toBeGreaterThan(answers.length * 0.9);
		expect(answers.length).toBe(Object.values(OPERATIONS).reduce((n, t) => n + Object.keys(t).length, 0));
	});

	it('answers the spec status with a schema-shaped example, like the spec would', async () => {
		const b = await c.json('Backups?$top=5');
		expect(b.status).toBe(200);
		expect(b.body['@odata.context']).toMatch(/\$metadata#Backups$/);
		expect(Object.keys(b.body.value[0])).toEqual(expect.arrayContaining(['FileName', 'Size']));
		const patch = await c.send('PATCH', 'ScheduledReports(1)', { Name: 'x' });
		expect(patch.status).toBe(204);
		expect((await c.get('Contacts/Pbx.GetContactsByNumber(number=123)')).status).toBe(500);
		expect((await c.get("Contacts/Pbx.GetContactsByNumber(number='123')")).status).toBe(200);
		expect((await c.get('NoSuchSet')).status).toBe(404);
		expect((await c.send('PUT', 'Backups')).status).toBe(405);
	});

	it('gives report functions seeded rows and their CSV twins, and files', async () => {
		const cb = await c.json("ReportQueueCallbacks/Pbx.GetQueueCallbacksData(queueDnStr='800',startDt=2025-03-01T00:00:00Z,endDt=2025-03-31T00:00:00Z)?$count=true");
		expect(cb.status).toBe(200);
		expect(cb.body['@odata.count']).toBeGreaterThan(1);
		const csv = await c.get("ReportQueueCallbacks/Pbx.DownloadQueueCallbacks(queueDnStr='800',startDt=2025-03-01T00:00:00Z,endDt=2025-03-31T00:00:00Z)");
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		expect((await c.get('swagger.yaml')).status).toBe(404);
		expect((await c.json('Users?$top=1')).status).toBe(200);
	});
});

/** A path or function parameter value of the parameter's type, as a user would enter it. */
function pathSample(field: XapiField): unknown {
	switch (field.type) {
		case 'int32':
		case 'int64':
			return 1;
		case 'number':
			return 1.5;
		case 'boolean':
			return false;
		case 'dateTime':
			return '2025-03-01T00:00:00Z';
		case 'date':
			return '2025-03-01';
		case 'guid':
			return '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
		case 'enum':
			return field.enumValues?.[0];
		case 'interval':
			return '0:30:00';
		case 'duration':
			return 'PT1H';
		case 'timeOfDay':
			return '08:30:00';
		default:
			return field.name === 'Number' ? '100' : 'x';
	}
}
