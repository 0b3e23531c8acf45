import type { IDataObject } from 'n8n-workflow';

/**
 * Credential-like properties (Users' AuthPassword, VMPIN, DeskphonePassword, AccessPassword,
 * trunk and storage secrets, API keys, private keys, tokens). They would otherwise land in every
 * execution log. Booleans such as AllowChangePassword or EnablePin are settings, not secrets.
 */
const SECRET_KEY = /(password|pin|pinnumber|secret|secretkey|apikey|accesskey|privatekey|credentials|tokens?)$/i;
const NOT_SECRET = /pagetoken$/i;

/** Verdicts by key name: a bulk pull asks about the same few dozen keys for every row. */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 10_000;

export function isSecretKey(key: string): boolean {
	let secret = verdicts.get(key);
	if (secret === undefined) {
		secret = SECRET_KEY.test(key) && !NOT_SECRET.test(key);
		if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
		verdicts.set(key, secret);
	}
	return secret;
}

/**
 * `Fax/Pbx.InitFax()`, `Trunks/Pbx.InitTrunk(template=…)`: the PBX answers a new entity's template,
 * meant to be sent back to Create. It keeps its secrets (the new entity's generated AuthPassword),
 * or Init → Create would lose them.
 */
export function isTemplateAnswer(path: string): boolean {
	return /\/Pbx\.Init[A-Z]\w*\(/.test(path);
}

/**
 * Removes secret properties at any depth and returns `value`. Works in place: it is only given
 * a freshly parsed answer, and copying every row of a bulk pull would double its memory.
 */
export function stripSecrets<T>(value: T): T {
	if (Array.isArray(value)) {
		for (const entry of value) stripSecrets(entry);
	} else if (typeof value === 'object' && value !== null) {
		const object = value as IDataObject;
		for (const key of Object.keys(object)) {
			const inner = object[key];
			if (isSecretKey(key) && typeof inner !== 'boolean') delete object[key];
			else if (typeof inner === 'object' && inner !== null) stripSecrets(inner);
		}
	}
	return value;
}

/**
 * One JSON object per output item: `{ value: [...] }` envelopes give their rows, `{ value: x }`
 * answers of actions give x, entities give themselves (without `@odata.context`). Non-object
 * values are wrapped as `{ value }`. An empty answer gives no rows.
 */
export function rowsOf(body: unknown): IDataObject[] {
	if (body === undefined || body === null || body === '') return [];
	if (Array.isArray(body)) return body.map(asObject);
	if (typeof body !== 'object') return [{ value: body as IDataObject[string] }];
	const object = body as IDataObject;
	if (isEnvelope(object)) {
		const { value } = object;
		return Array.isArray(value) ? value.map(asObject) : [asObject(value)];
	}
	const { '@odata.context': _context, ...entity } = object;
	return [entity];
}

/** `{ "@odata.context"?, "@odata.count"?, value }` and nothing else. */
export function isEnvelope(body: IDataObject): boolean {
	const keys = Object.keys(body);
	return keys.includes('value') && keys.every((key) => key === 'value' || key.startsWith('@odata.'));
}

function asObject(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: { value: value as IDataObject[string] };
}
