/**
 * `npm run test:queue`: the package under n8n's queue mode (PostgreSQL, Redis, a main and two
 * workers; test/e2e/queue/). Apart from `npm test` because it starts three n8n processes and
 * paces 1,000 SMSClub requests at the gateway's rate (a few minutes on its own).
 */
const { projects } = require('./jest.config');

const e2e = projects.find((project) => project.displayName === 'e2e');

module.exports = {
	...e2e,
	displayName: 'queue',
	testMatch: ['<rootDir>/test/e2e/queue/**/*.test.ts'],
	testPathIgnorePatterns: [],
};
