/** Turning spec identifiers into n8n names: words, Title Case, sentence case, camelCase. */

const ACRONYM_WORDS: Record<string, string> = {
	Id: 'ID',
	Ids: 'IDs',
	Url: 'URL',
	Json: 'JSON',
	Api: 'API',
	Oauth: 'OAuth',
	Dn: 'DN',
};

/** `GetUserActivity` → [Get, User, Activity]; `CDRSettings` → [CDR, Settings]; `call_id` → [call, id]. */
export function words(identifier: string): string[] {
	return identifier
		.replace(/^Pbx\./, '')
		.replace(/OAuth/g, ' Oauth ')
		.replace(/[_.\-\s]+/g, ' ')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.replace(/([0-9])([A-Z][a-z])/g, '$1 $2')
		.trim()
		.split(/\s+/)
		.filter((w) => w !== '');
}

function capitalize(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Readable Title Case: `clientTimeZone` → `Client Time Zone`, `Id` → `ID`. */
export function titleCase(identifier: string): string {
	return words(identifier)
		.map((w) => ACRONYM_WORDS[capitalize(w)] ?? capitalize(w))
		.join(' ');
}

const isAcronym = (w: string) => w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w);

/** Sentence case, keeping acronyms: `Get User Activity` → `Get user activity`. */
export function sentenceCase(text: string): string {
	const parts = text.split(' ').filter((w) => w !== '');
	// The first word that is not an acronym is capitalised (n8n lint ignores all-caps words).
	const first = parts.findIndex((w) => !isAcronym(w));
	return parts
		.map((w, i) => {
			if (isAcronym(w)) return w;
			const lower = w.toLowerCase();
			return i === first ? capitalize(lower) : lower;
		})
		.join(' ');
}

/** `GetUserActivity` → `getUserActivity`; `CDRSettings` → `cdrSettings`; `VMPIN` → `vmpin`. */
export function camelCase(identifier: string): string {
	return words(identifier)
		.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w.toLowerCase())))
		.join('');
}

/** `ReportUserActivity` → `ReportUserActivity` (file names). */
export function pascalCase(identifier: string): string {
	return words(identifier)
		.map((w) => (isAcronym(w) ? w : capitalize(w)))
		.join('');
}
