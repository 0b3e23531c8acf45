/**
 * The indefinite article of a noun phrase, by how its first word sounds: a user, an extension,
 * an IVR, a SIP trunk, a URL.
 */

/** Letters whose spoken name starts with a vowel sound ("eff", "aitch", "em", …), for acronyms read letter by letter. */
const VOWEL_SOUNDING_LETTERS = /^[AEFHILMNORSX]/;
/** Acronyms read as a word. */
const WORD_ACRONYMS = new Set(['SIP']);
/** Vowel letters read as a consonant: "you" (user, unit, usage, utility, Europe), "w" (one). */
const CONSONANT_SOUND = /^(uni(?![nm])|us[aeu]|uti|ure|eu|one\b|once)/;
/** A silent h. */
const SILENT_H = /^(hour|honest|honou?r|heir)/;

/** `a` or `an` before `phrase` (its first word decides; all-caps words count as acronyms). */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
	const word = phrase.trim().split(/\s+/)[0] ?? '';
	if (/^[A-Z][A-Z0-9]+s?$/.test(word) && !WORD_ACRONYMS.has(word.replace(/s$/, ''))) {
		return VOWEL_SOUNDING_LETTERS.test(word) ? 'an' : 'a';
	}
	const lower = word.toLowerCase();
	if (CONSONANT_SOUND.test(lower)) return 'a';
	if (SILENT_H.test(lower)) return 'an';
	return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** `phrase` after its indefinite article: `a user`, `an IVR`. */
export function withArticle(phrase: string): string {
	return `${indefiniteArticle(phrase)} ${phrase}`;
}
