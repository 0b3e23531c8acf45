/** Types for dev-dependencies.js (plain JavaScript: it runs before TypeScript is installed). */
export interface InstallState {
	/** mtime (ms) of node_modules/.package-lock.json, undefined when missing. */
	installed: number | undefined;
	/** mtime (ms) of package-lock.json, undefined when missing. */
	lock: number | undefined;
}
export function installReason(state: InstallState): string | undefined;
export function installArgs(state: Pick<InstallState, 'lock'>): string[];
