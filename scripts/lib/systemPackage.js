'use strict';
/**
 * Makes sure a program from the machine's package manager is there: Debian's chromium for the
 * browser tests, redis-server and postgresql for queue mode. Found on PATH → nothing
 * to do. Missing → `apt-get update` (once per process) and `apt-get install`, as root or through
 * password-less sudo; without apt-get or root, a message that says what to install by hand.
 * Node built-ins only.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { runStep } = require('./runStep');

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };
// Another apt run (a second set-up, the machine's own updates) holds dpkg's lock for a while; wait rather than fail.
const APT_LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=300'];

let aptUpdate = null;
/** apt-get installs one at a time (dpkg's lock); parallel callers queue here. */
let aptQueue = Promise.resolve();

/** The full path of `command` on PATH, or null. */
function findOnPath(command, envPath = process.env.PATH ?? '') {
	for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
		const candidate = path.join(dir, command);
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			if (fs.statSync(candidate).isFile()) return candidate;
		} catch {
			// not in this folder
		}
	}
	return null;
}

/** [] as root, ['sudo', '-n'] when password-less sudo works, otherwise null. */
function privilegePrefix() {
	if (typeof process.getuid === 'function' && process.getuid() === 0) return [];
	if (!findOnPath('sudo')) return null;
	return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : null;
}

/**
 * `spec`: { package: Debian package name, command: program it provides, neededBy: who needs it,
 * locate?: () => path or null, for a program Debian keeps off PATH (PostgreSQL's server) }.
 * Resolves to the program's path; rejects with a message a person can act on.
 */
async function ensureSystemPackage(spec, { log = (line) => process.stdout.write(`${line}\n`) } = {}) {
	const locate = spec.locate ?? (() => findOnPath(spec.command));
	const found = locate();
	if (found) return found;
	const manual = `install the package that provides \`${spec.command}\` (Debian/Ubuntu: apt-get install -y ${spec.package}) and run the command again`;
	if (!findOnPath('apt-get')) {
		throw new Error(`${spec.neededBy} need \`${spec.command}\`, which is not on PATH, and this machine has no apt-get to install it: ${manual}.`);
	}
	const prefix = privilegePrefix();
	if (!prefix) {
		throw new Error(`${spec.neededBy} need \`${spec.command}\`; installing the Debian package ${spec.package} needs root (this user is not root and has no password-less sudo): run \`sudo apt-get install -y ${spec.package}\` once, then run the command again.`);
	}
	const install = aptQueue.then(async () => {
		if (locate()) return;
		const apt = (args, label) => {
			const [command, ...rest] = [...prefix, 'apt-get', ...args];
			return runStep(command, rest, { label, log, env: { ...process.env, ...APT_ENV } });
		};
		log(`[system] installing the Debian package ${spec.package} for ${spec.neededBy} (apt-get; first time only)`);
		if (!aptUpdate) {
			log('[system] apt-get update (once per run)');
			aptUpdate = apt(['update', ...APT_LOCK_WAIT], '[system] apt-get update');
		}
		await aptUpdate;
		const { seconds } = await apt(['install', '-y', '--no-install-recommends', ...APT_LOCK_WAIT, spec.package], `[system] apt-get install ${spec.package}`);
		log(`[system] ${spec.package} installed in ${seconds} s`);
	});
	aptQueue = install.catch(() => undefined);
	await install;
	const installed = locate();
	if (!installed) throw new Error(`apt-get installed ${spec.package}, but \`${spec.command}\` is still not found (PATH: ${process.env.PATH}).`);
	return installed;
}

module.exports = { ensureSystemPackage, findOnPath };
