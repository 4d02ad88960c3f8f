'use strict';
/**
 * Runs one long set-up command (npm ci, a runtime install, apt-get) with a progress line every
 * 10 s, keeps the tail of its output, and on failure says in one sentence what probably went
 * wrong (no network, no permission) before that tail. Node built-ins only: this runs before
 * node_modules exists.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

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
 * Resolves when `command args` exits 0. `label` prefixes every line; `detail()` adds a number to
 * the progress line (e.g. packages so far). Rejects with the hint and the output's last 40 lines.
 */
function runStep(command, args, { label, detail = () => '', log, cwd, env = process.env }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const output = [];
		const keep = (chunk) => {
			output.push(chunk.toString());
			if (output.length > 200) output.shift();
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const timer = setInterval(() => {
			const extra = detail();
			log(`${label}… ${seconds(started)} s${extra ? `, ${extra}` : ''}`);
		}, PROGRESS_EVERY_MS);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(new Error(`${label}: could not run ${command} (${error.code === 'ENOENT' ? 'not found on PATH' : error.message})`));
		});
		child.on('close', (code) => {
			clearInterval(timer);
			if (code === 0) return resolve({ seconds: seconds(started) });
			const text = output.join('');
			const hint = failureHint(text);
			reject(new Error(`${label} failed (exit ${code})${hint ? `: ${hint}` : ''}.\n${text.split('\n').slice(-40).join('\n')}`));
		});
	});
}

/** Packages in a node_modules folder so far: the number a progress line shows during an install. */
function countPackages(nodeModules) {
	let count = 0;
	let entries;
	try {
		entries = fs.readdirSync(nodeModules);
	} catch {
		return 0;
	}
	for (const name of entries) {
		if (name.startsWith('.')) continue;
		if (name.startsWith('@')) {
			try {
				count += fs.readdirSync(path.join(nodeModules, name)).length;
			} catch {
				// a scope folder being written right now
			}
		} else count += 1;
	}
	return count;
}

function seconds(since) {
	return Math.round((Date.now() - since) / 1000);
}

module.exports = { runStep, failureHint, seconds, countPackages };
