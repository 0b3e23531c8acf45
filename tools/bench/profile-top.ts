/**
 * Summarises a V8 .cpuprofile (from `npx tsx tools/bench/index.ts --profile <dir>`): self time
 * by function and by package, optionally only inside the samples whose stack contains a frame
 * matching --under <regex> (e.g. `runNode|RoutingNode`).
 *   npx tsx tools/bench/profile-top.ts <file.cpuprofile> [--under regex] [--top 30]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const args = process.argv.slice(2);
const file = args[0];
const under = args.includes('--under') ? new RegExp(args[args.indexOf('--under') + 1]) : undefined;
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 30;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n: ProfileNode) => {
	const url = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '');
	return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};
const pkg = (n: ProfileNode) => {
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(n.callFrame.url);
	return m ? m[1] : n.callFrame.url ? (n.callFrame.url.startsWith('node:') ? 'node:*' : 'other') : n.callFrame.functionName;
};
const inScope = new Map<number, boolean>();
const scoped = (id: number): boolean => {
	if (!under) return true;
	const known = inScope.get(id);
	if (known !== undefined) return known;
	const n = byId.get(id)!;
	const hit = under.test(n.callFrame.functionName) || under.test(n.callFrame.url) || (parent.has(id) && scoped(parent.get(id)!));
	inScope.set(id, hit);
	return hit;
};
const self = new Map<string, number>();
const packages = new Map<string, number>();
let total = 0;
let all = 0;
profile.samples.forEach((id, i) => {
	const dt = profile.timeDeltas[i] ?? 0;
	all += dt;
	if (!scoped(id)) return;
	const n = byId.get(id)!;
	total += dt;
	self.set(label(n), (self.get(label(n)) ?? 0) + dt);
	packages.set(pkg(n), (packages.get(pkg(n)) ?? 0) + dt);
});
const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
console.log(`${file}: ${ms(all)} ms sampled${under ? `, ${ms(total)} ms under /${under.source}/` : ''}`);
console.log('--- self time by package');
for (const [k, v] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms(v)} ms  ${k}`);
console.log('--- self time by function');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)} ms  ${k}`);
