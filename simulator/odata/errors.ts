/** OData error bodies as the PBX answers them (NOTES.md: responses and errors). */

export interface ODataErrorDetail {
	code: string;
	message: string;
	target: string;
}

/** An error answered as `{"error":{"code","message","target"?,"details"}}`. */
export class ODataError extends Error {
	constructor(
		public readonly status: number,
		message: string,
		public readonly details: ODataErrorDetail[] = [],
		public readonly target?: string,
		public readonly code = '',
	) {
		super(message);
	}

	body(): { error: { code: string; message: string; target?: string; details: ODataErrorDetail[] } } {
		const error: { code: string; message: string; target?: string; details: ODataErrorDetail[] } = {
			code: this.code,
			message: this.message,
			details: this.details,
		};
		if (this.target !== undefined) error.target = this.target;
		return { error };
	}
}

/** The PBX's validation error: `Number:\nWARNINGS.XAPI.ALREADY_IN_USE` with one detail per field. */
export function warning(target: string, key: string, status = 400): ODataError {
	return new ODataError(status, `${target}:\n${key}`, [{ code: '', message: key, target }]);
}

/** The 404 for a key that names no row. */
export function notFound(set: string, key: unknown): ODataError {
	return new ODataError(404, `${set} with key '${String(key)}' was not found.`);
}
