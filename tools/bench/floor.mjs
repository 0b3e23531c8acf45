/**
 * The floor of the bulk pull: a plain Node fetch loop, no n8n. Token once, pages of the same
 * size by $top/$skip until a short page, JSON parse, collect the rows. Prints one JSON line:
 * { ms, rows, requests, maxRssKb, startRssKb }. `ms` starts at the token request (process start-up
 * is not counted, as n8n's node executionTime does not count it either).
 * Env: FLOOR_SERVER, FLOOR_CLIENT_ID, FLOOR_API_KEY, FLOOR_PATH (under /xapi/v1), FLOOR_PAGE.
 */
const server = process.env.FLOOR_SERVER;
const path = process.env.FLOOR_PATH;
const page = Number(process.env.FLOOR_PAGE || 100);
const maxPages = 100_000;
const startRssKb = Math.round(process.memoryUsage().rss / 1024);

const started = performance.now();
const tokenResponse = await fetch(`${server}/connect/token`, {
	method: 'POST',
	headers: { 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams({ client_id: process.env.FLOOR_CLIENT_ID, client_secret: process.env.FLOOR_API_KEY, grant_type: 'client_credentials' }),
	signal: AbortSignal.timeout(30_000),
});
if (!tokenResponse.ok) throw new Error(`token: HTTP ${tokenResponse.status}`);
const { access_token: token } = await tokenResponse.json();

const rows = [];
let requests = 0;
for (let skip = 0; requests < maxPages; skip += page) {
	const url = `${server}/xapi/v1${path}?$top=${page}${skip ? `&$skip=${skip}` : ''}`;
	const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(60_000) });
	requests++;
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const body = await response.json();
	rows.push(...body.value);
	if (body.value.length < page) break;
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, rows: rows.length, requests, maxRssKb: process.resourceUsage().maxRSS, startRssKb })}\n`);
