'use strict';
/**
 * Part of `npm run lint`: imports go one way. The shipped code (nodes/, credentials/) imports
 * neither tests nor tooling; test/ (tests, emulators, the n8n drivers in test/n8n) never imports
 * scripts/; scripts/ (the commands: set-up, sandbox, benchmark) may import test/'s tooling.
 * Reads relative `require('…')`, `import … from '…'` and `import('…')` specifiers.
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
/** folder → folders its files must not import from */
const FORBIDDEN = {
	nodes: ['test', 'scripts'],
	credentials: ['test', 'scripts'],
	test: ['scripts'],
};
const SOURCE = /\.(?:[cm]?js|ts)$/;
const SPECIFIER = /(?:require\s*\(\s*|import\s*\(\s*|\bfrom\s+|^\s*import\s+)(['"`])(\.{1,2}\/[^'"`$]*)\1/gm;

function* sourceFiles(dir) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) yield* sourceFiles(full);
		else if (SOURCE.test(entry.name)) yield full;
	}
}

function topFolder(file) {
	return path.relative(REPO_ROOT, file).split(path.sep)[0];
}

function violations() {
	const found = [];
	for (const [folder, forbidden] of Object.entries(FORBIDDEN)) {
		const root = path.join(REPO_ROOT, folder);
		if (!fs.existsSync(root)) continue;
		for (const file of sourceFiles(root)) {
			const text = fs.readFileSync(file, 'utf8');
			for (const match of text.matchAll(SPECIFIER)) {
				const target = topFolder(path.resolve(path.dirname(file), match[2]));
				if (forbidden.includes(target)) {
					const line = text.slice(0, match.index).split('\n').length;
					found.push(`${path.relative(REPO_ROOT, file)}:${line} imports ${match[2]} (${folder}/ must not import ${target}/)`);
				}
			}
		}
	}
	return found;
}

if (require.main === module) {
	const found = violations();
	for (const line of found) process.stderr.write(`${line}\n`);
	if (found.length) process.exit(1);
}

module.exports = { violations };
