'use strict';
/**
 * Runs one long set-up command (npm ci, a runtime install, apt-get) with a progress line every
 * 10 s, keeps the tail of its output, and on failure says in one sentence what probably went
 * wrong (no network, no permission) before that tail. Node built-ins only: this runs before
 * node_modules exists.
 */
const { spawn } = require('node:child_process');
const { readJson } = require('./readJson');

const PROGRESS_EVERY_MS = 10000;

/** What a failed command's output usually means, first match wins. */
const FAILURE_HINTS = [
	{
		pattern: /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network (?:request|connectivity)|Temporary failure resolving|Could not resolve|Failed to fetch|Unable to connect/i,
		hint: 'the network is not reachable (no connection, DNS or proxy): this step downloads packages; connect and run the command again',
	},
	{
		pattern: /EACCES|EPERM|Permission denied|are you root|Could not open lock file/i,
		hint: 'permission denied: this step writes where the current user may not',
	},
	{ pattern: /ENOSPC|No space left on device/i, hint: 'the disk is full' },
	{
		pattern: /Unable to locate package|has no installation candidate/i,
		hint: "apt does not know this package (apt-get update did not reach the package server, or this system's repositories lack it)",
	},
];

function failureHint(output) {
	return FAILURE_HINTS.find(({ pattern }) => pattern.test(output))?.hint;
}

/**
 * Resolves when `command args` exits 0. `label` prefixes every line. Output lines matching
 * `countLines` are counted, not kept (e.g. npm's one line per package fetched); `detail(count)`
 * adds that to the progress line. Rejects with the hint and the last 40 kept lines.
 */
function runStep(command, args, { label, detail = () => '', countLines, log, cwd, env = process.env }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const kept = [];
		let counted = 0;
		const take = (line) => {
			if (countLines?.test(line)) counted += 1;
			else {
				kept.push(line);
				if (kept.length > 400) kept.shift();
			}
		};
		const partial = { stdout: '', stderr: '' };
		for (const stream of ['stdout', 'stderr']) {
			child[stream].on('data', (chunk) => {
				const lines = (partial[stream] + chunk.toString()).split('\n');
				partial[stream] = lines.pop();
				lines.forEach(take);
			});
		}
		const timer = setInterval(() => {
			const extra = detail(counted);
			log(`${label}… ${seconds(started)} s${extra ? `, ${extra}` : ''}`);
		}, PROGRESS_EVERY_MS);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(new Error(`${label}: could not run ${command} (${error.code === 'ENOENT' ? 'not found on PATH' : error.message})`));
		});
		child.on('close', (code) => {
			clearInterval(timer);
			Object.values(partial).filter(Boolean).forEach(take);
			if (code === 0) return resolve({ seconds: seconds(started) });
			const text = kept.join('\n');
			const hint = failureHint(text);
			reject(new Error(`${label} failed (exit ${code})${hint ? `: ${hint}` : ''}.\n${kept.slice(-40).join('\n')}`));
		});
	});
}

/**
 * Progress for `npm install`/`npm ci` from a lockfile: run npm with these `args`, and each package
 * it fetches (downloaded or from npm's cache) is one line, counted against the lockfile's total.
 */
function npmProgress(lockFile) {
	// No lockfile yet: counts without a total. Optional packages for other platforms are counted
	// too, so the count may stop short of it.
	const total = Object.entries(readJson(lockFile)?.packages ?? {}).filter(([key, entry]) => key !== '' && !entry.link).length;
	return {
		args: ['--loglevel=http'],
		countLines: /^npm http (?:fetch GET \d+ |cache )\S+\.tgz/,
		detail: (count) => (total ? `${Math.min(count, total)} of ${total} packages fetched` : `${count} packages fetched`),
	};
}

function seconds(since) {
	return Math.round((Date.now() - since) / 1000);
}

module.exports = { runStep, npmProgress, failureHint, seconds };
