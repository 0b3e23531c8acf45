import { Simulator } from '../../simulator';
import { Client, withSim } from './helpers';

function checkWav(buf: Buffer): void {
	expect(buf.subarray(0, 4).toString('ascii')).toBe('RIFF');
	expect(buf.subarray(8, 12).toString('ascii')).toBe('WAVE');
	expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
	expect(buf.readUInt32LE(40)).toBe(buf.length - 44);
}

describe('simulator: files', () => {
	let sim: Simulator;
	let c: Client;
	beforeAll(async () => {
		({ sim, c } = await withSim());
	});
	afterAll(() => sim.close());

	it('DownloadRecording answers audio/x-wav for a known recording, 404 otherwise', async () => {
		const list = await c.json('Recordings?$top=1');
		const id = list.body.value[0].Id;
		const r = await c.get(`Recordings/Pbx.DownloadRecording(recId=${id})`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('audio/x-wav');
		expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.wav"$/);
		checkWav(Buffer.from(await r.arrayBuffer()));
		expect((await c.get('Recordings/Pbx.DownloadRecording(recId=1)')).status).toBe(404);
		expect((await c.get("Recordings/Pbx.DownloadRecording(recId='1')")).status).toBe(500);
		expect((await c.get('Recordings/Pbx.DownloadRecording(id=1)')).status).toBe(404);
	});

	it('DownloadGreeting, ExportTrunk, ExportCallCosts, ExportExtensions answer files', async () => {
		const g = await c.get("Users/Pbx.DownloadGreeting(userId=1,fileName='vm_greeting_100.wav')");
		expect(g.status).toBe(200);
		expect(g.headers.get('content-type')).toBe('audio/x-wav');
		checkWav(Buffer.from(await g.arrayBuffer()));
		const trunks = await c.json('Trunks?$select=Id');
		const t = await c.get(`Trunks(${trunks.body.value[0].Id})/Pbx.ExportTrunk()`);
		expect(t.status).toBe(200);
		expect(t.headers.get('content-type')).toBe('application/xml');
		expect(await t.text()).toContain('<Trunk');
		const cc = await c.get('CallCostSettings/Pbx.ExportCallCosts()');
		expect(cc.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(cc.headers.get('content-disposition')).toContain('attachment');
		const ex = await c.get('Users/Pbx.ExportExtensions()');
		expect((await ex.text()).trimEnd().split('\r\n')).toHaveLength(41);
		const ev = await c.get('EventLogs/Pbx.DownloadEventLogs()');
		expect(ev.headers.get('content-type')).toMatch(/^text\/csv/);
	});

	it('accepts a multipart custom prompt upload', async () => {
		const form = new FormData();
		form.append('file', new Blob([Buffer.from('RIFF....WAVE')], { type: 'audio/wav' }), 'hello.wav');
		const r = await c.get('customPrompts', { method: 'POST', body: form });
		expect(r.status).toBe(200);
		expect(await r.json()).toMatchObject({ value: 'Custom/GRP0002/hello.wav' });
		const list = await c.json('CustomPrompts');
		expect(list.body.value.map((p: { Filename: string }) => p.Filename)).toContain('hello.wav');

		const noFile = new FormData();
		noFile.append('other', 'x');
		expect((await c.get('customPrompts', { method: 'POST', body: noFile })).status).toBe(400);
		const notMultipart = await c.get('customPrompts', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } });
		expect(notMultipart.status).toBe(400);
		expect((await c.get("CustomPrompts('hello.wav')", { method: 'DELETE' })).status).toBe(204);
	});
});
