/**
 * Where the 3CX XAPI OpenAPI files live. The specs are third-party data and are not part of the
 * repository: they are read from `THREECX_XAPI_SPEC_DIR` (default `../shared/3cx-xapi/`, resolved
 * against the repository root).
 */
import { existsSync } from 'fs';
import * as path from 'path';

/** Reference version: the one the node is generated from. */
export const REFERENCE_VERSION = '20.0.10';

/** Every published spec, oldest first (used for "Requires 3CX 20.0.X or later" notes). */
export const SPEC_VERSIONS = ['20.0.4', '20.0.5', '20.0.6', '20.0.7', '20.0.8', '20.0.9', '20.0.10'];

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const SPEC_MISSING_MESSAGE =
	'3CX XAPI spec not found. Put xapi-<version>.yaml files (e.g. xapi-20.0.10.yaml) in ../shared/3cx-xapi/ ' +
	'next to the repository, or set THREECX_XAPI_SPEC_DIR to the folder holding them. ' +
	'A 3CX V20 PBX serves its own copy at https://<your-pbx>/xapi/v1/swagger.yaml.';

export function specDir(): string {
	const fromEnv = process.env.THREECX_XAPI_SPEC_DIR;
	return path.resolve(REPO_ROOT, fromEnv && fromEnv.trim() !== '' ? fromEnv : '../shared/3cx-xapi/');
}

export function specPath(version: string = REFERENCE_VERSION): string {
	return path.join(specDir(), `xapi-${version}.yaml`);
}

export function specAvailable(version: string = REFERENCE_VERSION): boolean {
	return existsSync(specPath(version));
}
