/**
 * Normalises the credential's Server URL to the PBX root (`https://pbx.example.com:5001`):
 * trailing slashes and a pasted `/xapi/v1` suffix are tolerated, anything else is an error.
 */
export function serverRoot(serverUrl: unknown): string {
	const text = typeof serverUrl === 'string' ? serverUrl.trim() : '';
	let parsed: URL | undefined;
	try {
		parsed = new URL(text);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash) {
		throw new Error(
			`Server URL "${text}" is not valid: expected the PBX address like https://pbx.example.com:5001`,
		);
	}
	const path = parsed.pathname.replace(/\/+$/, '').replace(/\/xapi\/v1$/i, '');
	return `${parsed.origin}${path}`;
}
