/** Files: recordings and greetings (WAV), exports (CSV, XML), Custom Prompts upload, list and delete. */
import { parseMultipart } from '../http/multipart';
import type { XapiRequest } from '../http/request';
import { send, sendCollection, sendCsv, sendFile } from '../http/response';
import { ODataError, notFound } from '../odata/errors';
import { CallSegment, parseLiteral } from '../odata/literals';
import { Row, applyQuery, contextUrl, parseQueryOptions } from '../odata/query';
import { wav } from '../seed/wav';
import type { SpecOp } from '../spec';
import { Pbx, functionArgs } from './context';
import { keyOf } from './entities';

/** First id of the recordings the call log's RecordingUrl points at (10 000 + row index). */
const CALL_LOG_RECORDINGS = 10_000;

/** The modelled file functions; true when this was one of them. */
export async function fileFunction(pbx: Pbx, c: XapiRequest, setName: string, key: CallSegment | undefined, call: CallSegment): Promise<boolean> {
	const stopped = () => pbx.isClosed();
	if (!key && setName === 'Recordings' && call.name === 'Pbx.DownloadRecording') {
		const id = functionArgs(c, call, [{ name: 'recId', kind: 'int' }]).recId as number;
		const known = pbx.store.get('Recordings')!.rows.has(id) || (id >= CALL_LOG_RECORDINGS && id < CALL_LOG_RECORDINGS + pbx.reports.callLogRows);
		if (!known) throw notFound('Recordings', id);
		sendFile(c.res, 'audio/x-wav', `recording_${id}.wav`, wav(id, 1));
		return true;
	}
	if (!key && setName === 'Users' && call.name === 'Pbx.DownloadGreeting') {
		const { userId, fileName } = functionArgs(c, call, [{ name: 'userId', kind: 'int' }, { name: 'fileName', kind: 'string' }]);
		pbx.store.find('Users', userId as number);
		const name = String(fileName ?? 'greeting.wav').split('/').pop() || 'greeting.wav';
		sendFile(c.res, 'audio/x-wav', name, wav(userId as number));
		return true;
	}
	if (!key && setName === 'Users' && call.name === 'Pbx.ExportExtensions') {
		functionArgs(c, call, []);
		const cols = ['Number', 'FirstName', 'LastName', 'EmailAddress', 'Mobile', 'OutboundCallerID', 'Language', 'Enabled'];
		await sendCsv(c.res, 'extensions.csv', cols, pbx.store.get('Users')!.rows.values(), stopped);
		return true;
	}
	if (key && setName === 'Trunks' && call.name === 'Pbx.ExportTrunk') {
		functionArgs(c, call, []);
		const t = pbx.store.find('Trunks', keyOf(pbx, pbx.store.get('Trunks')!, key));
		const gw = t.Gateway as Row;
		const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Trunk Number="${t.Number}">\n  <Name>${String(gw.Name)}</Name>\n  <Host>${String(gw.Host)}</Host>\n  <Port>${String(gw.Port)}</Port>\n  <SimultaneousCalls>${String(t.SimultaneousCalls)}</SimultaneousCalls>\n</Trunk>\n`;
		sendFile(c.res, 'application/xml', `trunk_${t.Number}.xml`, xml);
		return true;
	}
	if (!key && setName === 'CallCostSettings' && call.name === 'Pbx.ExportCallCosts') {
		functionArgs(c, call, []);
		const rows = ['44', '49', '1', '33', '61'].map((p, i) => ({ Prefix: `00${p}`, Description: ['United Kingdom', 'Germany', 'USA', 'France', 'Australia'][i], Rate: (0.02 + i * 0.01).toFixed(2), Interval: 60 }));
		await sendCsv(c.res, 'callcosts.csv', ['Prefix', 'Description', 'Rate', 'Interval'], rows, stopped);
		return true;
	}
	if (!key && (setName === 'CallHistoryView' || setName === 'EventLogs') && /^Pbx\.Download(CallHistory|EventLogs)$/.test(call.name)) {
		functionArgs(c, call, []);
		const set = pbx.store.get(setName)!;
		const q = parseQueryOptions(c.query, set.def.type, set.props, set.nav);
		const { value } = applyQuery(set.rows.values(), q, set.nav);
		await sendCsv(c.res, setName === 'EventLogs' ? 'EventLogs.csv' : 'CallHistory.csv', q.select ?? [...set.props], value, stopped);
		return true;
	}
	return false;
}

/** A file-typed (`Pbx.IActionResult`) operation the simulator does not model: a small file of a fitting type. */
export function genericFile(c: XapiRequest, op: SpecOp, fnName: string): void {
	if (op.method !== 'GET') return send(c.res, 204);
	if (/Recording|Greeting|Playlist|Prompt|Audio/i.test(fnName)) return sendFile(c.res, 'audio/x-wav', `${fnName}.wav`, wav(fnName.length));
	if (/^Export/.test(fnName)) return sendFile(c.res, 'text/csv; charset=utf-8', `${fnName.replace(/^Export/, '')}.csv`, 'Id,Name\r\n1,Example\r\n');
	return sendFile(c.res, 'application/octet-stream', `${fnName || 'file'}.bin`, Buffer.from(`simulated ${op.operationId}\n`));
}

const PROMPT_PROPS = ['CanBeDeleted', 'DisplayName', 'FileLink', 'Filename', 'PromptType'];

/** `POST /customPrompts` (multipart, part `file`): stored under Custom/GRP0002/, replacing one of the same name. */
export function uploadPrompt(pbx: Pbx, c: XapiRequest): void {
	const parts = parseMultipart(c.req.headers['content-type'], c.body ?? Buffer.alloc(0));
	if (!parts) throw new ODataError(400, 'The request must be multipart/form-data with a part named "file".');
	const file = parts.find((p) => p.name === 'file');
	if (!file) throw new ODataError(400, 'The multipart body has no part named "file".');
	const name = (file.filename ?? 'prompt.wav').split(/[\\/]/).pop() || 'prompt.wav';
	const path = `Custom/GRP0002/${name}`;
	const existing = pbx.prompts.findIndex((p) => p.Filename === name);
	const row = { CanBeDeleted: true, DisplayName: name.replace(/\.[^.]+$/, ''), FileLink: path, Filename: name, PromptType: 'File' };
	if (existing >= 0) pbx.prompts[existing] = row;
	else pbx.prompts.push(row);
	send(c.res, 200, { '@odata.context': contextUrl(pbx.baseUrl, 'Edm.String'), value: path });
}

/** `GET /CustomPrompts` and `DELETE /CustomPrompts('name.wav')`. */
export function customPrompts(pbx: Pbx, c: XapiRequest, key: CallSegment | undefined): void {
	if (!key && c.method === 'GET') {
		const q = parseQueryOptions(c.query, 'Pbx.CustomPrompt', new Set(PROMPT_PROPS), new Set());
		return sendCollection(c.res, contextUrl(pbx.baseUrl, 'CustomPrompts'), applyQuery(pbx.prompts, q), q.count);
	}
	if (key && c.method === 'DELETE' && key.args.length === 1) {
		const lit = parseLiteral(key.args[0].raw);
		if (lit.kind !== 'string') throw new ODataError(400, `The key value '${key.args[0].raw}' is not valid for type 'Edm.String'.`);
		const i = pbx.prompts.findIndex((p) => p.Filename === lit.value);
		if (i < 0) throw notFound('CustomPrompts', lit.value);
		pbx.prompts.splice(i, 1);
		return send(c.res, 204);
	}
	throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on 'CustomPrompts'.`);
}
