'use strict';
/**
 * dist/, built from the current sources. In place = the files n8n loads exist and a hash of
 * everything the build reads matches the one recorded after the last build (.cache/setup/build.json);
 * otherwise `npm run build`. Node built-ins only.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { runStep } = require('./runStep');
const { readJson } = require('./readJson');

/** What `npm run build` reads (tsc, gulp build:icons). */
const SOURCE_FOLDERS = ['nodes', 'credentials', 'icons'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'gulpfile.js', 'package-lock.json'];

function stampFile(root) {
	return path.join(root, '.cache', 'setup', 'build.json');
}

function sourcesHash(root) {
	const hash = crypto.createHash('sha256');
	const add = (file) => {
		hash.update(`${path.relative(root, file)}\0`);
		hash.update(fs.readFileSync(file));
		hash.update('\0');
	};
	for (const folder of SOURCE_FOLDERS) for (const file of filesUnder(path.join(root, folder))) add(file);
	for (const file of SOURCE_FILES) if (fs.existsSync(path.join(root, file))) add(path.join(root, file));
	// package.json's "n8n" section names what is built; its scripts and keywords do not matter here.
	hash.update(JSON.stringify(readJson(path.join(root, 'package.json'))?.n8n ?? null));
	return hash.digest('hex');
}

function filesUnder(dir) {
	if (!fs.existsSync(dir)) return [];
	const files = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) files.push(...filesUnder(full));
		else if (entry.isFile()) files.push(full);
	}
	return files;
}

/** The files package.json tells n8n to load, relative to the package root. */
function builtFiles(root) {
	const n8n = readJson(path.join(root, 'package.json'))?.n8n ?? {};
	return [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])];
}

function staleReason(root, hash = sourcesHash(root)) {
	const missing = builtFiles(root).find((file) => !fs.existsSync(path.join(root, file)));
	if (missing) return `${missing} is missing`;
	if (readJson(stampFile(root))?.sources !== hash) return 'the sources changed since the last build';
	return null;
}

async function ensureBuild(root, { log }) {
	const hash = sourcesHash(root);
	const reason = staleReason(root, hash);
	if (!reason) return { changed: false };
	log(`[build] building the package into dist/ (${reason}): npm run build`);
	const { seconds } = await runStep('npm', ['run', 'build', '--silent'], { label: '[build] npm run build', log, cwd: root });
	fs.mkdirSync(path.dirname(stampFile(root)), { recursive: true });
	fs.writeFileSync(stampFile(root), JSON.stringify({ sources: hash, builtAt: new Date().toISOString() }, null, '\t'));
	const after = staleReason(root);
	if (after) throw new Error(`[build] npm run build finished, but ${after}`);
	log(`[build] built in ${seconds} s`);
	return { changed: true };
}

module.exports = { ensureBuild, staleReason, sourcesHash };
