'use strict';
/**
 * Everything a command needs on this machine, installed on first use and checked in well under a
 * second afterwards (lockfile, source hash and install stamps; no network when in place):
 *
 *   node scripts/setup.js <plan>     plans: see PLANS below
 *
 * package.json runs it before each command (`npm start`, `npm test`, …). Everything goes into
 * ignored folders (node_modules/, dist/, .n8n-runtime/, .cache/) or the machine's package manager.
 * Node built-ins only until the npm dependencies are in place.
 */
const path = require('node:path');
const { ensureNpmDependencies } = require('./lib/npmDependencies');
const { ensureBuild } = require('./lib/packageBuild');
const { ensureSystemPackage } = require('./lib/systemPackage');
const { installRuntime } = require('./n8n-runtime');
const { findPostgresBinDir } = require('../test/n8n/services');

const REPO_ROOT = path.resolve(__dirname, '..');

/** Debian's chromium, which playwright-core (the browser runtime) drives in the browser tests. */
const CHROMIUM = { package: 'chromium', command: 'chromium', neededBy: 'the browser tests', endToEnd: true };
/** Debian's redis-server, which the Redis tracking store tests start on a free port. */
const REDIS = { package: 'redis-server', command: 'redis-server', neededBy: 'the Redis store tests and queue mode' };
/** Debian's PostgreSQL (its server programs live in /usr/lib/postgresql/<major>/bin), n8n's database in queue mode. */
const POSTGRESQL = {
	package: 'postgresql',
	command: 'postgres',
	neededBy: 'queue mode',
	locate: () => {
		const dir = findPostgresBinDir();
		return dir && path.join(dir, 'postgres');
	},
};

/** What each command needs. Every plan starts with the npm dependencies. */
const PLANS = {
	// `npm run emulators`, `npm run test:unit`: the unit tests compile TypeScript on the fly.
	deps: { build: false, runtimes: [], systemPackages: [] },
	// `npm start`, `npm run bench`: n8n 2.x with the built package.
	start: { build: true, runtimes: ['v2'], systemPackages: [] },
	// `npm test`, `npm run test:e2e`: both n8n lines, and a browser for the editor tests.
	test: { build: true, runtimes: ['v2', 'v1', 'browser'], systemPackages: [CHROMIUM, REDIS] },
	// `npm run start:queue`, `npm run test:queue`: n8n 2.x in queue mode on PostgreSQL and Redis.
	queue: { build: true, runtimes: ['v2'], systemPackages: [REDIS, POSTGRESQL] },
};

const stdoutLog = (line) => process.stdout.write(`${line}\n`);

function describePlan(plan) {
	return [
		'npm dependencies',
		...(plan.build ? ['build'] : []),
		...(plan.runtimes.length ? [`n8n runtimes ${plan.runtimes.join(' ')}`] : []),
		...plan.systemPackages.map((p) => p.package),
	].join(', ');
}

/** SKIP_E2E=1 skips every test that needs n8n or a browser, so their set-up is skipped too. */
function withoutEndToEnd(plan) {
	return { build: false, runtimes: [], systemPackages: plan.systemPackages.filter((spec) => !spec.endToEnd) };
}

async function setUp(requested, { log = stdoutLog } = {}) {
	const plan = requested === 'test' && process.env.SKIP_E2E === '1' ? withoutEndToEnd(PLANS.test) : PLANS[requested];
	if (!plan) throw new Error(`unknown set-up plan "${requested}" (known: ${Object.keys(PLANS).join(', ')})`);
	const started = Date.now();
	await ensureNpmDependencies(REPO_ROOT, { log });
	// The rest is independent: tsc works while npm and apt download. Each step finishes (no
	// half-written folder left behind by an early exit), then every failure is reported at once.
	const outcomes = await Promise.allSettled([
		plan.build ? ensureBuild(REPO_ROOT, { log }) : undefined,
		...plan.runtimes.map((version) => installRuntime(version, { log })),
		...plan.systemPackages.map((spec) => ensureSystemPackage(spec, { log })),
	]);
	const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason.message);
	if (failures.length) throw new Error(failures.join('\n\n'));
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	log(`set-up: ${describePlan(plan)} in place (${seconds} s)`);
}

if (require.main === module) {
	setUp(process.argv[2] ?? 'test').catch((error) => {
		process.stderr.write(`\nSet-up failed: ${error.message}\n`);
		process.exit(1);
	});
}

module.exports = { setUp, PLANS, CHROMIUM };
