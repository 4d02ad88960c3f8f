import { SmsGatewayError } from '../../../../nodes/core/errors/SmsError';
import { devinoDefinition } from '../../../../nodes/gateways/devino/definition';
import { DEVINO_LIMITS } from '../../../../nodes/gateways/devino/limits';
import type { OutgoingSms, GatewayAdapter } from '../../../../nodes/core/adapter/GatewayAdapter';
import { analyzeText } from '../../../../nodes/core/text/analyzeText';
import { gatewayUnderTest } from '../../../harness/gatewayUnderTest';

interface LedgerMessage {
	id: string;
	partIds: string[];
	to: string;
	text: string;
	sender: string;
	parts: number;
	sendAt?: number;
	validityMinutes?: number;
}

const MINUTE = 60_000;
const PER_REQUEST = DEVINO_LIMITS.maxRecipientsPerRequest;
const LONG_LATIN = 'Your order is ready for pickup at our store on Main Street. Please bring your ID and the order number. Opening hours are nine to six, Monday to Saturday. Thank you!';
const CYRILLIC = 'Ваш заказ готов';

const subject = gatewayUnderTest('devino');
const { account: ACCOUNT, transport } = subject;
const gateway = (credentials: Record<string, unknown> = {}): GatewayAdapter => subject.build(credentials);
const sms = (ref: number, to: string, text = 'Hello from n8n', extra: Partial<OutgoingSms> = {}): OutgoingSms => ({ ref, to, text, sender: 'MyShop', ...extra });
const requests = (path?: string) => subject.emulator.ledger.requests.filter((r) => !path || r.path === `/rest${path}`);
const messages = () => subject.emulator.ledger.messages as LedgerMessage[];

describe('Devino send', () => {
	test('one message goes out through /sms/send and is queued with its part id', async () => {
		const [result] = await gateway().send([sms(7, '+375291234567')]);
		expect(result).toMatchObject({ ref: 7, to: '+375291234567', parts: 1, status: { status: 'queued' } });
		expect(result.error).toBeUndefined();
		expect(requests('/sms/send')).toHaveLength(1);
		expect(requests('/sms/sendbulk')).toHaveLength(0);
		expect(messages()).toHaveLength(1);
		expect(messages()[0]).toMatchObject({ to: '375291234567', text: 'Hello from n8n', sender: 'MyShop' });
		expect(result.partIds).toEqual(messages()[0].partIds);
		expect(result.messageId).toBe(messages()[0].partIds[0]);
		expect(subject.emulator.config.balance).toBe(100 - 1.5);
	});

	test(`many recipients of the same text share one /sms/sendbulk per ${PER_REQUEST} and keep their own part ids`, async () => {
		const count = 2 * PER_REQUEST + 30;
		const batch = Array.from({ length: count }, (_, i) => sms(i, `+3752910${String(i).padStart(5, '0')}`, LONG_LATIN));
		subject.emulator.config.balance = 100_000;
		const results = await gateway().send(batch);
		const parts = analyzeText(LONG_LATIN).parts;
		expect(parts).toBe(2);
		// Two full requests and one of 30.
		expect(requests('/sms/sendbulk').map((r) => new URLSearchParams(r.body).getAll('destinationAddresses').length)).toEqual([PER_REQUEST, PER_REQUEST, 30]);
		expect(requests('/sms/send')).toHaveLength(0);
		expect(messages()).toHaveLength(count);
		results.forEach((result, i) => {
			expect(result.ref).toBe(i);
			expect(result.to).toBe(batch[i].to);
			const ledger = messages().find((m) => m.to === batch[i].to.slice(1)) as LedgerMessage;
			expect(result.partIds).toEqual(ledger.partIds);
			expect(result.parts).toBe(parts);
			expect(result.messageId).toBe(ledger.partIds.join('+'));
		});
	});

	test('different texts, senders, schedules and validities go in separate requests; singles use /sms/send', async () => {
		const at = new Date(Date.now() + 30 * MINUTE);
		const results = await gateway().send([
			sms(0, '+375291000001', 'A'),
			sms(1, '+375291000002', 'B'),
			sms(2, '+375291000003', 'A'),
			sms(3, '+375291000004', 'A', { sender: 'DTSMS' }),
			sms(4, '+375291000005', 'A', { sendAt: at }),
			sms(5, '+375291000006', 'A', { sendAt: at }),
			sms(6, '+375291000007', 'A', { validityMinutes: 90 }),
		]);
		expect(results.map((r) => r.ref)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(results.every((r) => r.messageId && !r.error)).toBe(true);
		expect(requests('/sms/sendbulk')).toHaveLength(2); // {0,2} and {4,5}
		expect(requests('/sms/send')).toHaveLength(3); // 1, 3, 6
		expect(results[4].status.status).toBe('scheduled');
		expect(results[0].status.status).toBe('queued');
	});

	test('a scheduled send carries Moscow time and becomes due then; validity goes in minutes', async () => {
		const at = new Date(Date.UTC(2031, 0, 15, 9, 30, 0));
		const gw = gateway();
		const [result] = await gw.send([sms(0, '+79001234567', 'Later', { sendAt: at, validityMinutes: 120 })]);
		expect(result.status.status).toBe('scheduled');
		const body = new URLSearchParams(requests('/sms/send')[0].body);
		expect(body.get('sendDate')).toBe('2031-01-15T12:30:00');
		expect(body.get('validity')).toBe('120');
		expect(messages()[0].sendAt).toBe(at.getTime());
		expect(messages()[0].validityMinutes).toBe(120);
	});

	test('not enough credits fails the whole request and records nothing', async () => {
		subject.emulator.config.balance = 2;
		const results = await gateway().send([sms(0, '+375291000001'), sms(1, '+375291000002')]);
		for (const result of results) expect(result).toMatchObject({ status: { status: 'failed' }, error: { code: 'insufficient_funds', gatewayCode: 5 } });
		expect(messages()).toHaveLength(0);
	});

	test('a sender name Devino refuses fails the request', async () => {
		const [result] = await gateway().send([sms(0, '+375291000001', 'Hi', { sender: 'Way Too Long Name' })]);
		expect(result.error).toMatchObject({ code: 'bad_request', gatewayCode: 2 });
		expect(result.error?.message).toContain('sourceAddress');
		expect(messages()).toHaveLength(0);
	});
});

describe('Devino statuses', () => {
	test('progress queued → sent → delivered, for one-part and multi-part messages', async () => {
		const gw = gateway();
		const sent = await gw.send([sms(0, '+375291000001'), sms(1, '+375291000002', CYRILLIC.repeat(6))]);
		expect(sent[1].parts).toBe(analyzeText(CYRILLIC.repeat(6)).parts);
		expect(sent[1].parts).toBeGreaterThan(1);
		const ids = sent.map((r) => r.messageId as string);

		let statuses = await gw.getStatuses(ids);
		expect(statuses.map((s) => s.status.status)).toEqual(['queued', 'queued']);
		expect(statuses[0].status.raw).toBe('-2');
		expect(statuses[1].partIds).toEqual(sent[1].partIds);
		subject.emulator.advance(1500);
		statuses = await gw.getStatuses(ids);
		expect(statuses.map((s) => s.status.status)).toEqual(['sent', 'sent']);
		subject.emulator.advance(2000);
		statuses = await gw.getStatuses(ids);
		expect(statuses.map((s) => s.status)).toEqual([
			{ status: 'delivered', final: true, raw: '0' },
			{ status: 'delivered', final: true, raw: sent[1].partIds?.map(() => '0').join(',') },
		]);
		// One /sms/state call per part, one login for the whole run.
		expect(requests('/sms/state')).toHaveLength(3 * (1 + (sent[1].parts as number)));
		expect(requests('/user/sessionid')).toHaveLength(1);
	});

	test('configured outcomes: undelivered, expired, rejected', async () => {
		subject.emulator.setOutcome('375291000001', 'undelivered');
		subject.emulator.setOutcome('375291000002', 'expired');
		subject.emulator.setOutcome('375291000003', 'rejected');
		const gw = gateway();
		const sent = await gw.send([sms(0, '+375291000001'), sms(1, '+375291000002'), sms(2, '+375291000003')]);
		subject.emulator.advance(5000);
		const statuses = await gw.getStatuses(sent.map((r) => r.messageId as string));
		expect(statuses.map((s) => [s.status.status, s.status.raw, s.status.final])).toEqual([
			['undelivered', '11', true],
			['expired', '46', true],
			['rejected', '69', true],
		]);
	});

	test('an unregistered sender is accepted, then rejected with state 10', async () => {
		const gw = gateway();
		const [sent] = await gw.send([sms(0, '+375291000001', 'Hi', { sender: 'OtherName' })]);
		expect(sent.messageId).toBeDefined();
		const [status] = await gw.getStatuses([sent.messageId as string]);
		expect(status.status).toEqual({ status: 'rejected', final: true, raw: '10' });
	});

	test('scheduled messages stay queued until due, then progress', async () => {
		const gw = gateway();
		const [sent] = await gw.send([sms(0, '+375291000001', 'Later', { sendAt: new Date(Date.now() + 10 * MINUTE) })]);
		subject.emulator.advance(5 * MINUTE);
		expect((await gw.getStatuses([sent.messageId as string]))[0].status.status).toBe('queued');
		subject.emulator.advance(5 * MINUTE + 5000);
		expect((await gw.getStatuses([sent.messageId as string]))[0].status.status).toBe('delivered');
	});

	test('unknown, foreign and malformed ids each get their own result, in order', async () => {
		const gw = gateway();
		const [sent] = await gw.send([sms(0, '+375291000001')]);
		const statuses = await gw.getStatuses(['not-an-id', sent.messageId as string, '999', '1+abc', sent.messageId as string]);
		expect(statuses.map((s) => s.messageId)).toEqual(['not-an-id', sent.messageId, '999', '1+abc', sent.messageId]);
		expect(statuses[0].error?.code).toBe('invalid_message_id');
		expect(statuses[3].error?.code).toBe('invalid_message_id');
		expect(statuses[1].status.status).toBe('queued');
		expect(statuses[2].status).toEqual({ status: 'unknown', final: false, raw: '255' });
		// The repeated id is asked once.
		expect(requests('/sms/state')).toHaveLength(2);
	});

	test('messages older than 48 hours answer 255', async () => {
		const gw = gateway();
		const [sent] = await gw.send([sms(0, '+375291000001')]);
		subject.emulator.advance(49 * 60 * MINUTE);
		const [status] = await gw.getStatuses([sent.messageId as string]);
		expect(status.status.raw).toBe('255');
	});
});

describe('Devino balance, senders, sessions, credentials', () => {
	test('balance is a bare number in roubles and goes down per part', async () => {
		const gw = gateway();
		expect(await gw.getBalance()).toEqual({ amount: 100, unit: 'RUB' });
		await gw.send([sms(0, '+375291000001', LONG_LATIN)]);
		expect(await gw.getBalance()).toEqual({ amount: 97, unit: 'RUB' });
	});

	test('there is no sender list', async () => {
		await expect(gateway().listSenders()).rejects.toThrow(/List Senders is not offered by Devino/);
		await expect(gateway().listSenders()).rejects.toMatchObject({ error: { code: 'bad_request' } });
		expect(devinoDefinition.create({ ...ACCOUNT }, transport).limits.supportsSenderList).toBe(false);
	});

	test('the session is reused, renewed once after Devino expires it, and the send is not doubled', async () => {
		const gw = gateway();
		await gw.getBalance();
		await gw.getBalance();
		expect(requests('/user/sessionid')).toHaveLength(1);
		subject.emulator.advance(121 * MINUTE);
		const [result] = await gw.send([sms(0, '+375291000001')]);
		expect(result.messageId).toBeDefined();
		expect(requests('/user/sessionid')).toHaveLength(2);
		expect(requests('/sms/send')).toHaveLength(2); // the refused one and the repeat
		expect(messages()).toHaveLength(1);
	});

	test('a wrong password is reported as such, without the password', async () => {
		const gw = gateway({ password: 'wrong-secret-123' });
		const error = await gw.getBalance().then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(SmsGatewayError);
		expect((error as SmsGatewayError).error.code).toBe('auth_failed');
		expect((error as SmsGatewayError).message).toMatch(/refused the login or password/);
		expect(JSON.stringify((error as SmsGatewayError).error)).not.toContain('wrong-secret-123');
		const results = await gw.send([sms(0, '+375291000001')]);
		expect(results[0].error?.code).toBe('auth_failed');
		expect(requests('/sms/send')).toHaveLength(0);
	});

	test('the definition checks the credential and the base URL', () => {
		expect(() => devinoDefinition.create({ login: 'demo', password: '' }, transport)).toThrow(/login and a password/);
		expect(() => devinoDefinition.create({ ...ACCOUNT, baseUrl: 'http://integrationapi.net/rest' }, transport)).toThrow(/https/);
		const gw = devinoDefinition.create({ ...ACCOUNT }, transport);
		expect(gw.id).toBe('devino');
		expect(gw.limits.minScheduleLeadMinutes).toBe(1);
		expect(devinoDefinition.credentialName).toBe('integrationApiNetApi');
	});

	test('secrets never reach a URL, a result or an error message', async () => {
		const gw = gateway();
		const sent = await gw.send([sms(0, '+375291000001'), sms(1, '+375291000002')]);
		const statuses = await gw.getStatuses(sent.filter((r) => r.messageId).map((r) => r.messageId as string));
		await gw.getBalance();
		const sessionIds = [...(subject.emulator.state.store.sessions?.keys() ?? [])];
		expect(sessionIds.length).toBeGreaterThan(0);
		const secrets = [ACCOUNT.password, ...sessionIds];
		for (const request of subject.emulator.ledger.requests) {
			expect(request.method).toBe('POST');
			expect(request.query).toBe('');
			for (const secret of secrets) expect(request.path).not.toContain(secret);
		}
		const visible = JSON.stringify([sent, statuses]);
		for (const secret of secrets) expect(visible).not.toContain(secret);
	});
});
