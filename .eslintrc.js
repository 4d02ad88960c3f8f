/** @type {import('eslint').Linter.Config} */
module.exports = {
	root: true,
	env: { es2022: true, node: true },
	parser: '@typescript-eslint/parser',
	parserOptions: {
		project: ['./tsconfig.json'],
		sourceType: 'module',
		extraFileExtensions: ['.json'],
	},
	ignorePatterns: ['.eslintrc.js', '**/*.js', '**/node_modules/**', '**/dist/**'],
	overrides: [
		{
			files: ['package.json'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/community'],
			rules: { 'n8n-nodes-base/community-package-json-name-still-default': 'off' },
		},
		{
			files: ['./credentials/**/*.ts'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/credentials'],
			rules: {
				'n8n-nodes-base/cred-class-field-documentation-url-missing': 'off',
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			},
		},
		{
			files: ['./nodes/**/*.ts'],
			// The core and the gateway adapters are plain TypeScript, not node descriptions.
			excludedFiles: ['./nodes/core/**/*.ts', './nodes/gateways/**/*.ts'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/nodes'],
			rules: {
				'n8n-nodes-base/node-resource-description-filename-against-convention': 'off',
			},
		},
		{
			// The core and the adapters never import n8n: the node glue (nodes/glue) is the only bridge.
			files: ['./nodes/core/**/*.ts', './nodes/gateways/**/*.ts'],
			rules: {
				'no-restricted-imports': [
					'error',
					{ patterns: [{ group: ['n8n-workflow', 'n8n-core', '**/glue/**', '**/SmsGateway/**'], message: 'The core and the adapters stay free of n8n.' }] },
				],
			},
		},
	],
};
