/**
 * The Bitrix24 portal emulator on its own, over raw HTTP: OAuth, REST with application context,
 * messageservice.*, event.*, crm.*.get, and the portal side's handler and event calls.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAnswer } from '../../harness/readAnswer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bitrix24 = require('../../emulators/bitrix24') as {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	start(options?: object): Promise<any>;
	DEFAULT_ACCOUNT: Record<string, string>;
};
const ACCOUNT = bitrix24.DEFAULT_ACCOUNT;
const REDIRECT = 'https://n8n.example.com/rest/oauth2-credential/callback';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let emulator: any;
beforeAll(async () => {
	emulator = await bitrix24.start();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

async function call(method: string, params: Record<string, unknown>, token?: string) {
	const response = await fetch(`${emulator.url}/rest/${method}.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(token === undefined ? params : { ...params, auth: token }),
	});
	return readAnswer(response);
}

async function authorize(): Promise<string> {
	const url = `${emulator.url}/oauth/authorize/?client_id=${ACCOUNT.clientId}&state=s1&redirect_uri=${encodeURIComponent(REDIRECT)}`;
	const response = await fetch(url, { redirect: 'manual' });
	expect(response.status).toBe(302);
	const location = new URL(response.headers.get('location') as string);
	expect(location.origin + location.pathname).toBe(REDIRECT);
	expect(location.searchParams.get('state')).toBe('s1');
	expect(location.searchParams.get('member_id')).toBe(ACCOUNT.memberId);
	return location.searchParams.get('code') as string;
}

async function token(params: Record<string, string>, how: 'GET' | 'POST' = 'POST') {
	const body = new URLSearchParams({ client_id: ACCOUNT.clientId, client_secret: ACCOUNT.clientSecret, ...params });
	const response =
		how === 'GET'
			? await fetch(`${emulator.url}/oauth/token/?${body}`)
			: await fetch(`${emulator.url}/oauth/token/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
	return readAnswer(response);
}

async function connect(): Promise<{ access_token: string; refresh_token: string }> {
	const answer = await token({ grant_type: 'authorization_code', code: await authorize() });
	expect(answer.status).toBe(200);
	return answer.json;
}

const SENDER = { CODE: 'n8n_sms', TYPE: 'SMS', HANDLER: 'https://n8n.example.com/webhook/abc', NAME: 'n8n', DESCRIPTION: 'SMS through n8n' };

/** A handler the portal can call, recording what it receives. */
async function handlerServer(status = 200) {
	const received: Array<{ contentType: string; body: string }> = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			received.push({ contentType: String(req.headers['content-type']), body });
			res.writeHead(status).end('OK');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('Bitrix24 emulator: OAuth', () => {
	it('exchanges a code once, by GET as documented and by POST, and answers the documented shape', async () => {
		const code = await authorize();
		const first = await token({ grant_type: 'authorization_code', code }, 'GET');
		expect(first.status).toBe(200);
		expect(first.json).toMatchObject({ expires_in: 3600, member_id: ACCOUNT.memberId, domain: 'oauth.bitrix.info', status: 'L' });
		expect(first.json.access_token).toMatch(/^[0-9a-f]{32}$/);
		expect(first.json.client_endpoint).toBe(`${emulator.url}/rest/`);
		const again = await token({ grant_type: 'authorization_code', code });
		expect(again.status).toBe(400);
		expect(again.json.error).toBe('invalid_grant');
	});

	it('refuses an unknown client, a wrong secret, an old code and an unknown grant', async () => {
		expect((await fetch(`${emulator.url}/oauth/authorize/?client_id=other`, { redirect: 'manual' })).status).toBe(400);
		const code = await authorize();
		const wrongSecret = await token({ grant_type: 'authorization_code', code, client_secret: 'nope' });
		expect(wrongSecret.json.error).toBe('invalid_client');
		emulator.advance(31_000);
		const late = await token({ grant_type: 'authorization_code', code });
		expect(late.json).toEqual({ error: 'expired_token', error_description: 'The authorization token provided has expired.' });
		expect((await token({ grant_type: 'password' })).json.error).toBe('unsupported_grant_type');
	});

	it('expires the access token after an hour, and the refresh token gives a new pair once', async () => {
		const tokens = await connect();
		expect((await call('profile', {}, tokens.access_token)).status).toBe(200);
		emulator.advance(60 * 60 * 1000);
		const expired = await call('profile', {}, tokens.access_token);
		expect(expired.status).toBe(401);
		expect(expired.json).toEqual({ error: 'expired_token', error_description: 'The access token provided has expired.' });
		const renewed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
		expect(renewed.status).toBe(200);
		expect((await call('profile', {}, renewed.json.access_token)).status).toBe(200);
		expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).json.error).toBe('invalid_grant');
	});

	it('ends the refresh token after 180 days', async () => {
		const tokens = await connect();
		emulator.advance(180 * 24 * 60 * 60 * 1000);
		expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).json.error).toBe('expired_token');
	});

	it('expires every access token on demand, in process and over HTTP', async () => {
		const tokens = await connect();
		emulator.expireAccessTokens();
		expect((await call('profile', {}, tokens.access_token)).json.error).toBe('expired_token');
		const other = await connect();
		await fetch(`${emulator.url}/__portal/expire-tokens`, { method: 'POST' });
		expect((await call('profile', {}, other.access_token)).json.error).toBe('expired_token');
	});
});

describe('Bitrix24 emulator: REST', () => {
	it('takes the token only as the auth parameter (query, form or JSON), not as a Bearer header by default', async () => {
		const { access_token: access } = await connect();
		expect((await fetch(`${emulator.url}/rest/profile?auth=${access}`)).status).toBe(200);
		const form = await fetch(`${emulator.url}/rest/profile.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: `auth=${access}`,
		});
		expect(form.status).toBe(200);
		const bearer = await readAnswer(await fetch(`${emulator.url}/rest/profile`, { headers: { authorization: `Bearer ${access}` } }));
		expect(bearer.status).toBe(401);
		expect(bearer.json.error).toBe('NO_AUTH_FOUND');
		emulator.config.acceptBearerHeader = true;
		expect((await fetch(`${emulator.url}/rest/profile`, { headers: { authorization: `Bearer ${access}` } })).status).toBe(200);
	});

	it('answers an unknown token, an unknown method and an unreadable body with Bitrix24 errors', async () => {
		expect((await call('profile', {}, 'f'.repeat(32))).json.error).toBe('invalid_token');
		const { access_token: access } = await connect();
		const unknown = await call('crm.nothing.get', {}, access);
		expect(unknown.status).toBe(404);
		expect(unknown.json.error).toBe('ERROR_METHOD_NOT_FOUND');
		const broken = await fetch(`${emulator.url}/rest/profile?auth=${access}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
		expect(broken.status).toBe(400);
	});

	it('refuses messageservice and event methods to an incoming webhook: Application context required', async () => {
		const url = `${emulator.url}/rest/${ACCOUNT.webhookUserId}/${ACCOUNT.webhookCode}`;
		for (const method of ['messageservice.sender.add', 'messageservice.sender.list', 'messageservice.message.status.update', 'event.bind']) {
			const answer = await readAnswer(await fetch(`${url}/${method}.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SENDER) }));
			expect(answer.status).toBe(403);
			expect(answer.json).toEqual({ error: 'ACCESS_DENIED', error_description: 'Application context required' });
		}
		// A webhook may read the CRM; a wrong webhook code may not.
		expect((await fetch(`${url}/crm.lead.get.json?id=98`)).status).toBe(200);
		expect((await fetch(`${emulator.url}/rest/1/wrong/crm.lead.get.json?id=98`)).status).toBe(401);
		expect(emulator.portalState().senders).toHaveLength(0);
	});

	it('registers, lists and deletes a provider, validating CODE, TYPE, HANDLER and NAME', async () => {
		const { access_token: access } = await connect();
		expect((await call('messageservice.sender.add', SENDER, access)).json.result).toBe(true);
		const twice = await call('messageservice.sender.add', SENDER, access);
		expect(twice.json.error).toBe('ERROR_SENDER_ALREADY_INSTALLED');
		expect((await call('messageservice.sender.list', {}, access)).json.result).toEqual(['n8n_sms']);
		const refused: Array<[Record<string, unknown>, string]> = [
			[{ CODE: '' }, 'Empty sender code!'],
			[{ CODE: 'bad code' }, 'Wrong sender code!'],
			[{ CODE: 'ok', TYPE: 'CALL' }, 'Wrong sender type!'],
			[{ CODE: 'ok', HANDLER: 'ftp://n8n.example.com/x' }, 'Unsupported protocol'],
			[{ CODE: 'ok', HANDLER: 'http://localhost:5678/webhook/x' }, 'Wrong handler URL'],
			[{ CODE: 'ok', NAME: '' }, 'Empty sender name!'],
		];
		for (const [change, description] of refused) {
			const answer = await call('messageservice.sender.add', { ...SENDER, ...change }, access);
			expect(answer.status).toBe(400);
			expect(answer.json.error_description).toBe(description);
		}
		// 127.0.0.1 has a dot after its first character: Bitrix24 lets it through.
		expect((await call('messageservice.sender.add', { ...SENDER, CODE: 'local.1', HANDLER: 'http://127.0.0.1:5678/webhook/x' }, access)).json.result).toBe(true);
		expect((await call('messageservice.sender.delete', { CODE: 'n8n_sms' }, access)).json.result).toBe(true);
		expect((await call('messageservice.sender.delete', { CODE: 'n8n_sms' }, access)).json.error).toBe('ERROR_SENDER_NOT_FOUND');
		expect((await call('messageservice.sender.list', {}, access)).json.result).toEqual(['local.1']);
	});

	it('refuses provider registration to a user without administrator rights', async () => {
		emulator.config.authorizingUserId = 2;
		const { access_token: access } = await connect();
		const answer = await call('messageservice.sender.add', SENDER, access);
		expect(answer.status).toBe(403);
		expect(answer.json.error).toBe('ACCESS_DENIED');
	});

	it('binds, lists and unbinds event handlers', async () => {
		const { access_token: access } = await connect();
		const handler = 'https://n8n.example.com/webhook/lead';
		expect((await call('event.bind', { event: 'onCrmLeadAdd', handler }, access)).json.result).toBe(true);
		expect((await call('event.bind', { event: 'onCrmLeadAdd', handler }, access)).json.error).toBe('ERROR_HANDLER_ALREADY_BINDED');
		expect((await call('event.bind', { event: 'onNothing', handler }, access)).json.error).toBe('ERROR_EVENT_NOT_FOUND');
		expect((await call('event.get', {}, access)).json.result).toEqual([{ event: 'ONCRMLEADADD', handler, auth_type: 0, offline: 0 }]);
		expect((await call('event.unbind', { event: 'onCrmLeadAdd', handler }, access)).json.result).toEqual({ count: 1 });
		expect((await call('event.get', {}, access)).json.result).toEqual([]);
	});

	it('reads CRM entities with their PHONE multifield, and answers Not found', async () => {
		const { access_token: access } = await connect();
		const lead = await call('crm.lead.get', { id: 98 }, access);
		expect(lead.json.result.PHONE.map((p: { VALUE: string }) => p.VALUE)).toEqual(['+375291234567', '8 (017) 222-33-44']);
		expect((await call('crm.deal.get', { id: 5 }, access)).json.result.CONTACT_ID).toBe('7');
		const missing = await call('crm.contact.get', { id: 404 }, access);
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual({ error: '', error_description: 'Not found' });
	});

	it('refuses a method outside the application\'s scope with insufficient_scope, and keeps the basic scope open', async () => {
		emulator.config.scope = 'crm';
		const { access_token: access } = await connect();
		const refused = await call('messageservice.sender.list', {}, access);
		expect(refused.status).toBe(401);
		expect(refused.json.error).toBe('insufficient_scope');
		expect((await call('crm.lead.get', { id: 98 }, access)).status).toBe(200);
		expect((await call('event.get', {}, access)).status).toBe(200);
		emulator.config.scope = 'messageservice';
		const { access_token: other } = await connect();
		expect((await call('crm.lead.get', { id: 98 }, other)).json.error).toBe('insufficient_scope');
		expect((await call('messageservice.sender.list', {}, other)).status).toBe(200);
	});
});

describe('Bitrix24 emulator: the portal side', () => {
	it('POSTs a CRM SMS to the handler form-encoded with PHP bracket keys, and records status updates', async () => {
		const hook = await handlerServer();
		try {
			const { access_token: access } = await connect();
			await call('messageservice.sender.add', { ...SENDER, HANDLER: hook.url }, access);
			const sent = await emulator.sendSms({ to: '+375291234567', text: 'Hello' });
			expect(sent.deliveries).toHaveLength(1);
			expect(sent.deliveries[0].handlerStatus).toBe(200);
			expect(hook.received[0].contentType).toBe('application/x-www-form-urlencoded');
			const form = new URLSearchParams(hook.received[0].body);
			expect(form.get('module_id')).toBe('crm');
			expect(form.get('bindings[0][OWNER_TYPE_ID]')).toBe('1');
			expect(form.get('bindings[0][OWNER_ID]')).toBe('98');
			expect(form.get('properties[phone_number]')).toBe('+375291234567');
			expect(form.get('properties[message_text]')).toBe('Hello');
			expect(form.get('type')).toBe('SMS');
			expect(form.get('code')).toBe('n8n_sms');
			expect(form.get('message_to')).toBe('+375291234567');
			expect(form.get('message_body')).toBe('Hello');
			expect(form.get('message_id')).toMatch(/^[0-9a-f]{32}$/);
			expect(form.get('auth[application_token]')).toBe(ACCOUNT.applicationToken);
			expect(form.get('auth[member_id]')).toBe(ACCOUNT.memberId);
			expect(form.get('auth[domain]')).toBe(ACCOUNT.domain);
			expect(form.get('auth[refresh_token]')).toMatch(/^[0-9a-f]{32}$/);
			// The access token in a handler call works for REST.
			const messageId = form.get('message_id') as string;
			const update = { CODE: 'n8n_sms', MESSAGE_ID: messageId };
			expect((await call('messageservice.message.status.update', { ...update, STATUS: 'sent' }, form.get('auth[access_token]') as string)).json.result).toBe(true);
			expect((await call('messageservice.message.status.update', { ...update, STATUS: 'delivered' }, access)).json.result).toBe(true);
			expect((await call('messageservice.message.status.update', { ...update, STATUS: 'DELIVERED' }, access)).json.error).toBe('ERROR_MESSAGE_STATUS_INCORRECT');
			expect((await call('messageservice.message.status.update', { ...update, CODE: 'other', STATUS: 'sent' }, access)).json.error).toBe('ERROR_MESSAGE_NOT_FOUND');
			const message = emulator.ledger.findMessage(messageId);
			expect(message.status).toBe('delivered');
			expect(message.statusHistory.map((h: { status: string }) => h.status)).toEqual(['sent', 'delivered']);
		} finally {
			await hook.close();
		}
	});

	it('sends a business-process SMS with workflow and document, over HTTP control', async () => {
		const hook = await handlerServer();
		try {
			const { access_token: access } = await connect();
			await call('messageservice.sender.add', { ...SENDER, HANDLER: hook.url }, access);
			const answer = await readAnswer(
				await fetch(`${emulator.url}/__portal/sms`, { method: 'POST', body: JSON.stringify({ to: '+375291234567', text: 'Hi', moduleId: 'bizproc' }) }),
			);
			expect(answer.json.deliveries[0].handlerStatus).toBe(200);
			const form = new URLSearchParams(hook.received[0].body);
			expect(form.get('module_id')).toBe('bizproc');
			expect(form.get('document_id[2]')).toBe('LEAD_98');
			expect(form.get('document_type[1]')).toBe('CCrmDocumentLead');
			expect(form.get('workflow_id')).toBeTruthy();
			expect(form.get('bindings[0][OWNER_ID]')).toBeNull();
		} finally {
			await hook.close();
		}
	});

	it('POSTs event calls to bound handlers without a refresh token', async () => {
		const hook = await handlerServer();
		try {
			const { access_token: access } = await connect();
			await call('event.bind', { event: 'ONCRMLEADADD', handler: hook.url }, access);
			const fired = await emulator.fireEvent({ event: 'onCrmLeadAdd', fields: { ID: '98' } });
			expect(fired.calls).toHaveLength(1);
			const form = new URLSearchParams(hook.received[0].body);
			expect(form.get('event')).toBe('ONCRMLEADADD');
			expect(form.get('data[FIELDS][ID]')).toBe('98');
			expect(form.get('auth[application_token]')).toBe(ACCOUNT.applicationToken);
			expect(form.get('auth[refresh_token]')).toBeNull();
			expect((await emulator.fireEvent({ event: 'ONCRMDEALADD', fields: { ID: '5' } })).calls).toHaveLength(0);
		} finally {
			await hook.close();
		}
	});

	it('adds and updates CRM records from the portal side, raising ADD and UPDATE with the binding id', async () => {
		const hook = await handlerServer();
		try {
			const { access_token: access } = await connect();
			await call('event.bind', { event: 'ONCRMCOMPANYADD', handler: hook.url }, access);
			await call('event.bind', { event: 'ONCRMLEADADD', handler: hook.url }, access);
			await call('event.bind', { event: 'ONCRMLEADUPDATE', handler: hook.url }, access);
			const added = await emulator.changeRecord({ entity: 'lead', fields: { TITLE: 'Call me', PHONE: [{ VALUE: '+375291112233', VALUE_TYPE: 'MOBILE' }] } });
			expect(added).toMatchObject({ id: '101', event: 'ONCRMLEADADD', calls: [{ status: 200 }] });
			expect((await call('crm.lead.get', { id: added.id }, access)).json.result).toMatchObject({ ID: '101', TITLE: 'Call me' });
			expect((await emulator.changeRecord({ entity: 'lead', id: '101', fields: { TITLE: 'Called' } })).event).toBe('ONCRMLEADUPDATE');
			expect(await emulator.changeRecord({ entity: 'lead', id: '404', fields: {} })).toEqual({ error: 'no lead 404' });
			// A new deal without a pipeline or stage gets the general pipeline's first stage, as Bitrix24 gives it.
			const deal = await emulator.changeRecord({ entity: 'deal', fields: { TITLE: 'Order' } });
			expect((await call('crm.deal.get', { id: deal.id }, access)).json.result).toMatchObject({ CATEGORY_ID: '0', STAGE_ID: 'NEW' });
			const inPipeline = await emulator.changeRecord({ entity: 'deal', fields: { CATEGORY_ID: '2' } });
			expect((await call('crm.deal.get', { id: inPipeline.id }, access)).json.result).toMatchObject({ CATEGORY_ID: '2', STAGE_ID: 'C2:NEW' });
			await emulator.changeRecord({ entity: 'deal', id: deal.id, fields: { STAGE_ID: 'PREPARATION' } });
			expect((await call('crm.deal.get', { id: deal.id }, access)).json.result).toMatchObject({ CATEGORY_ID: '0', STAGE_ID: 'PREPARATION' });
			const forms = hook.received.map((r: { body: string }) => new URLSearchParams(r.body));
			expect(forms.map((f: URLSearchParams) => [f.get('event'), f.get('data[FIELDS][ID]'), f.get('event_handler_id')])).toEqual([
				['ONCRMLEADADD', '101', '2'],
				['ONCRMLEADUPDATE', '101', '3'],
			]);
		} finally {
			await hook.close();
		}
	});
});
