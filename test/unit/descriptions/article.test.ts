import type { INodeProperties } from 'n8n-workflow';
import { indefiniteArticle, withArticle } from '../../../nodes/ThreeCx/descriptions/article';
import { resourceProperties } from '../../../nodes/ThreeCx/generated';

describe('indefiniteArticle', () => {
	it.each([
		['user', 'a'],
		['User', 'a'],
		['extension', 'an'],
		['Active Call', 'an'],
		['inbound rule', 'an'],
		['outbound rule', 'an'],
		['queue', 'a'],
		['IVR', 'an'],
		['MCP server', 'an'],
		['SBCs', 'an'],
		['FXS template', 'an'],
		['DN property', 'a'],
		['CDR setting', 'a'],
		['SIP device', 'a'],
		['URL', 'a'],
		['unit', 'a'],
		['usage report', 'a'],
		['unknown caller', 'an'],
		['update', 'an'],
		['hour', 'an'],
		['holiday', 'a'],
		['one-time password', 'a'],
		['European number', 'a'],
		['  trunk', 'a'],
	])('%s → %s', (phrase, article) => {
		expect(indefiniteArticle(phrase)).toBe(article);
	});

	it('prefixes the phrase', () => {
		expect(withArticle('user')).toBe('a user');
		expect(withArticle('IVR')).toBe('an IVR');
	});
});

describe('picker placeholders', () => {
	const placeholders = new Map<string, string>();
	for (const p of resourceProperties as INodeProperties[]) {
		const list = p.type === 'resourceLocator' ? p.modes?.find((m) => m.name === 'list') : undefined;
		if (list?.placeholder) placeholders.set(p.displayName, list.placeholder);
	}

	it.each([
		['User', 'Select a user...'],
		['Active Call', 'Select an active call...'],
		['Inbound Rule', 'Select an inbound rule...'],
		['Outbound Rule', 'Select an outbound rule...'],
		['Queue', 'Select a queue...'],
		['Holiday', 'Select a holiday...'],
	])('%s: %s', (picker, placeholder) => {
		expect(placeholders.get(picker)).toBe(placeholder);
	});

	it('never says "an" before a consonant sound or "a" before a vowel sound', () => {
		const wrong = [...placeholders.values()].filter((text) => /^Select (an [^aeiouAEIOU]|an u|a [aeiAEI])/.test(text));
		expect(wrong).toEqual([]);
		expect(placeholders.size).toBeGreaterThan(15);
	});
});
