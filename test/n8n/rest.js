'use strict';
/**
 * The editor's own REST API of a running n8n (`n8n start`): owner setup, login, credential test.
 * It is the path a user's click takes, so the tests and the sandbox use it rather than the database.
 */
const BROWSER_ID = 'n8n-nodes-sms-gateways-local';

/** The sandbox and test login. Local only: n8n listens on 127.0.0.1. */
const LOCAL_OWNER = {
	email: 'owner@sms-gateways.local',
	firstName: 'Sandbox',
	lastName: 'Owner',
	password: 'SmsSandbox1',
};

class RestSession {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
	}

	async request(method, path, body) {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie && /n8n-auth=[^;]+/.exec(setCookie);
		if (auth) this.cookie = auth[0];
		const text = await response.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	}

	async requestOk(method, path, body) {
		const result = await this.request(method, path, body);
		if (result.status >= 400) throw new Error(`${method} ${path} → ${result.status}: ${result.text.slice(0, 500)}`);
		return result.json;
	}

	/** Creates the owner on a fresh instance; on one already set up, logs in instead. */
	async setupOwnerOrLogin(owner = LOCAL_OWNER) {
		const settings = await this.requestOk('GET', '/rest/settings');
		const showSetup = settings?.data?.userManagement?.showSetupOnFirstLoad;
		if (showSetup !== false) {
			const setup = await this.request('POST', '/rest/owner/setup', owner);
			if (setup.status < 400) return setup.json;
		}
		return this.login(owner);
	}

	login(owner = LOCAL_OWNER) {
		return this.requestOk('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
	}

	/** `{ status: 'OK' | 'Error', message }`, what the credential dialog shows. */
	async testCredential(credential) {
		const result = await this.requestOk('POST', '/rest/credentials/test', { credentials: credential });
		return result?.data ?? result;
	}
}

module.exports = { RestSession, LOCAL_OWNER, BROWSER_ID };
