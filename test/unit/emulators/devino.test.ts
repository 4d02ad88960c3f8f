import { SegmentedMessage } from 'sms-segments-calculator';
import { emulatorUnderTest } from '../../harness/gatewayUnderTest';

/** The emulator on its own, over raw HTTP: proof that it is strict independently of our adapter. */
const subject = emulatorUnderTest('devino');
const ACCOUNT = subject.account;

async function post(path: string, fields: Array<[string, string]>): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`${subject.emulator.url}/rest${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	});
	return { status: response.status, body: JSON.parse(await response.text()) };
}
async function get(path: string, fields: Array<[string, string]>): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`${subject.emulator.url}/rest${path}?${new URLSearchParams(fields)}`);
	return { status: response.status, body: JSON.parse(await response.text()) };
}
const logIn = async () =>
	(
		await post('/user/sessionid', [
			['login', ACCOUNT.login],
			['password', ACCOUNT.password],
		])
	).body as string;
const error = (status: number, code: number) => ({ status, body: expect.objectContaining({ Code: code, Desc: expect.any(String) }) });

describe('Devino emulator: sessions', () => {
	test('login answers a 36-character JSON string, by POST form or GET query', async () => {
		const sessionId = await logIn();
		expect(sessionId).toHaveLength(36);
		const viaGet = await get('/user/sessionid', [
			['login', ACCOUNT.login],
			['password', ACCOUNT.password],
		]);
		expect(viaGet.status).toBe(200);
		expect(viaGet.body).toHaveLength(36);
	});

	test('missing or wrong credentials are refused with the documented codes', async () => {
		expect(await post('/user/sessionid', [['password', 'x']])).toEqual(error(400, 1));
		expect(await post('/user/sessionid', [['login', ACCOUNT.login]])).toEqual(error(400, 1));
		expect(await post('/user/sessionid', [['login', ACCOUNT.login], ['password', 'wrong']])).toEqual(error(401, 4));
	});

	test('a session is needed, must look like one, and lasts 120 minutes', async () => {
		expect(await post('/user/balance', [])).toEqual(error(400, 1));
		expect(await post('/user/balance', [['sessionId', 'garbage']])).toEqual(error(400, 3));
		expect(await post('/user/balance', [['sessionId', '00000000-0000-0000-0000-000000000000']])).toEqual(error(401, 4));
		const sessionId = await logIn();
		expect(await post('/user/balance', [['sessionId', sessionId]])).toEqual({ status: 200, body: 100 });
		subject.emulator.advance(119 * 60_000);
		expect((await post('/user/balance', [['SessionId', sessionId]])).status).toBe(200);
		subject.emulator.advance(2 * 60_000);
		expect(await post('/user/balance', [['sessionId', sessionId]])).toEqual(error(401, 4));
	});
});

describe('Devino emulator: sending', () => {
	const base = async (): Promise<Array<[string, string]>> => [
		['sessionId', await logIn()],
		['sourceAddress', 'MyShop'],
		['data', 'Hello'],
	];

	test.each<[string, Array<[string, string]>, number]>([
		['no sender', [['sourceAddress', '']], 1],
		['a 12-letter sender', [['sourceAddress', 'TwelveLetter']], 2],
		['a 16-digit sender', [['sourceAddress', '1234567890123456']], 2],
		['a Cyrillic sender', [['sourceAddress', 'Магазин']], 2],
		['no text', [['data', '']], 1],
		['a text of 2001 characters', [['data', 'x'.repeat(2001)]], 2],
		['a letter in the number', [['destinationAddress', '37529123456a']], 2],
		['a validity that is not minutes', [['validity', '1.5h']], 2],
		['a send date that is not a date', [['sendDate', 'tomorrow']], 2],
	])('/sms/send refuses %s', async (_name, override, code) => {
		const fields = new Map([...(await base()), ['destinationAddress', '375291234567'] as [string, string]]);
		for (const [name, value] of override) fields.set(name, value);
		expect(await post('/sms/send', [...fields])).toEqual(error(400, code));
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	test('a 15-digit sender and an 11-letter one are accepted', async () => {
		subject.emulator.config.senders.push('123456789012345', 'ElevenChars');
		for (const sender of ['123456789012345', 'ElevenChars']) {
			const fields = new Map([...(await base()), ['destinationAddress', '375291234567'] as [string, string]]);
			fields.set('sourceAddress', sender);
			expect((await post('/sms/send', [...fields])).status).toBe(200);
		}
	});

	test('sendbulk needs destinationAddresses and answers all parts of each recipient in turn', async () => {
		expect(await post('/sms/sendbulk', await base())).toEqual(error(400, 1));
		const text = 'Ваш заказ готов к выдаче. '.repeat(4);
		const parts = new SegmentedMessage(text).segmentsCount;
		expect(parts).toBeGreaterThan(1);
		const fields: Array<[string, string]> = [...(await base()), ['destinationAddresses', '375291000001'], ['destinationAddresses', '79001234567']];
		fields[2] = ['data', text];
		const answer = await post('/sms/sendbulk', fields);
		expect(answer.status).toBe(200);
		const ids = answer.body as string[];
		expect(ids).toHaveLength(2 * parts);
		expect(subject.emulator.ledger.messages.map((m) => [m.to, m.partIds])).toEqual([
			['375291000001', ids.slice(0, parts)],
			['79001234567', ids.slice(parts)],
		]);
		expect(subject.emulator.config.balance).toBe(100 - 2 * parts * 1.5);
	});

	test('not enough credits: code 5, nothing recorded, nothing charged', async () => {
		subject.emulator.config.balance = 1;
		const fields: Array<[string, string]> = [...(await base()), ['destinationAddress', '375291234567']];
		expect(await post('/sms/send', fields)).toEqual(error(403, 5));
		expect(subject.emulator.ledger.messages).toHaveLength(0);
		expect(subject.emulator.config.balance).toBe(1);
	});

	test('sendDate without a zone is read as GMT+3', async () => {
		const fields: Array<[string, string]> = [...(await base()), ['destinationAddress', '375291234567'], ['sendDate', '2031-01-15T12:30:00']];
		expect((await post('/sms/send', fields)).status).toBe(200);
		expect(subject.emulator.ledger.messages[0].sendAt).toBe(Date.UTC(2031, 0, 15, 9, 30));
	});
});

describe('Devino emulator: states and faults', () => {
	test('/sms/state needs a numeric id and answers the documented shape', async () => {
		const sessionId = await logIn();
		expect(await post('/sms/state', [['sessionId', sessionId]])).toEqual(error(400, 1));
		expect(await post('/sms/state', [['sessionId', sessionId], ['messageId', 'abc']])).toEqual(error(400, 2));
		const unknown = await post('/sms/state', [['sessionId', sessionId], ['messageId', '12345']]);
		expect(unknown.body).toMatchObject({ State: 255 });
		const [id] = (await post('/sms/send', [['sessionId', sessionId], ['sourceAddress', 'MyShop'], ['destinationAddress', '375291234567'], ['data', 'Hi']])).body as string[];
		const state = await get('/sms/state', [['sessionId', sessionId], ['messageId', id]]);
		expect(state).toEqual({
			status: 200,
			body: {
				State: -2,
				StateDescription: expect.any(String),
				CreationDateUtc: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
				SubmittedDateUtc: null,
				ReportedDateUtc: null,
				TimeStampUtc: expect.any(String),
				Price: 1.5,
			},
		});
	});

	test('a gateway fault answers that code with its HTTP status before doing anything', async () => {
		const sessionId = await logIn();
		subject.emulator.faults.inject({ kind: 'gateway', code: 8, path: '/sms/send' });
		const fields: Array<[string, string]> = [['sessionId', sessionId], ['sourceAddress', 'MyShop'], ['destinationAddress', '375291234567'], ['data', 'Hi']];
		expect(await post('/sms/send', fields)).toEqual(error(500, 8));
		expect(subject.emulator.ledger.messages).toHaveLength(0);
		subject.emulator.faults.inject({ kind: 'gateway', code: 7 });
		expect(await post('/user/balance', [['sessionId', sessionId]])).toEqual(error(403, 7));
	});

	test('incoming messages are listed (empty) and need their date range', async () => {
		const sessionId = await logIn();
		expect(await post('/sms/in', [['sessionId', sessionId]])).toEqual(error(400, 1));
		expect(await post('/sms/in', [['sessionId', sessionId], ['minDateUTC', '2030-01-01T00:00:00'], ['maxDateUTC', '2030-01-02T00:00:00']])).toEqual({ status: 200, body: [] });
	});
});
