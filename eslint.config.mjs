/**
 * ESLint 9 flat config for everything the package ships: the rule sets n8n's package scanner
 * (@n8n/scan-community-package) applies. Flat config because @n8n/eslint-plugin-community-nodes
 * supports nothing else (see README, Develop).
 */
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

export default [
	{ ignores: ['dist/**', '.cache/**', 'node_modules/**'] },
	n8nCommunityNodesPlugin.configs.recommended,
	// no-console as n8n's scanner; no-control-regex because the sources already mark its one exception.
	{ rules: { 'no-console': 'error', 'no-control-regex': 'error' } },
	{ files: ['**/*.ts', '**/*.json'], languageOptions: { parser: tsParser } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['package.json'], rules: n8nNodesBase.configs.community.rules },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// camelCase slugs are for n8n's own docs site; a community credential links a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Both want the literal 'main'; community-nodes/node-connection-type-literal wants
			// NodeConnectionTypes.Main instead (n8n's scanner turns these two off as well).
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
