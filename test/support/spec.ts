/**
 * Suites that need the 3CX XAPI spec (third-party, not in the repository): with the spec they run,
 * without it they are skipped and say so in exactly one line.
 */
import { specAvailable, specDir } from '../../tools/spec/locate';

/** `block` when the spec is there, else `block.skip` after one line naming what is skipped and why. */
export function withSpec<T extends jest.Describe | jest.It>(block: T, what: string, available: boolean = specAvailable()): T {
	if (available) return block;
	process.stderr.write(
		`skipped: ${what}, because the 3CX XAPI spec is not in ${specDir()} (put xapi-<version>.yaml there or set THREECX_XAPI_SPEC_DIR)\n`,
	);
	return block.skip as T;
}
