/** Unit tests run in seconds; e2e tests drive a real n8n (see test/n8n/runtimes.js). */
// Type errors are `npm run typecheck`'s job; jest only transpiles, file by file, for speed.
const tsJest = ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }];
// Installed runtimes, the sandbox's user folder and the build are not sources: jest neither crawls
// them (thousands of files) nor mistakes a runtime's package.json for the pinned manifest it copies.
const modulePathIgnorePatterns = ['<rootDir>/.n8n-runtime/', '<rootDir>/.sandbox/', '<rootDir>/.cache/', '<rootDir>/dist/'];
// Two workers on the 2-CPU machines CI runs on (jest's default there is one): most of an e2e file's
// time is spent waiting on a real n8n (its start-up, a poll at the top of the minute, a restart),
// and two files waiting at once halve the run's wall time. Each file has its own n8n, ports and
// emulators, so files never share state.
module.exports = {
	maxWorkers: 2,
	// A global option (jest 29 reads it only here, not in a project): unit tests that take
	// milliseconds alone have taken over 5 s, jest's default, beside two busy n8n processes.
	testTimeout: 30000,
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
