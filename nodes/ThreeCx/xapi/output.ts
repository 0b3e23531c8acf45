import type { IDataObject } from 'n8n-workflow';

/**
 * Credential-like properties (Users' AuthPassword, VMPIN, DeskphonePassword, AccessPassword,
 * trunk and storage secrets, API keys, private keys, tokens). They would otherwise land in every
 * execution log. Booleans such as AllowChangePassword or EnablePin are settings, not secrets.
 */
const SECRET_KEY = /(password|pin|pinnumber|secret|secretkey|apikey|accesskey|privatekey|credentials|tokens?)$/i;
const NOT_SECRET = /pagetoken$/i;

export function isSecretKey(key: string): boolean {
	return SECRET_KEY.test(key) && !NOT_SECRET.test(key);
}

/** Copy of `value` without secret properties, at any depth. */
export function stripSecrets<T>(value: T): T {
	if (Array.isArray(value)) return value.map(stripSecrets) as T;
	if (typeof value !== 'object' || value === null) return value;
	const copy: IDataObject = {};
	for (const [key, inner] of Object.entries(value)) {
		if (isSecretKey(key) && typeof inner !== 'boolean') continue;
		copy[key] = stripSecrets(inner) as IDataObject[string];
	}
	return copy as T;
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
