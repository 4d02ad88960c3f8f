/**
 * The emulator on its own, through raw HTTP: it must refuse what the document says the gateway
 * refuses, so that adapter tests against it prove something.
 */
import { emulatorUnderTest } from '../../harness/gatewayUnderTest';

const subject = emulatorUnderTest('smsAssistent');
const ACCOUNT = subject.account;

const auth = { login: ACCOUNT.login, password: ACCOUNT.password };

async function post(path: string, body: string, headers: Record<string, string> = {}) {
	const response = await fetch(`${subject.emulator.url}/api/v1${path}`, { method: 'POST', body, headers });
	return { status: response.status, text: await response.text() };
}

async function json(body: unknown, headers: Record<string, string> = {}) {
	const response = await post('/json', JSON.stringify(body), { 'content-type': 'application/json', ...headers });
	return JSON.parse(response.text);
}

const send = (msg: unknown[], extra: Record<string, unknown> = {}) =>
	json({ ...auth, command: 'sms_send', message: { default: { sender: 'MyShop', sms_text: 'Hello' }, msg }, ...extra });

/** YYYYMMDDHHMM at UTC+3 for an emulator-relative instant. */
function minsk(msFromNow: number): string {
	const d = new Date(Math.ceil((subject.emulator.state.now() + msFromNow) / 60_000) * 60_000 + 3 * 3600_000);
	return d.toISOString().replace(/[-T:]/g, '').slice(0, 12);
}

describe('SMS-assistent emulator, JSON API', () => {
	it.each([
		['no login', { password: 'x' }, -6],
		['no password', { login: 'demo' }, -7],
		['a wrong password', { login: 'demo', password: 'nope' }, -2],
		['a wrong login', { login: 'other', password: ACCOUNT.password }, -2],
	])('refuses %s', async (_name, credentials, code) => {
		expect(await json({ ...credentials, command: 'get_senders' })).toEqual({ error: code });
	});

	it('accepts the token header instead of the password and refuses a wrong token', async () => {
		expect(await json({ login: 'demo', command: 'get_senders' }, { requestAuthToken: ACCOUNT.token })).toEqual({ senders: ['CMC', 'MyShop', 'Test-Shop'] });
		expect(await json({ login: 'demo', command: 'get_senders' }, { requestAuthToken: 'bad-token' })).toEqual({ error: -2 });
	});

	it('refuses an unknown command and a body that is not JSON', async () => {
		expect(await json({ ...auth, command: 'send_sms' })).toEqual({ error: -12 });
		expect(JSON.parse((await post('/json', '{login:')).text)).toEqual({ error: -12 });
	});

	it('answers per message: local spellings of numbers, both recipient spellings, bad numbers, senders and texts', async () => {
		const answer = await send([
			{ recipient: '(29)671-72-59' },
			{ recepient: '8029 671 72 59' },
			{ recipient: '+375 29 671-72-59', sender: 'myshop' },
			{ recipient: '12345' },
			{ recipient: '375291234567', sender: 'NotRegistered' },
			{ recipient: '375291234567', sender: 'TooLongSender1' },
			{ recipient: '375291234567', sms_text: '' },
		]);
		expect(answer.message.msg.map((m: any) => m.error_code)).toEqual([0, 0, -5, -4, -5, -5, -3]);
		// An empty own text is still the message's own text, so the default does not replace it.
		expect(subject.emulator.ledger.messages.map((m) => m.to)).toEqual(['375296717259', '375296717259']);
		expect(answer.message.msg[3]).toEqual({ sms_id: 0, sms_count: 1, error_code: -4 });
	});

	it('refuses a message without any text with -3', async () => {
		const answer = await json({ ...auth, command: 'sms_send', message: { msg: [{ recipient: '296717259', sender: 'MyShop' }] } });
		expect(answer.message.msg[0].error_code).toBe(-3);
	});

	it('refuses a package over its size limit as a whole', async () => {
		const msg = Array.from({ length: 1001 }, (_, i) => ({ recipient: `29${String(1_000_000 + i)}` }));
		expect(await send(msg)).toEqual({ error: -12 });
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('refuses a date_send under 10 minutes ahead, or malformed, with -15', async () => {
		expect(await send([{ recipient: '296717259' }], { date_send: minsk(5 * 60_000) })).toEqual({ error: -15 });
		expect(await send([{ recipient: '296717259' }], { date_send: '2030-01-01 10:00' })).toEqual({ error: -15 });
		expect(await send([{ recipient: '296717259' }], { date_send: '203002301000' })).toEqual({ error: -15 });
		const ok = await send([{ recipient: '296717259' }], { date_send: minsk(20 * 60_000) });
		expect(ok.message.msg[0].error_code).toBe(0);
	});

	it('clamps validity to 48 hours', async () => {
		await send([{ recipient: '296717259', validity_period: 100 }, { recipient: '296717258', validity_period: 3 }]);
		expect(subject.emulator.ledger.messages.map((m) => m.validityMinutes)).toEqual([48 * 60, 180]);
	});

	it('refuses a package it cannot pay for with -1 and records nothing', async () => {
		subject.emulator.config.balance = 2;
		expect(await send([{ recipient: '296717259' }, { recipient: '296717258' }, { recipient: '296717257' }])).toEqual({ error: -1 });
		expect(subject.emulator.ledger.messages).toHaveLength(0);
		expect((await post('/credits/plain', 'user=demo&password=' + ACCOUNT.password)).text).toBe('2');
	});

	it('reports status words as time passes', async () => {
		subject.emulator.setOutcome('375296717258', 'expired');
		const answer = await send([{ recipient: '296717259' }, { recipient: '296717258' }]);
		const ids = answer.message.msg.map((m: any) => ({ sms_id: String(m.sms_id) }));
		const words = async () => (await json({ ...auth, command: 'statuses', status: { msg: ids } })).status.msg.map((m: any) => m.sms_status);
		expect(await words()).toEqual(['Queued', 'Queued']);
		subject.emulator.advance(1500);
		expect(await words()).toEqual(['Sent', 'Sent']);
		subject.emulator.advance(3000);
		expect(await words()).toEqual(['Delivered', 'Expired']);
	});
});

describe('SMS-assistent emulator, XML and PLAIN APIs', () => {
	it('answers a refused XML package with <error>', async () => {
		const body = '<?xml version="1.0" encoding="utf-8" ?><package login="demo" password="nope"><message><msg recipient="296717259">x</msg></message></package>';
		expect((await post('/xml', body)).text).toMatch(/<package><error>-2<\/error><\/package>/);
		expect((await post('/xml', '<package login="demo"')).text).toMatch(/<error>-12<\/error>/);
	});

	it('takes XML validity in seconds and the <default> text for an empty <msg/>', async () => {
		const body = `<?xml version="1.0" encoding="utf-8" ?><package login="demo" password="${ACCOUNT.password}"><message><default sender="MyShop">Общий &amp; текст</default><msg recipient="296717259" validity_period="7200"/><msg recipient="296717258">Own</msg></message></package>`;
		const answer = (await post('/xml', body)).text;
		expect(answer).toMatch(/<msg sms_id="\d+" sms_count="1"\/><msg sms_id="\d+" sms_count="1"\/>/);
		expect(subject.emulator.ledger.messages.map((m) => [m.text, m.validityMinutes])).toEqual([
			['Общий & текст', 120],
			['Own', undefined],
		]);
	});

	it('decodes XML character references and refuses entities XML does not define (HTML\'s &nbsp;, a bare &)', async () => {
		const xml = (text: string) => `<?xml version="1.0" encoding="utf-8" ?><package login="demo" password="${ACCOUNT.password}"><message><msg recipient="296717259" sender="MyShop">${text}</msg></message></package>`;
		expect((await post('/xml', xml('Line&#13;&#10;two &#x27;q&#x27; &lt;b&gt; <![CDATA[& raw]]>'))).text).toMatch(/<msg sms_id="\d+" sms_count="1"\/>/);
		expect(subject.emulator.ledger.messages.map((m) => m.text)).toEqual(["Line\r\ntwo 'q' <b> & raw"]);
		for (const bad of ['a&nbsp;b', 'a &copy; b', 'a & b', 'a&foo;b']) {
			expect((await post('/xml', xml(bad))).text).toMatch(/<error>-12<\/error>/);
		}
		expect(subject.emulator.ledger.messages).toHaveLength(1);
	});

	it('serves the PLAIN API by GET as documented, with bare answers', async () => {
		const query = new URLSearchParams({ user: 'demo', password: ACCOUNT.password, recipient: '296717259', message: 'Hi', sender: 'MyShop' });
		const id = await (await fetch(`${subject.emulator.url}/api/v1/send_sms/plain?${query}`)).text();
		expect(Number(id)).toBeGreaterThan(0);
		const status = await (await fetch(`${subject.emulator.url}/api/v1/statuses/plain?${new URLSearchParams({ user: 'demo', password: ACCOUNT.password, id })}`)).text();
		expect(status).toBe('Queued');
		expect(await (await fetch(`${subject.emulator.url}/api/v1/credits/plain?user=demo`)).text()).toBe('-7');
	});

	it('answers the gateway fault with the API\'s own error shape', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: -10, path: '/api/v1/credits/plain' });
		expect((await post('/credits/plain', `user=demo&password=${ACCOUNT.password}`)).text).toBe('-10');
	});
});
