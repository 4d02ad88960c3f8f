'use strict';
/**
 * Drives a real n8n from a runtime found by ./runtimes.js: a user folder with this package
 * linked in as a community package, the headless CLI (import, execute) and `n8n start`.
 * Shared by the sandbox, the end-to-end tests and the benchmark.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { REPO_ROOT, runtimeProcessEnv } = require('./runtimes');

const PACKAGE_NAME = 'n8n-nodes-sms-gateways';
/** The package folder n8n loads: this repo, or another copy of it (e.g. an unpacked `npm pack`). */
const PACKAGE_DIR = path.resolve(process.env.N8N_SMS_PACKAGE_DIR ?? REPO_ROOT);
/** Fixed so credentials imported in one run can be decrypted by the next (tests, sandbox). */
const ENCRYPTION_KEY = 'n8n-nodes-sms-gateways-local-only';

/** Quiet, offline, reproducible: no telemetry, no update checks, no template calls. */
const QUIET_ENV = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_SECURE_COOKIE: 'false',
	N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
	// Jest sets NODE_ENV=test, which silences n8n's CLI output (the run's JSON included).
	NODE_ENV: 'production',
};

/**
 * A user folder whose n8n loads this repo (built into dist/) as the community package
 * `n8n-nodes-sms-gateways`, so node types are named as in a user's editor.
 */
function createUserFolder(dir) {
	const userFolder = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-sms-e2e-'));
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(path.join(nodesDir, 'node_modules'), { recursive: true });
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: `file:${PACKAGE_DIR}` } }, null, '\t'),
	);
	const link = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	if (!isLinkTo(link, PACKAGE_DIR)) {
		fs.rmSync(link, { recursive: true, force: true });
		fs.symlinkSync(PACKAGE_DIR, link, 'dir');
	}
	return userFolder;
}

function isLinkTo(link, target) {
	try {
		return fs.lstatSync(link).isSymbolicLink() && fs.realpathSync(link) === fs.realpathSync(target);
	} catch {
		return false;
	}
}

/** The package must be built: n8n loads dist/, and says little when a file is missing. */
function assertPackageBuilt() {
	const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));
	const files = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	if (files.length === 0) throw new Error('package.json lists no n8n nodes or credentials (the "n8n" section is empty)');
	const missing = files.filter((f) => !fs.existsSync(path.join(PACKAGE_DIR, f)));
	if (missing.length) throw new Error(`the package is not built (missing ${missing.join(', ')}): run npm run build`);
}

/**
 * One n8n instance's identity: runtime, user folder and ports. `port` is the editor/REST port,
 * `brokerPort` the task broker's (execute starts one too, so it must not collide with a running n8n).
 */
function createInstance(runtime, { userFolder, port = 5678, brokerPort = 5679, env = {} } = {}) {
	const folder = createUserFolder(userFolder);
	const instanceEnv = {
		...runtimeProcessEnv(runtime.version),
		...QUIET_ENV,
		...runtime.env,
		N8N_USER_FOLDER: folder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		...env,
	};
	return { runtime, userFolder: folder, port, brokerPort, env: instanceEnv, url: `http://127.0.0.1:${port}` };
}

/**
 * Runs `n8n <args>` to completion. Never rejects on a non-zero exit: callers judge the output.
 * stdout goes to a file, not a pipe: n8n calls process.exit() right after printing a run, and
 * writes to a pipe still pending then are lost (large runs came back cut short).
 */
function runCli(instance, args, { timeoutMs = 180000, env = {}, nodeOptions = [], onSpawn } = {}) {
	return new Promise((resolve, reject) => {
		const outFile = path.join(instance.userFolder, `stdout-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.log`);
		const outFd = fs.openSync(outFile, 'w');
		const child = spawn(instance.runtime.nodeBin, [...nodeOptions, instance.runtime.n8nMain, ...args], {
			cwd: instance.userFolder,
			env: { ...instance.env, ...env },
			stdio: ['ignore', outFd, 'pipe'],
		});
		fs.closeSync(outFd);
		const stderr = [];
		child.stderr.on('data', (c) => stderr.push(c));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		const readOut = () => {
			const text = fs.readFileSync(outFile, 'utf8');
			fs.rmSync(outFile, { force: true });
			return text;
		};
		child.on('error', (error) => {
			clearTimeout(timer);
			fs.rmSync(outFile, { force: true });
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				code: code ?? (signal ? 128 : 1),
				signal,
				pid: child.pid,
				stdout: readOut(),
				stderr: Buffer.concat(stderr).toString('utf8'),
			});
		});
		if (onSpawn) onSpawn(child);
	});
}

async function runCliOrThrow(instance, args, options) {
	const result = await runCli(instance, args, options);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited ${result.code}:\n${tail(result.stdout)}\n${tail(result.stderr)}`);
	}
	return result;
}

function tail(text, lines = 30) {
	return text.split('\n').slice(-lines).join('\n');
}

/** Imports credentials ({ id, name, type, data }) in one CLI run; `data` is plain, n8n encrypts it. */
async function importCredentials(instance, credentials) {
	const file = writeTemp(instance, 'credentials.json', credentials);
	try {
		await runCliOrThrow(instance, ['import:credentials', `--input=${file}`]);
	} finally {
		// The plain-text copy is not left in the user folder once n8n holds it encrypted.
		fs.rmSync(file, { force: true });
	}
}

/** Imports workflows (each with an `id`) in one CLI run. */
async function importWorkflows(instance, workflows) {
	const file = writeTemp(instance, 'workflows.json', workflows);
	await runCliOrThrow(instance, ['import:workflow', `--input=${file}`]);
}

function writeTemp(instance, name, value) {
	const dir = path.join(instance.userFolder, 'imports');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${Date.now()}-${name}`);
	fs.writeFileSync(file, JSON.stringify(value, null, '\t'));
	return file;
}

/**
 * `n8n execute --id --rawOutput`: log lines come first, then the run's JSON. A failed workflow exits
 * 1 and still prints its error; both are returned as `{ ok, code, data, stdout, stderr }`.
 */
async function executeWorkflow(instance, id, options) {
	const result = await runCli(instance, ['execute', `--id=${id}`, '--rawOutput'], options);
	const data = parseJsonAfterLogs(result.stdout);
	return { ok: result.code === 0, code: result.code, data, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The run's JSON: n8n prints it with JSON.stringify(data, null, 2), so it starts with a line "{" and
 * ends with the next line "}" at column 0. Log lines may come before it and after it (shutdown).
 */
function parseJsonAfterLogs(stdout) {
	const lines = stdout.split('\n');
	for (let start = lines.indexOf('{'); start >= 0; start = lines.indexOf('{', start + 1)) {
		const end = lines.indexOf('}', start + 1);
		if (end < 0) break;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// a log line that happens to be a lone brace; keep looking
		}
	}
	return undefined;
}

/** `n8n start` in the background; resolves once the REST API answers. */
function startServer(instance, { timeoutMs = 120000, onOutput } = {}) {
	return startN8nProcess(instance, ['start'], { isReady: () => isReady(instance.url), timeoutMs, onOutput, what: `n8n start on ${instance.url}` });
}

/**
 * `n8n <args>` (start, worker, webhook) in the background, in its own process group; resolves once
 * `isReady()` says so. The handle's stop() ends the group (n8n starts task runners as children)
 * with SIGTERM, then SIGKILL after 15 s; kill() ends it at once, as a crash would.
 */
async function startN8nProcess(instance, args, { isReady: ready, timeoutMs = 120000, onOutput, what = `n8n ${args.join(' ')}` }) {
	const child = spawn(instance.runtime.nodeBin, [instance.runtime.n8nMain, ...args], {
		cwd: instance.userFolder,
		env: instance.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const output = [];
	const collect = (c) => {
		output.push(c.toString());
		if (output.length > 300) output.shift();
		if (onOutput) onOutput(c.toString());
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exited = null;
	child.on('exit', (code, signal) => {
		exited = code ?? (signal ? 128 : 1);
	});
	const signalGroup = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			try {
				child.kill(signal);
			} catch {
				// already gone
			}
		}
	};
	const stop = () =>
		new Promise((resolve) => {
			if (exited !== null) return resolve();
			child.once('exit', () => resolve());
			signalGroup('SIGTERM');
			setTimeout(() => signalGroup('SIGKILL'), 15000).unref();
		});
	const kill = () =>
		new Promise((resolve) => {
			if (exited !== null) return resolve();
			child.once('exit', () => resolve());
			signalGroup('SIGKILL');
		});
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited !== null) throw new Error(`${what} exited ${exited}:\n${tail(output.join(''))}`);
		if (await ready()) return { child, pid: child.pid, url: instance.url, stop, kill, output };
		await delay(500);
	}
	await stop();
	throw new Error(`${what} was not ready within ${timeoutMs / 1000} s:\n${tail(output.join(''))}`);
}

/**
 * Ready = the database is migrated (/healthz/readiness; in 2.x also every route registered) and
 * the REST API answers with its settings as JSON. While migrating, n8n answers every path with
 * 200 "n8n is starting up", so a bare 200 means nothing: on a fresh, slow machine the first start
 * spends seconds there, and routes asked for then were missing (404).
 */
async function isReady(baseUrl) {
	try {
		const readiness = await fetch(`${baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
		if (!readiness.ok) return false;
		const settings = await fetch(`${baseUrl}/rest/settings`, { signal: AbortSignal.timeout(2000) });
		if (!settings.ok || !(settings.headers.get('content-type') ?? '').includes('application/json')) return false;
		return (await settings.json())?.data !== undefined;
	} catch {
		return false;
	}
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = {
	PACKAGE_NAME,
	PACKAGE_DIR,
	ENCRYPTION_KEY,
	createUserFolder,
	assertPackageBuilt,
	createInstance,
	runCli,
	runCliOrThrow,
	importCredentials,
	importWorkflows,
	executeWorkflow,
	parseJsonAfterLogs,
	startServer,
	startN8nProcess,
	isReady,
};
