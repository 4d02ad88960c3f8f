/**
 * The SMSClub emulator on its own, over raw HTTP: proof that it is as strict as the documents,
 * independently of our adapter.
 */
import { emulatorUnderTest } from '../../harness/gatewayUnderTest';
import { readAnswer } from '../../harness/readAnswer';

const subject = emulatorUnderTest('smsClub');

const AUTH = { authorization: `Bearer ${subject.account.token}` };

async function post(path: string, body?: unknown, headers: Record<string, string> = AUTH) {
	const response = await fetch(`${subject.emulator.url}${path}`, {
		method: 'POST',
		headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	return readAnswer(response);
}

const SEND = { phone: ['380989361131'], message: 'test text', src_addr: 'VashZakaz' };

describe('SMSClub emulator', () => {
	it('sends and answers with the documented shape, recording the message and charging the balance', async () => {
		const answer = await post('/sms/send', { ...SEND, phone: ['380989361131', '380501234567'] });
		expect(answer.status).toBe(200);
		const info = answer.json.success_request.info;
		expect(Object.values(info).sort()).toEqual(['380501234567', '380989361131']);
		expect(answer.json.success_request.add_info).toBeUndefined();
		expect(subject.emulator.ledger.messages).toHaveLength(2);
		expect(subject.emulator.ledger.messages[0]).toMatchObject({ to: '380989361131', text: 'test text', sender: 'VashZakaz', parts: 1 });
		const balance = await post('/sms/balance');
		expect(balance.json).toEqual({ success_request: { info: { money: '998.3000', currency: 'UAH' } } });
	});

	it('refuses a missing or wrong token with 401', async () => {
		expect((await post('/sms/balance', undefined, {})).status).toBe(401);
		expect((await post('/sms/balance', undefined, { authorization: 'Bearer wrong' })).status).toBe(401);
		expect((await post('/sms/send', SEND, { authorization: subject.account.token })).status).toBe(401);
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('accepts only POST', async () => {
		const response = await fetch(`${subject.emulator.url}/sms/balance`, { headers: AUTH });
		expect(response.status).toBe(405);
	});

	it.each([
		['no phone', { message: 'x', src_addr: 'VashZakaz' }],
		['an empty phone list', { ...SEND, phone: [] }],
		['101 numbers', { ...SEND, phone: Array.from({ length: 101 }, (_, i) => `38050${String(1000000 + i)}`) }],
		['no message', { phone: SEND.phone, src_addr: 'VashZakaz' }],
		['no alpha name', { phone: SEND.phone, message: 'x' }],
		['an alpha name not on the account', { ...SEND, src_addr: 'Stranger' }],
		['a lifetime of 0 minutes', { ...SEND, lifetime: 0 }],
		['a body that is not JSON', '{"phone": ['],
	])('refuses a send with %s as a validation error (400)', async (_, body) => {
		const answer = await post('/sms/send', body);
		expect(answer.status).toBe(400);
		expect(typeof answer.json.error_request.info).toBe('string');
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('refuses a JSON body without the JSON content type', async () => {
		const answer = await post('/sms/send', undefined, { ...AUTH, 'content-type': 'text/plain' });
		expect(answer.status).toBe(400);
	});

	it('answers 453 to the same text to the same number within 2 minutes, and accepts it later', async () => {
		expect((await post('/sms/send', SEND)).status).toBe(200);
		expect((await post('/sms/send', SEND)).status).toBe(453);
		expect((await post('/sms/send', { ...SEND, message: 'another text' })).status).toBe(200);
		subject.emulator.advance(121_000);
		expect((await post('/sms/send', SEND)).status).toBe(200);
		expect(subject.emulator.ledger.messages).toHaveLength(3);
	});

	it('reports bad and duplicate numbers per recipient in add_info while sending the rest', async () => {
		await post('/sms/send', SEND);
		const answer = await post('/sms/send', { ...SEND, phone: ['380989361131', '12345', '380501234567'] });
		expect(answer.status).toBe(200);
		expect(Object.values(answer.json.success_request.info)).toEqual(['380501234567']);
		expect(Object.keys(answer.json.success_request.add_info).sort()).toEqual(['12345', '380989361131']);
	});

	it('refuses a send the balance cannot pay for and records nothing', async () => {
		subject.emulator.config.balance = 1;
		const answer = await post('/sms/send', { ...SEND, phone: ['380989361131', '380501234567'] });
		expect(answer.status).toBe(400);
		expect(answer.json.error_request.info).toMatch(/funds/i);
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('answers statuses in the gateway words as time passes, leaving out unknown ids', async () => {
		const sent = await post('/sms/send', SEND);
		const id = Object.keys(sent.json.success_request.info)[0];
		expect((await post('/sms/status', { id_sms: [id, '999999'] })).json).toEqual({ success_request: { info: { [id]: 'ENROUTE' } } });
		subject.emulator.advance(5000);
		expect((await post('/sms/status', { id_sms: [id] })).json.success_request.info[id]).toBe('DELIVRD');
	});

	it('refuses more than 100 status ids and an empty list', async () => {
		expect((await post('/sms/status', { id_sms: Array.from({ length: 101 }, (_, i) => String(i)) })).status).toBe(400);
		expect((await post('/sms/status', { id_sms: [] })).status).toBe(400);
	});

	it('lists the active alpha names', async () => {
		expect((await post('/sms/originator')).json).toEqual({ success_request: { info: ['SmsClubTest', 'VashZakaz'] } });
	});

	it('answers 429 when a client goes over 9 requests in one second', async () => {
		const statuses = await Promise.all(Array.from({ length: 12 }, () => post('/sms/balance').then((a) => a.status)));
		expect(statuses.filter((s) => s === 429)).toHaveLength(3);
		expect(statuses.filter((s) => s === 200)).toHaveLength(9);
	});

	it('answers the gateway error asked for by a fault, and fails recipients of a partial fault', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: 503, path: '/sms/send' });
		expect((await post('/sms/send', SEND)).status).toBe(503);
		subject.emulator.faults.inject({ kind: 'partial', path: '/sms/send', reason: 'Number is in the stop list' });
		const answer = await post('/sms/send', { ...SEND, phone: ['380989361131', '380501234567'] });
		expect(answer.json.success_request.add_info).toEqual({ '380501234567': 'Number is in the stop list' });
		expect(subject.emulator.ledger.messages.map((m) => m.to)).toEqual(['380989361131']);
	});
});
