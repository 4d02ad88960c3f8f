'use strict';
/**
 * What the sandbox imports into n8n: one credential per gateway, pointing at its emulator, with
 * the ids the example workflows reference, and the example workflows themselves.
 */
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./runtimes');
const { credentialFor } = require('../emulators/all');

/** Credential id and name per gateway; examples/*.json refer to these ids. */
const SANDBOX_CREDENTIALS = {
	smsAssistent: { id: 'sbxSmsAssistent', name: 'SMS-assistent (sandbox emulator)' },
	a1: { id: 'sbxA1', name: 'A1 (sandbox emulator)' },
	smsClub: { id: 'sbxSmsClub', name: 'SMSClub (sandbox emulator)' },
	devino: { id: 'sbxDevino', name: 'Devino (sandbox emulator)' },
};

/** `emulators` as returned by startAll(): the four credentials with their emulator's account. */
function sandboxCredentials(emulators) {
	return Object.entries(SANDBOX_CREDENTIALS)
		.filter(([gatewayId]) => emulators[gatewayId])
		.map(([gatewayId, identity]) => credentialFor(emulators[gatewayId], identity));
}

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** Every examples/*.json, parsed, keyed by file name. */
function loadExamples() {
	const examples = {};
	for (const file of fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()) {
		examples[file] = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
	}
	return examples;
}

module.exports = { SANDBOX_CREDENTIALS, sandboxCredentials, loadExamples, EXAMPLES_DIR };
