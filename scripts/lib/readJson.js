'use strict';
/** A JSON file's value, or null when it is missing or not valid JSON (set-up treats both as "not in place"). */
const fs = require('node:fs');

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

module.exports = { readJson };
