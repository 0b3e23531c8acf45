/**
 * Everything not modelled by hand is answered from the OpenAPI spec: matched against its paths,
 * then the spec's success status with a sampled example, seeded report rows, or a file. Without
 * the spec, the committed answers sampled from it at generate time (simulator/samples.ts) stand in.
 */
import * as fs from 'fs';
import { XapiRequest, jsonBody } from '../http/request';
import { send } from '../http/response';
import { ODataError } from '../odata/errors';
import { Row, contextUrl } from '../odata/query';
import { schemaSource } from '../seed/reports';
import { loadSamples } from '../samples';
import { AnswerIndex, loadSpec, reportFunction, specFile } from '../spec';
import type { Pbx } from './context';
import { genericFile } from './files';
import { answerReport } from './reports';

/** The spec of the simulated version when there is one, else the committed answers. */
async function answers(pbx: Pbx): Promise<AnswerIndex | undefined> {
	const file = specFile(pbx.specDirectory, pbx.version);
	return file ? loadSpec(file) : loadSamples();
}

/** `GET /swagger.yaml`: the spec file of the simulated version. */
export async function serveSpecFile(pbx: Pbx, c: XapiRequest): Promise<void> {
	const file = specFile(pbx.specDirectory, pbx.version);
	if (!file) throw new ODataError(404, 'swagger.yaml is not available (spec folder not found).');
	const data = await fs.promises.readFile(file);
	c.res.writeHead(200, { 'Content-Type': 'application/yaml; charset=utf-8', 'Content-Length': String(data.length) });
	c.res.end(data);
}

export async function fromSpec(pbx: Pbx, c: XapiRequest): Promise<void> {
	const index = await answers(pbx);
	if (!index) throw new ODataError(501, `The simulator does not model '${c.method} /xapi/v1/${c.segments.join('/')}': no spec in ${pbx.specDirectory} (set THREECX_XAPI_SPEC_DIR) and no simulator/generated/answers.json (npm run generate).`);
	if (pbx.isClosed()) return;
	const { op, args } = index.match(c.method, c.segments);
	const last = op.segs[op.segs.length - 1].name;
	const fnName = last.startsWith('Pbx.') ? last.slice(4) : '';
	if (reportFunction(op)) {
		const item = index.reportItem(op);
		if (item) {
			const src = schemaSource(item.type, item.props, `${c.segments[0]}/${fnName}`, args, pbx.reports);
			return answerReport(pbx, c, src, fnName.startsWith('Download') ? fnName.replace(/^Download(Get)?/, '') : undefined);
		}
	}
	if (index.isActionResult(op)) return genericFile(c, op, fnName);
	// A required body must be there (else 400 "The request body is empty"); any JSON body must parse.
	if (index.bodyRequired(op) || (c.body?.length && /json/i.test(c.req.headers['content-type'] ?? ''))) jsonBody(c);
	const r = index.respond(op);
	if (r.status === 204 || r.body === undefined) return send(c.res, r.status === 200 ? 204 : r.status);
	let body = r.body;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const b: Row = 'value' in (body as Row) || '@odata.context' in (body as Row) ? { '@odata.context': contextUrl(pbx.baseUrl, c.segments[0].split('(')[0]) } : {};
		for (const [k, v] of Object.entries(body as Row)) if (k !== '@odata.context') b[k] = v;
		if ('@odata.count' in b && c.query.get('$count') !== 'true') delete b['@odata.count'];
		if ('@odata.nextLink' in b) delete b['@odata.nextLink'];
		body = b;
	}
	send(c.res, r.status, body);
}
