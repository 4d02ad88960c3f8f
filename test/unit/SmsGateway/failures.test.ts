import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { runNode } from '../../harness/runNode';
import { credentialsFor, secretsOf, startEmulators, type Emulator } from '../../harness/emulators';
import { GATEWAY_CASES, phones } from '../../harness/gatewayCases';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators();
});
afterAll(async () => {
	await env.close();
});

const inTwoHours = () => new Date(Date.now() + 2 * 3600_000).toISOString();

describe.each(GATEWAY_CASES)('failures and safeguards on $id', (gateway) => {
	let emulator: Emulator;
	const sendRequests = () => emulator.ledger.requests.filter((r) => gateway.isSend(r));
	const run = (parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false) =>
		runNode({ parameters: { gateway: gateway.id, ...parameters }, credentials: credentialsFor(emulator), items, continueOnFail });
	const sendEach = (options: Record<string, unknown> = {}) => ({
		operation: 'send',
		to: '={{ $json.phone }}',
		text: '={{ $json.text }}',
		sender: '={{ $json.sender }}',
		options,
	});

	beforeEach(() => {
		emulator = env.emulators[gateway.id];
		emulator.reset();
	});

	const invalidCases: Array<[string, Record<string, unknown>, string]> = [
		['a bad phone number', { phone: '12345' }, 'invalid_number'],
		['an empty text', { text: '   ' }, 'invalid_text'],
		['a bad sender', { sender: 'Far-too-long-sender-name' }, 'invalid_sender'],
	];

	test.each(invalidCases)('%s stops the run naming the item, before anything is sent', async (_, override, code) => {
		const items = [
			{ phone: '+375291000001', text: 'First', sender: gateway.sender },
			{ phone: '+375291000002', text: 'Second', sender: gateway.sender, ...override },
			{ phone: '+375291000003', text: 'Third', sender: gateway.sender },
		];
		const error = await run(sendEach(), items).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toMatch(/^Item 1: /);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
		expect((error as NodeOperationError).description).toContain(code);
		expect(sendRequests()).toHaveLength(0);
		expect(emulator.ledger.messages).toHaveLength(0);
	});

	test.each(invalidCases)('%s with Continue On Fail becomes an error item and the rest are sent', async (_, override, code) => {
		const items = [
			{ phone: '+375291000001', text: 'First', sender: gateway.sender },
			{ phone: '+375291000002', text: 'Second', sender: gateway.sender, ...override },
			{ phone: '+375291000003', text: 'Third', sender: gateway.sender },
		];
		const output = await run(sendEach(), items, true);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toMatchObject({ code, retryable: false });
		expect(output[1].json).toMatchObject({ messageId: null, dryRun: true, gateway: gateway.id });
		expect([output[0].json.error, output[2].json.error]).toEqual([undefined, undefined]);
		expect(emulator.ledger.messages.map((m) => m.text).sort()).toEqual(['First', 'Third']);
	});

	test('a missing sender is refused up front where the gateway requires one, and accepted where it does not', async () => {
		const items = [{ phone: '+375291000001', text: 'No sender', sender: '' }];
		const result = await run(sendEach(), items).catch((e: unknown) => e);
		if (['smsClub', 'devino'].includes(gateway.id)) {
			expect(result).toBeInstanceOf(NodeOperationError);
			expect((result as NodeOperationError).description).toContain('invalid_sender');
			expect(sendRequests()).toHaveLength(0);
		} else {
			expect(result).not.toBeInstanceOf(Error);
			expect(emulator.ledger.messages).toHaveLength(1);
		}
	});

	test('a schedule in the past is refused up front', async () => {
		const items = [{ phone: '+375291000001', text: 'Later', sender: gateway.sender }];
		const error = await run(sendEach({ scheduleAt: '2020-01-01T10:00:00Z' }), items).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).description).toContain('invalid_schedule');
		expect(emulator.ledger.messages).toHaveLength(0);
	});

	test('a future schedule is sent where the gateway schedules, and refused clearly where it cannot', async () => {
		const items = [{ phone: '+375291000001', text: 'Later', sender: gateway.sender }];
		const scheduleAt = inTwoHours();
		const result = await run(sendEach({ scheduleAt }), items).catch((e: unknown) => e);
		if (result instanceof Error) {
			expect(result).toBeInstanceOf(NodeOperationError);
			expect(result.message).toMatch(/does not support scheduled sending/);
			expect(emulator.ledger.messages).toHaveLength(0);
			return;
		}
		const [item] = result as Array<{ json: Record<string, unknown> }>;
		expect(item.json.scheduledAt).toBe(new Date(Date.parse(scheduleAt)).toISOString());
		expect(emulator.ledger.messages).toHaveLength(1);
	});

	test('dry run sends nothing and reports parts, encoding, cost and the balance after', async () => {
		const items = [
			{ phone: '+375291000001', text: 'Short Latin text', sender: gateway.sender },
			{ phone: '+375291000002', text: 'Кириллица '.repeat(10), sender: gateway.sender },
		];
		const output = await run(sendEach({ dryRun: true, pricePerPart: 0.5 }), items);
		expect(sendRequests()).toHaveLength(0);
		expect(emulator.ledger.messages).toHaveLength(0);
		expect(output[0].json).toMatchObject({ dryRun: true, messageId: null, parts: 1, encoding: 'GSM-7', cost: 0.5 });
		expect(output[1].json).toMatchObject({ dryRun: true, parts: 2, encoding: 'UCS-2', characters: 100, cost: 1 });
		const balance = Number(emulator.state.config.balance);
		expect(output[0].json.estimate).toMatchObject({ messages: 2, parts: 3, cost: 1.5, balanceBefore: balance, balanceAfter: balance - 1.5 });
	});

	test('check balance first refuses the whole batch and sends nothing', async () => {
		emulator.state.config.balance = 1;
		const parameters = { operation: 'sendBatch', recipientsSource: 'list', recipientList: phones(20).join(','), text: 'Promo', sender: gateway.sender, options: { checkBalanceFirst: true, pricePerPart: 0.1 } };
		const error = await run(parameters).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(/does not cover the estimated cost of 2 .*20 parts × 0.1.*nothing was sent/);
		const output = await run(parameters, undefined, true);
		expect(output).toHaveLength(20);
		expect(output.every((o) => (o.json.error as { code: string }).code === 'insufficient_funds' && o.json.dryRun === true)).toBe(true);
		expect(sendRequests()).toHaveLength(0);
		expect(emulator.ledger.messages).toHaveLength(0);
	});

	test('check balance first lets a covered batch through', async () => {
		emulator.state.config.balance = 100;
		const output = await run({ operation: 'sendBatch', recipientsSource: 'list', recipientList: phones(3).join(';'), text: 'Promo', sender: gateway.sender, options: { checkBalanceFirst: true, pricePerPart: 0.1 } });
		expect(output.every((o) => typeof o.json.messageId === 'string')).toBe(true);
		expect(output[0].json.estimate).toMatchObject({ parts: 3, cost: 0.3, balanceBefore: 100, balanceAfter: 99.7 });
		expect(emulator.ledger.messages).toHaveLength(3);
	});

	test('a duplicate recipient gets its own item, marked, and is sent once', async () => {
		const output = await run({ operation: 'sendBatch', recipientsSource: 'items', phoneField: 'phone', text: 'Once', sender: gateway.sender }, [
			{ phone: '+375291000001' },
			{ phone: '8 029 100 00 01' },
			{ phone: '+375291000002' },
		]);
		expect(output.map((o) => [o.json.skippedDuplicate, o.json.duplicateOf, o.pairedItem])).toEqual([
			[false, null, { item: 0 }],
			[true, 0, { item: 1 }],
			[false, null, { item: 2 }],
		]);
		expect(output[1].json.messageId).toBe(output[0].json.messageId);
		expect(emulator.ledger.messages).toHaveLength(2);
	});

	test('with de-duplication off, the same number is handed to the gateway twice on purpose', async () => {
		const output = await run(
			{ operation: 'sendBatch', recipientsSource: 'list', recipientList: '+375291000001, +375291000001', text: 'Twice', sender: gateway.sender, options: { deduplicate: false } },
			undefined,
			true,
		);
		expect(output).toHaveLength(2);
		expect(output.every((o) => o.json.skippedDuplicate === undefined)).toBe(true);
		if (gateway.id === 'smsClub') {
			// SMSClub itself refuses the same message to the same number within 2 minutes (HTTP 453).
			expect(output.map((o) => (o.json.error as { code?: string } | undefined)?.code)).toContain('duplicate');
			return;
		}
		expect(emulator.ledger.messages).toHaveLength(2);
	});

	test('a lost answer to a send is outcome_unknown and is not sent again', async () => {
		// A reset emulator forgets sessions: log in again first, so that the fault hits the send itself.
		await run({ operation: 'getBalance' });
		emulator.faults.inject({ kind: 'resetAfterProcessing', method: 'POST' });
		const items = [{ phone: '+375291000001', text: 'Maybe', sender: gateway.sender }];
		const output = await run(sendEach(), items, true);
		expect(output[0].json.error).toMatchObject({ code: 'outcome_unknown', retryable: false });
		expect(sendRequests()).toHaveLength(1);
		expect(emulator.ledger.messages).toHaveLength(1);
		emulator.faults.inject({ kind: 'resetAfterProcessing', method: 'POST' });
		const error = await run(sendEach(), [{ phone: '+375291000002', text: 'Maybe', sender: gateway.sender }]).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toContain('outcome_unknown');
		expect(sendRequests()).toHaveLength(2);
	});

	test('a rate-limited send is retried after Retry-After and sent once', async () => {
		emulator.faults.inject({ kind: 'http', status: 429, retryAfter: 0, method: 'POST' });
		const output = await run(sendEach({ maxRetryWaitSeconds: 5 }), [{ phone: '+375291000001', text: 'Retry', sender: gateway.sender }], true);
		if (output[0].json.error) {
			// A gateway whose documents give 429 no meaning reports it rather than guess.
			expect(output[0].json.error).toMatchObject({ retryable: expect.any(Boolean) });
			expect(emulator.ledger.messages).toHaveLength(0);
			return;
		}
		expect(typeof output[0].json.messageId).toBe('string');
		expect(emulator.ledger.messages).toHaveLength(1);
	});

	test('an unreachable gateway is reported without secrets', async () => {
		const credentials = credentialsFor(emulator);
		const [type] = Object.keys(credentials);
		const closedPort = { ...credentials[type], baseUrl: 'http://127.0.0.1:1' + (String(credentials[type].baseUrl).match(/\/[a-z].*$/)?.[0] ?? '') };
		// No retry wait, so the test does not sit through the backoff.
		const parameters = { gateway: gateway.id, operation: 'getStatus', messageIds: '1001', options: { maxRetryWaitSeconds: 0 } };
		const error = await runNode({ parameters, credentials: { [type]: closedPort } }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toContain('unavailable');
		const seen = [String((error as Error).message), String((error as NodeApiError).description), JSON.stringify(error)].join('\n');
		for (const secret of secretsOf(emulator)) expect(seen).not.toContain(secret);
	});

	test('no secret appears in any output item', async () => {
		const output = [
			...(await run(sendEach({ dryRun: true }), [{ phone: '+375291000001', text: 'x', sender: gateway.sender }])),
			...(await run(sendEach(), [{ phone: '+375291000001', text: 'x', sender: gateway.sender }, { phone: 'bad', text: 'x' }], true)),
			...(await run({ operation: 'getBalance' })),
		];
		const text = JSON.stringify(output);
		for (const secret of secretsOf(emulator)) expect(text).not.toContain(secret);
	});
});
