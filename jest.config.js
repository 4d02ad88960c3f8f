/** Unit tests run in seconds; e2e tests drive a real n8n (see scripts/n8n-runtime.js). */
// Type errors are `npm run typecheck`'s job; jest only transpiles, file by file, for speed.
const tsJest = ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }];
module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
		},
	],
};
