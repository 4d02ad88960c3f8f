/**
 * The A1 emulator on its own, over raw HTTP: it must be as strict as the documents say, or the
 * adapter tests prove nothing.
 */
import { emulatorUnderTest } from '../../harness/gatewayUnderTest';
import { readAnswer } from '../../harness/readAnswer';

const subject = emulatorUnderTest('a1');
const ACCOUNT = subject.account;
const bearer = { authorization: `Bearer ${ACCOUNT.token}` };
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
const jsonHeaders = { ...bearer, 'content-type': 'application/json' };

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
	return readAnswer(await fetch(`${subject.emulator.url}${path}`, { method, headers, body }));
}

const sendBody = (fields: Record<string, unknown>) => JSON.stringify({ phone: '375291234567', text: 'Hello', sender: 'MyShop', ...fields });

describe('A1 emulator', () => {
	it('accepts a valid send and records it once', async () => {
		const answer = await call('POST', '/api/sms/send', jsonHeaders, sendBody({}));
		expect(answer).toMatchObject({ status: 200, json: { code: 0, messageId: expect.any(String) } });
		expect(subject.emulator.ledger.messages).toHaveLength(1);
		expect(subject.emulator.ledger.messages[0]).toMatchObject({ id: answer.json.messageId, to: '375291234567', text: 'Hello', sender: 'MyShop', parts: 1 });
	});

	it('refuses a missing or wrong Authorization with 401', async () => {
		expect((await call('GET', '/api/sms/balance')).status).toBe(401);
		expect((await call('GET', '/api/sms/balance', { authorization: 'Bearer wrong' })).status).toBe(401);
		expect((await call('GET', '/api/sms/balance', basic(ACCOUNT.username, 'wrong'))).status).toBe(401);
		expect((await call('POST', '/api/sms/send', { 'content-type': 'application/json' }, sendBody({}))).status).toBe(401);
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('accepts Basic auth, and only the configured scheme when the contract fixes one', async () => {
		const basicAuth = basic(ACCOUNT.username, ACCOUNT.password);
		expect((await call('GET', '/api/sms/balance', basicAuth)).json).toEqual({ code: 0, balance: 12.5, currency: 'BYN' });
		subject.emulator.config.auth = 'bearer';
		expect((await call('GET', '/api/sms/balance', basicAuth)).status).toBe(401);
		expect((await call('GET', '/api/sms/balance', bearer)).status).toBe(200);
	});

	it('validates the send request strictly', async () => {
		expect((await call('POST', '/api/sms/send', { ...bearer, 'content-type': 'text/plain' }, sendBody({}))).status).toBe(415);
		expect((await call('POST', '/api/sms/send', jsonHeaders, '{"phone":')).status).toBe(400);
		expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({ text: '' }))).status).toBe(400);
		expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({ phone: undefined }))).status).toBe(400);
		expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({ phone: ['375291234567', '375441234567'] }))).status).toBe(400);
		const sender = await call('POST', '/api/sms/send', jsonHeaders, sendBody({ sender: 'Unknown' }));
		expect(sender).toMatchObject({ status: 400, json: { message: expect.stringContaining('not registered') } });
		expect((await call('GET', '/api/sms/send', bearer)).status).toBe(405);
		expect((await call('GET', '/api/sms/nothing', bearer)).status).toBe(404);
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('answers code 1 for a number it cannot deliver to', async () => {
		for (const phone of ['+375291234567', '375171234567', '37529123456', '79161234567']) {
			expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({ phone }))).json).toMatchObject({ code: 1 });
		}
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('sends without a sender name (numeric sender)', async () => {
		const answer = await call('POST', '/api/sms/send', jsonHeaders, JSON.stringify({ phone: '375331234567', text: 'Hi' }));
		expect(answer.json).toMatchObject({ code: 0 });
		expect(subject.emulator.ledger.messages[0].sender).toBeUndefined();
	});

	it('charges per part counted by an independent calculator, and answers code 2 when funds run out', async () => {
		const cyrillic71 = 'Ж'.repeat(71);
		expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({ text: cyrillic71 }))).json.code).toBe(0);
		expect(subject.emulator.ledger.messages[0].parts).toBe(2);
		expect((await call('GET', '/api/sms/balance', bearer)).json.balance).toBe(12.4);
		subject.emulator.config.balance = 0.05;
		expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({ text: cyrillic71 }))).json).toMatchObject({ code: 2 });
		expect(subject.emulator.ledger.messages).toHaveLength(1);
	});

	it('answers code 3 over its request rate', async () => {
		subject.emulator.config.sendsPerSecond = 1;
		expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({}))).json.code).toBe(0);
		expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({}))).json.code).toBe(3);
		subject.emulator.advance(1000);
		expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({}))).json.code).toBe(0);
	});

	it('reports statuses with SMPP-style words as time passes, and 404 for an unknown id', async () => {
		const { json } = await call('POST', '/api/sms/send', jsonHeaders, sendBody({}));
		const statusOf = async () => (await call('GET', `/api/sms/status/${json.messageId}`, bearer)).json.status;
		expect(await statusOf()).toBe('QUEUED');
		subject.emulator.advance(1000);
		expect(await statusOf()).toBe('ENROUTE');
		subject.emulator.advance(2000);
		expect(await statusOf()).toBe('DELIVERED');
		expect((await call('GET', '/api/sms/status/424242', bearer)).status).toBe(404);
	});

	it('answers an injected gateway code without doing the work', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: 5 });
		expect((await call('POST', '/api/sms/send', jsonHeaders, sendBody({}))).json).toMatchObject({ code: 5 });
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});
});
