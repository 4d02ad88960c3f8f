'use strict';
/**
 * Throw-away PostgreSQL and Redis servers for n8n's queue mode: Debian's binaries, free loopback
 * ports, data in a temporary folder that is deleted on stop, nothing persisted beyond the run.
 * Shared by `npm run start:queue` and the queue-mode tests. Node built-ins only.
 *
 * PostgreSQL refuses to run as root, so as root its commands run as Debian's `postgres` user
 * (`runuser -u postgres --`), which owns the data folder; any other user runs them directly.
 */
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

/** Debian installs PostgreSQL under /usr/lib/postgresql/<major>/bin, which is not on PATH. */
const POSTGRES_ROOT = '/usr/lib/postgresql';
const POSTGRES_PROGRAMS = ['postgres', 'initdb', 'pg_ctl', 'createdb'];

function isExecutable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

/** The folder holding PostgreSQL's server programs (newest major first, then PATH), or null. */
function findPostgresBinDir(envPath = process.env.PATH ?? '') {
	const candidates = [];
	try {
		const majors = fs.readdirSync(POSTGRES_ROOT).filter((name) => /^\d+$/.test(name));
		majors.sort((a, b) => Number(b) - Number(a));
		candidates.push(...majors.map((major) => path.join(POSTGRES_ROOT, major, 'bin')));
	} catch {
		// not a Debian PostgreSQL
	}
	candidates.push(...envPath.split(path.delimiter).filter(Boolean));
	return candidates.find((dir) => POSTGRES_PROGRAMS.every((program) => isExecutable(path.join(dir, program)))) ?? null;
}

/** Debian's redis-server, on PATH or in /usr/bin, or null. */
function findRedisServer(envPath = process.env.PATH ?? '') {
	const dirs = [...envPath.split(path.delimiter).filter(Boolean), '/usr/bin', '/usr/sbin'];
	return dirs.map((dir) => path.join(dir, 'redis-server')).find(isExecutable) ?? null;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** `[command, args]` that runs a PostgreSQL program as a user it accepts. */
function asPostgresUser(program, args) {
	if (!isRoot()) return [program, args];
	if (spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status !== 0) {
		throw new Error("PostgreSQL refuses to run as root and this machine has no `postgres` user (Debian's postgresql package creates it): run as another user, or install the package");
	}
	return ['runuser', ['-u', 'postgres', '--', program, ...args]];
}

function runChecked(program, args, what) {
	const [command, commandArgs] = asPostgresUser(program, args);
	const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 120000 });
	if (result.status !== 0) {
		throw new Error(`${what} failed (exit ${result.status ?? result.signal}): ${`${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n')}`);
	}
	return result;
}

/**
 * A PostgreSQL server with one database for n8n. Local connections are trusted (loopback only,
 * a throw-away cluster); durability is off (fsync, synchronous commit), which is right for a test
 * rig and wrong for anything kept. Resolves to `{ host, port, user, database, dataDir, stop() }`.
 */
async function startPostgres({ binDir = findPostgresBinDir(), database = 'n8n', user = 'n8n', log = () => {} } = {}) {
	if (!binDir) throw new Error('PostgreSQL is not installed (no initdb/postgres in /usr/lib/postgresql/*/bin or on PATH): apt-get install -y postgresql');
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const dataDir = path.join(root, 'data');
	const logFile = path.join(root, 'postgres.log');
	if (isRoot()) spawnSync('chown', ['postgres:postgres', root]);
	const port = await freePort();
	let started = false;
	const stop = () => {
		if (started) {
			started = false;
			try {
				runChecked(path.join(binDir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], 'pg_ctl stop');
			} catch (error) {
				log(`  (PostgreSQL did not stop cleanly: ${error.message})`);
			}
		}
		fs.rmSync(root, { recursive: true, force: true });
	};
	try {
		runChecked(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], 'initdb');
		const options = [
			`-p ${port}`,
			"-c listen_addresses='127.0.0.1'",
			`-c unix_socket_directories='${root}'`,
			'-c fsync=off',
			'-c synchronous_commit=off',
			'-c full_page_writes=off',
		].join(' ');
		started = true;
		runChecked(path.join(binDir, 'pg_ctl'), ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options], 'pg_ctl start');
		runChecked(path.join(binDir, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], 'createdb');
	} catch (error) {
		const tail = fs.existsSync(logFile) ? `\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')}` : '';
		stop();
		throw new Error(`${error.message}${tail}`);
	}
	log(`  PostgreSQL               127.0.0.1:${port} (database ${database}, data in ${dataDir})`);
	return { host: '127.0.0.1', port, user, database, dataDir, stop: async () => stop() };
}

/** A redis-server on a free loopback port that persists nothing. Resolves to `{ host, port, stop() }`. */
async function startRedis({ binary = findRedisServer(), log = () => {} } = {}) {
	if (!binary) throw new Error('redis-server is not installed: apt-get install -y redis-server');
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'];
	const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	try {
		await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10000);
			const onData = (chunk) => {
				output += chunk.toString();
				if (output.includes('Ready to accept connections')) {
					clearTimeout(timer);
					resolve();
				}
			};
			child.stdout.on('data', onData);
			child.stderr.on('data', onData);
			child.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`redis-server exited with ${code}:\n${output}`));
			});
		});
	} catch (error) {
		child.kill('SIGKILL');
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	child.removeAllListeners('exit');
	child.stdout.resume();
	child.stderr.resume();
	log(`  Redis                    127.0.0.1:${port}`);
	const stop = () =>
		new Promise((resolve) => {
			const done = () => {
				fs.rmSync(dir, { recursive: true, force: true });
				resolve();
			};
			if (child.exitCode !== null || child.signalCode !== null) return done();
			child.once('exit', done);
			child.kill('SIGTERM');
		});
	return { host: '127.0.0.1', port, pid: child.pid, stop };
}

module.exports = { findPostgresBinDir, findRedisServer, freePort, startPostgres, startRedis };
