import type { Simulator } from '../../simulator';

/** The credential's own check that a token it fetched is the valid one; not an operation's request. */
export const TOKEN_CHECK = /^\/xapi\/v1\/Defs\?(\$|%24)select=Id$/;

/** Requests to /xapi/v1 as the PBX saw them (path undecoded, query decoded), without token checks. */
export function xapiRequests(sim: Simulator) {
	return sim.stats.requests
		.filter((request) => request.rawUrl.startsWith('/xapi/v1/') && !TOKEN_CHECK.test(request.rawUrl))
		.map((request) => {
			const [path, query = ''] = request.rawUrl.split('?');
			return { path: path.slice('/xapi/v1'.length), query: Object.fromEntries(new URLSearchParams(query)), status: request.status };
		});
}
