import type { XapiField } from '../types';
import { toODataLiteral } from './literals';

/**
 * Fills a spec path template (`/Users({Id})`, `/Users(Number={Number})`,
 * `/Report/Pbx.Get(a={a},b={b})`) with OData literals. Placeholders in a `Pbx.` segment are
 * function parameters (may be `''`); the others are entity keys (must not be empty).
 * `values` is keyed by wire name.
 */
export function buildPath(
	template: string,
	params: XapiField[],
	values: Record<string, unknown>,
	timeZone?: string,
): string {
	const byName = new Map(params.map((param) => [param.name, param]));
	return template
		.split('/')
		.map((segment) => {
			const key = !segment.startsWith('Pbx.');
			return segment.replace(/\{([^}]+)\}/g, (_, name: string) => {
				const param = byName.get(name);
				if (!param) throw new Error(`Path ${template} has no parameter metadata for {${name}}`);
				return toODataLiteral(param, values[name], { key, timeZone });
			});
		})
		.join('/');
}

/** Function name of a path (`DownloadRecording`), or its first segment for plain entity sets. */
export function operationName(template: string): string {
	const fn = /Pbx\.(\w+)/.exec(template);
	return fn ? fn[1] : (/^\/?(\w+)/.exec(template)?.[1] ?? 'download');
}
