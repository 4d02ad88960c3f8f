/** Unit tests run in seconds; e2e tests drive a real n8n (see test/n8n/runtimes.js). */
// Type errors are `npm run typecheck`'s job; jest only transpiles, file by file, for speed.
const tsJest = ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }];
// Installed runtimes, the sandbox's user folder and the build are not sources: jest neither crawls
// them (thousands of files) nor mistakes a runtime's package.json for the pinned manifest it copies.
const modulePathIgnorePatterns = ['<rootDir>/.n8n-runtime/', '<rootDir>/.sandbox/', '<rootDir>/.cache/', '<rootDir>/dist/'];
module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			modulePathIgnorePatterns,
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			// Queue mode (PostgreSQL, Redis, three n8n processes) runs on its own: `npm run test:queue`.
			testPathIgnorePatterns: ['<rootDir>/test/e2e/queue/'],
			modulePathIgnorePatterns,
		},
	],
};
