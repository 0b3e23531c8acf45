/** The value of JSON text, or undefined when it is not JSON (JSON text never parses to undefined).
 * JSON.parse's own message is not kept: it quotes the text, which may hold a password. */
export function parseJsonText(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
