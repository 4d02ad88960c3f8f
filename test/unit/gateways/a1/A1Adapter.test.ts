/** The A1 adapter against the A1 emulator over real HTTP: every operation. */
import { SmsGatewayError } from '../../../../nodes/core/errors/SmsError';
import { A1Adapter } from '../../../../nodes/gateways/a1/A1Adapter';
import { a1Definition } from '../../../../nodes/gateways/a1/definition';
import type { OutgoingSms } from '../../../../nodes/core/adapter/GatewayAdapter';
import type { HttpTransport } from '../../../../nodes/core/adapter/http';
import { gatewayUnderTest } from '../../../harness/gatewayUnderTest';

const subject = gatewayUnderTest('a1');
const ACCOUNT = subject.account;
const a1 = subject.build;

const sms = (ref: number, to: string, text = 'Order #1234 confirmed', extra: Partial<OutgoingSms> = {}): OutgoingSms => ({
	ref,
	to,
	text,
	sender: 'MyShop',
	...extra,
});
const sendRequests = () => subject.emulator.ledger.countRequests((r) => r.path === '/api/sms/send');
const mobile = (i: number) => `+37529${String(1_000_000 + i).padStart(7, '0')}`;

describe('A1 send', () => {
	it('sends one message as JSON with the bearer token in the header', async () => {
		const [result] = await a1().send([sms(7, '+375291234567')]);
		const [message] = subject.emulator.ledger.messages;
		expect(result).toEqual({ ref: 7, to: '+375291234567', messageId: message.id, parts: 1, status: { status: 'queued', final: false, raw: '' } });
		expect(message).toMatchObject({ to: '375291234567', text: 'Order #1234 confirmed', sender: 'MyShop' });
		const [request] = subject.emulator.ledger.requests;
		expect(request.headers.authorization).toBe(`Bearer ${ACCOUNT.token}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(request.body)).toEqual({ phone: '375291234567', text: 'Order #1234 confirmed', sender: 'MyShop' });
	});

	it('sends Cyrillic as UTF-8 and reports the parts the gateway bills', async () => {
		const text = 'Ваш заказ №1234 подтверждён. Спасибо за покупку в нашем магазине, ждём вас снова!';
		const [result] = await a1().send([sms(0, '+375441234567', text)]);
		const [message] = subject.emulator.ledger.messages;
		expect(message.text).toBe(text);
		expect(message.parts).toBe(2);
		expect(result.parts).toBe(message.parts);
	});

	it('leaves the sender out when none is given (numeric sender)', async () => {
		await a1().send([sms(0, '+375331234567', 'Hi', { sender: undefined })]);
		expect(JSON.parse(subject.emulator.ledger.requests[0].body)).toEqual({ phone: '375331234567', text: 'Hi' });
	});

	it('sends a batch as one request per recipient, at most Max Concurrent Requests in flight, results in input order', async () => {
		subject.emulator.state.latencyMs = 20;
		let inFlight = 0;
		let maxInFlight = 0;
		const counting: HttpTransport = async (request) => {
			maxInFlight = Math.max(maxInFlight, ++inFlight);
			try {
				return await subject.transport(request);
			} finally {
				inFlight--;
			}
		};
		const messages = Array.from({ length: 25 }, (_, i) => sms(100 + i, mobile(i), `Message ${i}`));
		const results = await a1({ maxConcurrentRequests: 10 }, {}, counting).send(messages);
		expect(sendRequests()).toBe(25);
		expect(maxInFlight).toBe(10);
		expect(results.map((r) => r.ref)).toEqual(messages.map((m) => m.ref));
		for (const [i, result] of results.entries()) {
			const message = subject.emulator.ledger.findMessage(result.messageId);
			expect(message).toMatchObject({ to: mobile(i).slice(1), text: `Message ${i}` });
			expect(result).toMatchObject({ to: mobile(i), status: { status: 'queued' } });
		}
		expect(new Set(results.map((r) => r.messageId)).size).toBe(25);
	});

	it('spaces requests by the contract rate when one is set', async () => {
		const gateway = new A1Adapter(
			{ baseUrl: subject.emulator.url, auth: { type: 'bearer', token: ACCOUNT.token }, maxRequestsPerSecond: 5, concurrency: 1 },
			subject.transport,
			{ sleep: subject.sleep },
		);
		expect(gateway.limits.maxRequestsPerSecond).toBe(5);
		await gateway.send([sms(0, mobile(0)), sms(1, mobile(1)), sms(2, mobile(2))]);
		// The limiter waits with the injected sleep, which returns at once, so slots are asked for, not taken.
		expect(subject.sleeps.length).toBeGreaterThanOrEqual(2);
		expect(subject.sleeps.every((ms) => ms > 0 && ms <= 400)).toBe(true);
	});

	it('takes the contract rate from the credential and stays under the gateway limit with it (real time)', async () => {
		expect(a1({ maxRequestsPerSecond: 0 }).limits.maxRequestsPerSecond).toBeUndefined();
		subject.emulator.config.sendsPerSecond = 5;
		// The real clock this time: the emulator counts requests per real second.
		const paced = a1({ maxRequestsPerSecond: 4 }, { sleep: (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)) });
		expect(paced.limits.maxRequestsPerSecond).toBe(4);
		const results = await paced.send(Array.from({ length: 6 }, (_, i) => sms(i, mobile(i))));
		expect(results.map((r) => r.error?.code)).toEqual(new Array(6).fill(undefined));
		expect(sendRequests()).toBe(6);
	});

	it('authenticates with Basic auth when the credential says so', async () => {
		const [result] = await a1({ authType: 'basic', token: '', username: ACCOUNT.username, password: ACCOUNT.password }).send([
			sms(0, '+375291234567'),
		]);
		expect(result.status.status).toBe('queued');
		const expected = Buffer.from(`${ACCOUNT.username}:${ACCOUNT.password}`).toString('base64');
		expect(subject.emulator.ledger.requests[0].headers.authorization).toBe(`Basic ${expected}`);
	});

	it('marks only the recipient the gateway refuses, without retrying it', async () => {
		const results = await a1().send([sms(0, '+375291234567'), sms(1, '+375171234567'), sms(2, '+375441234567')]);
		expect(results.map((r) => r.status.status)).toEqual(['queued', 'failed', 'queued']);
		expect(results[1].error).toMatchObject({ code: 'invalid_number', gatewayCode: 1, retryable: false });
		expect(results[1].messageId).toBeUndefined();
		expect(sendRequests()).toBe(3);
		expect(subject.emulator.ledger.messages).toHaveLength(2);
	});

	it('reports insufficient funds (code 2) and records nothing', async () => {
		subject.emulator.config.balance = 0.05;
		const [result] = await a1().send([sms(0, '+375291234567', 'x'.repeat(200))]);
		expect(result.error).toMatchObject({ code: 'insufficient_funds', gatewayCode: 2 });
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('passes the reason of a 400 through as bad_request', async () => {
		const [result] = await a1().send([sms(0, '+375291234567', 'Hi', { sender: 'NotMine' })]);
		expect(result.error).toMatchObject({ code: 'bad_request', gatewayCode: 400 });
		expect(result.error?.message).toContain('not registered');
	});

	it('reports wrong credentials as auth_failed for every recipient, without retrying', async () => {
		const results = await a1({ token: 'wrong-token' }).send([sms(0, '+375291234567'), sms(1, '+375441234567')]);
		for (const result of results) expect(result.error).toMatchObject({ code: 'auth_failed', retryable: false });
		expect(sendRequests()).toBe(2);
		await expect(a1({ token: 'wrong-token' }).getBalance()).rejects.toMatchObject({ error: { code: 'auth_failed' } });
	});

	it('returns an empty list for no messages', async () => {
		expect(await a1().send([])).toEqual([]);
		expect(subject.emulator.ledger.requests).toHaveLength(0);
	});
});

describe('A1 statuses', () => {
	it('follows a message from queued through sent to delivered', async () => {
		const gateway = a1();
		const [{ messageId }] = await gateway.send([sms(0, '+375291234567')]);
		const statusNow = async () => (await gateway.getStatuses([messageId as string]))[0];
		expect(await statusNow()).toEqual({ messageId, status: { status: 'queued', final: false, raw: 'QUEUED' } });
		subject.emulator.advance(1000);
		expect((await statusNow()).status).toEqual({ status: 'sent', final: false, raw: 'ENROUTE' });
		subject.emulator.advance(2000);
		expect((await statusNow()).status).toEqual({ status: 'delivered', final: true, raw: 'DELIVERED' });
	});

	it.each(['undelivered', 'expired', 'rejected'])('reports the %s outcome as final', async (outcome) => {
		subject.emulator.setOutcome('375291234567', outcome);
		const gateway = a1();
		const [{ messageId }] = await gateway.send([sms(0, '+375291234567')]);
		subject.emulator.advance(3000);
		const [result] = await gateway.getStatuses([messageId as string]);
		expect(result.status).toMatchObject({ status: outcome, final: true });
	});

	it('answers one result per id, in order, marking unknown and empty ids', async () => {
		const gateway = a1();
		const sent = await gateway.send([sms(0, '+375291234567'), sms(1, '+375441234567')]);
		const ids = [sent[1].messageId as string, '999999', sent[0].messageId as string, ' '];
		const results = await gateway.getStatuses(ids);
		expect(results.map((r) => r.messageId)).toEqual(ids);
		expect(results.map((r) => r.status.status)).toEqual(['queued', 'unknown', 'queued', 'unknown']);
		expect(results[1].error).toMatchObject({ code: 'invalid_message_id', gatewayCode: 404 });
		expect(results[3].error?.code).toBe('invalid_message_id');
		expect(subject.emulator.ledger.countRequests((r) => r.path.startsWith('/api/sms/status/'))).toBe(3);
	});
});

describe('A1 balance and senders', () => {
	it('reads the balance and sees it go down per part', async () => {
		const gateway = a1();
		expect(await gateway.getBalance()).toEqual({ amount: 12.5, unit: 'BYN' });
		await gateway.send([sms(0, '+375291234567', 'Ж'.repeat(71))]);
		expect(await gateway.getBalance()).toEqual({ amount: 12.4, unit: 'BYN' });
	});

	it('says that a sender list is not offered', async () => {
		const gateway = a1();
		expect(gateway.limits.supportsSenderList).toBe(false);
		const error = await gateway.listSenders().catch((e) => e);
		expect(error).toBeInstanceOf(SmsGatewayError);
		expect(error.error.code).toBe('bad_request');
		expect(error.message).toContain('not offered by A1');
		expect(subject.emulator.ledger.requests).toHaveLength(0);
	});
});

describe('A1 definition', () => {
	const build = (credentials: Record<string, unknown>) => () => a1(credentials);
	const codeOf = (fn: () => unknown) => {
		try {
			fn();
		} catch (error) {
			return (error as SmsGatewayError).error;
		}
		return undefined;
	};

	it('names its credential and rules', () => {
		expect(a1Definition).toMatchObject({ id: 'a1', label: 'A1', credentialName: 'a1Api', senderRules: { label: 'A1' } });
		expect(a1().limits).toMatchObject({ maxRecipientsPerRequest: 1, maxStatusIdsPerRequest: 1, concurrency: 50 });
	});

	it('needs the base URL from the contract', () => {
		expect(codeOf(build({ baseUrl: '' }))).toMatchObject({ code: 'bad_request', message: expect.stringContaining('base URL') });
		expect(codeOf(build({ baseUrl: undefined }))?.code).toBe('bad_request');
		expect(codeOf(build({ baseUrl: 'http://a1sms.example.by' }))?.code).toBe('bad_request');
		expect(codeOf(build({ baseUrl: 'https://a1sms.example.by/' }))).toBeUndefined();
	});

	it('refuses a credential missing its secret', () => {
		expect(codeOf(build({ token: '' }))?.code).toBe('auth_failed');
		expect(codeOf(build({ authType: 'basic', username: 'demo', password: '' }))?.code).toBe('auth_failed');
		expect(codeOf(build({ authType: 'basic', username: 'de:mo', password: 'x' }))?.code).toBe('auth_failed');
	});
});
