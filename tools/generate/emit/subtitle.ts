/**
 * The node's subtitle, "Get User Activity · Report User Activity". n8n evaluates it in the editor
 * as an expression over `$parameter`, which holds option values, not their names: the expression
 * turns a camelCase value into words (`getUserActivity` → `Get User Activity`), fixes words through
 * a small map (`Api` → `API`) and looks up the few names the words still do not give.
 */
import type { Model } from '../model';
import { lit } from './literal';

/** A value split into words: a space before each capital or digit run, first letter up. */
export function valueWords(value: string): string[] {
	return value.replace(/[A-Z]|[0-9]+/g, ' $&').replace(/^./, (c) => c.toUpperCase()).split(' ');
}

/** What the expression derives: `valueWords`, each word through `words`, or the name listed for the value. */
export interface SubtitleNames {
	/** Word → the word in every display name (`Api` → `API`). */
	words: Record<string, string>;
	/** Value → display name, where the words do not give it. */
	values: Record<string, string>;
}

/** `valueWords` as expression source over `v`, with `w` the word map. */
const WORDS_SOURCE = "v.replace(/[A-Z]|[0-9]+/g, ' $&').replace(/^./, (c) => c.toUpperCase()).split(' ')";

const sorted = (entries: [string, string][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The readable name of `value` by `names`, as the expression computes it. */
export function readableName(value: string, names: SubtitleNames): string {
	return names.values[value] ?? valueWords(value).map((w) => names.words[w] ?? w).join(' ');
}

/** Display name of every resource and operation value; a value must have one name everywhere. */
function displayNames(model: Model): Map<string, string> {
	const names = new Map<string, string>();
	const note = (value: string, name: string, where: string) => {
		const known = names.get(value);
		if (known !== undefined && known !== name) {
			throw new Error(`Subtitle: the value "${value}" is named "${known}" and "${name}" (${where}); give it one name`);
		}
		names.set(value, name);
	};
	for (const r of model.resources) {
		note(r.value, r.name, `resource ${r.tag}`);
		for (const o of r.operations) note(o.value, o.name, `operation of ${r.tag}`);
	}
	return names;
}

/**
 * The word map holds a word's replacement when every name with as many words as its value puts
 * that same replacement in the word's place (`Api` is `API` everywhere); values whose name the
 * words still do not give are listed whole.
 */
export function subtitleNames(model: Model): SubtitleNames {
	const names = displayNames(model);
	const seen = new Map<string, Set<string>>();
	for (const [value, name] of names) {
		const from = valueWords(value);
		const to = name.split(' ');
		if (from.length !== to.length) continue;
		from.forEach((w, i) => seen.set(w, (seen.get(w) ?? new Set()).add(to[i])));
	}
	const words = sorted(
		[...seen].filter(([w, to]) => to.size === 1 && !to.has(w)).map(([w, to]) => [w, [...to][0]] as [string, string]),
	);
	const byWords: SubtitleNames = { words, values: {} };
	const values = sorted([...names].filter(([value, name]) => readableName(value, byWords) !== name));
	return { words, values };
}

/** `={{ … }}`: the operation's and the resource's name, joined by a middle dot. */
export function subtitleExpression({ words, values }: SubtitleNames): string {
	const map = (m: Record<string, string>) => JSON.stringify(m);
	const derived = `${WORDS_SOURCE}.map((w) => (${map(words)})[w] || w).join(' ')`;
	return `={{ [$parameter.operation, $parameter.resource].map((v) => (${map(values)})[v] || ${derived}).join(' \u00b7 ') }}`;
}

/** generated/subtitle.ts. */
export function subtitleFile(model: Model, header: string): string {
	return [
		header,
		'',
		'/**',
		' * The node\'s subtitle, "Get User Activity · Report User Activity": n8n evaluates it in the editor',
		' * over `$parameter` (option values), split into words; only names the words do not give are listed.',
		' */',
		`export const subtitle = ${lit(subtitleExpression(subtitleNames(model)))};`,
		'',
	].join('\n');
}
