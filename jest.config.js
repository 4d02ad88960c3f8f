/** Unit tests run in seconds; e2e tests drive a real n8n (see scripts/n8n-runtime.js). */
const tsJest = ['ts-jest', { isolatedModules: true, diagnostics: false }];
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
			testTimeout: 300000,
		},
	],
};
