'use strict';
/**
 * The package's own npm dependencies, exactly as package-lock.json pins them. In place = every
 * package the lockfile lists is in node_modules at the locked version (npm's record of what it
 * installed, node_modules/.package-lock.json, plus the folder itself); otherwise `npm ci`.
 * No network when in place. Node built-ins only: this is what creates node_modules.
 */
const fs = require('node:fs');
const path = require('node:path');
const { runStep, npmProgress } = require('./runStep');
const { readJson } = require('./readJson');

/** Why node_modules does not match the lockfile, or null when it does. */
function staleReason(root) {
	const lock = readJson(path.join(root, 'package-lock.json'));
	if (!lock?.packages) return 'package-lock.json is missing or unreadable';
	const installed = readJson(path.join(root, 'node_modules', '.package-lock.json'))?.packages;
	if (!installed) return 'node_modules is missing';
	for (const [key, wanted] of Object.entries(lock.packages)) {
		if (key === '') continue;
		const got = installed[key];
		// Optional packages for other platforms (fsevents on macOS) are skipped by npm on purpose.
		if (!got) {
			if (wanted.optional || wanted.devOptional) continue;
			return `${key} is not installed`;
		}
		if (got.version !== wanted.version) return `${key} is ${got.version}, the lockfile pins ${wanted.version}`;
		if (!wanted.link && !fs.existsSync(path.join(root, key, 'package.json'))) return `${key} was removed`;
	}
	return null;
}

async function ensureNpmDependencies(root, { log }) {
	const reason = staleReason(root);
	if (!reason) return { changed: false };
	log(`[npm] installing the dependencies from package-lock.json (${reason}): npm ci, about a minute`);
	const progress = npmProgress(path.join(root, 'package-lock.json'));
	const { seconds } = await runStep('npm', ['ci', '--no-audit', '--no-fund', ...progress.args], {
		label: '[npm] npm ci',
		countLines: progress.countLines,
		detail: progress.detail,
		log,
		cwd: root,
	});
	const after = staleReason(root);
	if (after) throw new Error(`[npm] npm ci finished, but node_modules still does not match package-lock.json: ${after}`);
	log(`[npm] dependencies installed in ${seconds} s`);
	return { changed: true };
}

module.exports = { ensureNpmDependencies, staleReason };
