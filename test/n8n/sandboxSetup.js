'use strict';
/**
 * What the sandbox imports into n8n: one credential per gateway, pointing at its emulator, with
 * the ids the example workflows reference, a Bitrix24 credential connected to the portal emulator,
 * and the example workflows themselves.
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

/** The Bitrix24 credential the Bitrix24 examples refer to. */
const SANDBOX_BITRIX24 = { id: 'sbxBitrix24', name: 'Bitrix24 (sandbox emulator)' };

/**
 * A Bitrix24 credential already connected to the portal emulator: the tokens an authorization
 * would have given (no "Connect my account" click needed in the sandbox).
 */
function bitrix24SandboxCredential(portal) {
	const { DEFAULT_ACCOUNT } = require('../emulators/bitrix24');
	return {
		...SANDBOX_BITRIX24,
		type: 'bitrix24OAuth2Api',
		data: {
			portalUrl: portal.url,
			authorizationServer: portal.url,
			clientId: DEFAULT_ACCOUNT.clientId,
			clientSecret: DEFAULT_ACCOUNT.clientSecret,
			oauthTokenData: { token_type: 'bearer', ...portal.issueTokens() },
		},
	};
}

/** The examples that start from Bitrix24 (a trigger): the sandbox publishes them so that they listen at once. */
const BITRIX24_EXAMPLES = ['bitrix24-sms-provider-via-sms-assistent.json', 'bitrix24-new-lead-sms.json'];

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** Every examples/*.json, parsed, keyed by file name. */
function loadExamples() {
	const examples = {};
	for (const file of fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()) {
		examples[file] = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
	}
	return examples;
}

module.exports = { SANDBOX_CREDENTIALS, SANDBOX_BITRIX24, BITRIX24_EXAMPLES, sandboxCredentials, bitrix24SandboxCredential, loadExamples, EXAMPLES_DIR };
