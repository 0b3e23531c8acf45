/**
 * Which route answers an authorised /xapi/v1 request. The order matters: modelled report and
 * file functions first, then the entity sets, and whatever is left is answered from the spec.
 */
import { SET_DEFS } from '../entities/sets';
import type { XapiRequest } from '../http/request';
import { ODataError } from '../odata/errors';
import { parseCallSegment } from '../odata/literals';
import { findReport } from '../reports';
import type { Pbx } from './context';
import { collection, defs, dropCall, entity, firstAvailableNumber, initTemplate, navigation } from './entities';
import { customPrompts, fileFunction, uploadPrompt } from './files';
import { liveReport } from './live';
import { modelledReport } from './reports';
import { fromSpec, serveSpecFile } from './spec';

export async function route(pbx: Pbx, c: XapiRequest): Promise<void> {
	const [s0, s1] = c.segments;
	const n = c.segments.length;
	if (n === 0) throw new ODataError(404, 'No HTTP resource was found that matches the request URI.');
	const call0 = parseCallSegment(s0);
	const setName = call0 ? call0.name : s0;

	if (n === 1 && s0 === 'swagger.yaml' && c.method === 'GET') return serveSpecFile(pbx, c);
	if (n === 1 && s0.toLowerCase() === 'customprompts' && c.method === 'POST') return uploadPrompt(pbx, c);
	if (setName === 'CustomPrompts' && n === 1) return customPrompts(pbx, c, call0);
	if (n === 1 && s0 === 'Defs' && c.method === 'GET') return defs(pbx, c);

	const call1 = n === 2 ? parseCallSegment(s1) : undefined;
	if (call1 && s0.startsWith('Report') && (await liveReport(pbx, c, s0, call1))) return;
	if (call1 && s0.startsWith('Report')) {
		const def = findReport(s0, call1.name);
		if (def) return modelledReport(pbx, c, def, call1);
	}
	if (call1 && (await fileFunction(pbx, c, setName, call0, call1))) return;

	const set = SET_DEFS[setName] ? pbx.store.get(setName) : undefined;
	if (set) {
		if (n === 1 && !call0) return collection(pbx, c, set);
		if (n === 1 && call0) return entity(pbx, c, set, call0);
		if (n === 2 && call0 && !s1.includes('.') && !s1.includes('(') && set.nav.has(s1)) return navigation(pbx, c, set, call0, s1);
		if (n === 2 && !call0 && setName === 'Users' && s1 === 'Pbx.GetFirstAvailableExtensionNumber()' && c.method === 'GET') return firstAvailableNumber(pbx, c);
		if (n === 2 && call0 && setName === 'ActiveCalls' && s1 === 'Pbx.DropCall' && c.method === 'POST') return dropCall(pbx, c, set, call0);
		if (n === 2 && !call0 && call1 && initTemplate(pbx, c, set, call1)) return;
	}
	return fromSpec(pbx, c);
}
