/** The modelled entity sets: collections, single entities by key or alternate key, navigation, Defs. */
import type { EntitySet } from '../entities/sets';
import { XapiRequest, jsonBody } from '../http/request';
import { send, sendCollection } from '../http/response';
import { ODataError, notFound } from '../odata/errors';
import { CallSegment, parseLiteral } from '../odata/literals';
import { QueryOptions, Row, applyQuery, contextUrl, parseQueryOptions, project } from '../odata/query';
import type { Pbx } from './context';

function queryFor(c: XapiRequest, set: EntitySet, capped: boolean): QueryOptions {
	return parseQueryOptions(c.query, set.def.type, set.props, set.nav, capped ? set.def.topCap : undefined);
}

/** `GET /Defs?$select=Id`: the credential test. */
export function defs(pbx: Pbx, c: XapiRequest): void {
	const q = parseQueryOptions(c.query, 'Pbx.Defs', new Set(['Id']), new Set(['Codecs', 'GatewayParameters', 'GatewayParameterValues', 'TimeZones']));
	send(c.res, 200, { '@odata.context': contextUrl(pbx.baseUrl, 'Defs', q), Id: 1 });
}

/** `GET /Set` (query options, `$top` cap) and `POST /Set` (201 with Location). */
export function collection(pbx: Pbx, c: XapiRequest, set: EntitySet): void {
	if (c.method === 'GET') {
		const q = queryFor(c, set, true);
		return sendCollection(c.res, contextUrl(pbx.baseUrl, set.def.name, q), applyQuery(set.rows.values(), q, set.nav), q.count);
	}
	if (c.method === 'POST' && set.def.writable) {
		const row = pbx.store.create(set.def.name, jsonBody(c));
		const out = project(row, { skip: 0, count: false, orderby: [], expand: [] }, set.nav);
		return send(c.res, 201, { '@odata.context': `${contextUrl(pbx.baseUrl, set.def.name)}/$entity`, ...out }, { Location: `${pbx.baseUrl}/xapi/v1/${set.def.name}(${row.Id})` });
	}
	throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on '${set.def.name}'.`);
}

/** The Id a key segment names: `(29)`, `(Id=29)` or the alternate key `(Number='100')`. */
export function keyOf(pbx: Pbx, set: EntitySet, call: CallSegment): number {
	if (call.args.length !== 1) throw new ODataError(400, `The key of '${set.def.name}' is a single Id.`);
	const a = call.args[0];
	if (a.name === 'Number' && set.def.numberKey) {
		const lit = parseLiteral(a.raw);
		if (lit.kind !== 'string') throw new ODataError(400, `The key value '${a.raw}' is not valid for the key 'Number': strings must be single-quoted.`);
		const row = pbx.store.findByNumber(set.def.name, lit.value);
		if (!row) throw notFound(set.def.name, `Number='${lit.value}'`);
		return row.Id as number;
	}
	if (a.name !== undefined && a.name !== 'Id') throw new ODataError(404, `'${a.name}' is not a key of '${set.def.name}'.`);
	const lit = parseLiteral(a.raw);
	if (lit.kind !== 'int') throw new ODataError(400, `The key value '${a.raw}' is not valid for type 'Edm.Int32'.`);
	return lit.value;
}

/** `GET`, `PATCH` (204) and `DELETE` (204) of `/Set(key)`; an alternate key is read-only. */
export function entity(pbx: Pbx, c: XapiRequest, set: EntitySet, call: CallSegment): void {
	if (!set.def.writable) throw new ODataError(404, `No HTTP resource was found that matches the request URI: '${set.def.name}' cannot be addressed by key.`);
	const byNumber = call.args[0]?.name === 'Number';
	const id = keyOf(pbx, set, call);
	if (c.method === 'GET') {
		const row = pbx.store.find(set.def.name, id);
		const q = queryFor(c, set, false);
		return send(c.res, 200, { '@odata.context': `${contextUrl(pbx.baseUrl, set.def.name, q)}/$entity`, ...project(row, q, set.nav) });
	}
	if (byNumber) throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on an alternate key.`);
	if (c.method === 'PATCH') {
		pbx.store.update(set.def.name, id, jsonBody(c));
		return send(c.res, 204);
	}
	if (c.method === 'DELETE') {
		pbx.store.remove(set.def.name, id);
		return send(c.res, 204);
	}
	throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on '${set.def.name}(${id})'.`);
}

/** `GET /Set(key)/Nav`, e.g. `/Queues(1)/Agents`. */
export function navigation(pbx: Pbx, c: XapiRequest, set: EntitySet, call: CallSegment, nav: string): void {
	if (c.method !== 'GET') throw new ODataError(405, `The HTTP method '${c.method}' is not allowed on '${nav}'.`);
	if (!set.def.writable) throw new ODataError(404, 'No HTTP resource was found that matches the request URI.');
	const id = keyOf(pbx, set, call);
	const items = (pbx.store.find(set.def.name, id)[nav] as Row[]) ?? [];
	const props = new Set<string>();
	for (const it of items) for (const k of Object.keys(it)) props.add(k);
	if (props.size === 0) ['Id', 'Name', 'Number'].forEach((k) => props.add(k));
	const q = parseQueryOptions(c.query, `${set.def.type}.${nav}`, props, new Set());
	return sendCollection(c.res, contextUrl(pbx.baseUrl, `${set.def.name}(${id})/${nav}`), applyQuery(items, q), q.count);
}

/** `GET /Users/Pbx.GetFirstAvailableExtensionNumber()` */
export function firstAvailableNumber(pbx: Pbx, c: XapiRequest): void {
	send(c.res, 200, { '@odata.context': contextUrl(pbx.baseUrl, 'Pbx.FirstAvailableNumber'), Number: pbx.store.nextNumber() });
}

/** `POST /ActiveCalls(id)/Pbx.DropCall`: the call ends (204). */
export function dropCall(pbx: Pbx, c: XapiRequest, set: EntitySet, call: CallSegment): void {
	pbx.store.remove('ActiveCalls', keyOf(pbx, set, call));
	send(c.res, 204);
}

/** Init functions the simulator models: the set each answers a template of. */
const INIT_FUNCTIONS: Record<string, string> = { 'Pbx.InitFax': 'Fax', 'Pbx.InitTrunk': 'Trunks' };

/** `GET /Fax/Pbx.InitFax()`, `GET /Trunks/Pbx.InitTrunk(template='…')`: a template with its
 * generated AuthPassword (the PBX's own answer is the entity POST expects). */
export function initTemplate(pbx: Pbx, c: XapiRequest, set: EntitySet, call: CallSegment): boolean {
	if (c.method !== 'GET' || INIT_FUNCTIONS[call.name] !== set.def.name) return false;
	const row = pbx.store.initTemplate(set.def.name);
	send(c.res, 200, { '@odata.context': `${contextUrl(pbx.baseUrl, set.def.type)}`, ...row });
	return true;
}
