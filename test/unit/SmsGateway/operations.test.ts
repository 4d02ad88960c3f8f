import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { loadOptions, runNode } from '../../harness/runNode';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { GATEWAY_CASES, phones } from '../../harness/gatewayCases';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators();
});
afterAll(async () => {
	await env.close();
});

describe.each(GATEWAY_CASES)('every operation on $id', (gateway) => {
	let emulator: Emulator;
	const run = (parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false) =>
		runNode({ parameters: { gateway: gateway.id, ...parameters }, credentials: credentialsFor(emulator), items, continueOnFail });

	beforeEach(() => {
		emulator = env.emulators[gateway.id];
		emulator.reset();
	});

	test('Send SMS sends one message per item, in one batch, with the output shape and pairedItem', async () => {
		const items = [{ phone: '8 029 100-00-01', name: 'Anna' }, { phone: '+375 29 100 00 02', name: 'Ivan' }];
		const output = await run(
			{ operation: 'send', to: '={{ $json.phone }}', text: '=Hello, {{ $json.name }}', sender: gateway.sender, options: { includeInputFields: true } },
			items,
		);
		expect(output).toHaveLength(2);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output.map((o) => o.json.to)).toEqual(['+375291000001', '+375291000002']);
		for (const [index, item] of output.entries()) {
			expect(item.json).toMatchObject({
				gateway: gateway.id,
				status: expect.stringMatching(/^(queued|sent|scheduled)$/),
				final: false,
				parts: 1,
				encoding: 'GSM-7',
				characters: `Hello, ${items[index].name}`.length,
				scheduledAt: null,
				dryRun: false,
				name: items[index].name,
			});
			expect(typeof item.json.messageId).toBe('string');
			expect(item.json.error).toBeUndefined();
		}
		const texts = emulator.ledger.messages.map((m) => m.text).sort();
		expect(texts).toEqual(['Hello, Anna', 'Hello, Ivan']);
	});

	test('Send Batch from input items sends each recipient once and maps answers back', async () => {
		const numbers = phones(5);
		const items = numbers.map((phone, i) => ({ contact: { phone }, message: i === 2 ? 'Own text' : '' }));
		const output = await run(
			{ operation: 'sendBatch', recipientsSource: 'items', phoneField: 'contact.phone', textField: 'message', text: 'Common text', sender: gateway.sender },
			items,
		);
		expect(output.map((o) => o.pairedItem)).toEqual(numbers.map((_, item) => ({ item })));
		expect(output.map((o) => o.json.to)).toEqual(numbers);
		expect(output.every((o) => typeof o.json.messageId === 'string' && !o.json.error)).toBe(true);
		expect(new Set(output.map((o) => o.json.messageId)).size).toBe(5);
		expect(emulator.ledger.messages).toHaveLength(5);
		const byNumber = new Map(emulator.ledger.messages.map((m) => [String(m.to).replace(/\D/g, ''), m.text]));
		expect(byNumber.get(numbers[2].slice(1))).toBe('Own text');
		expect(byNumber.get(numbers[0].slice(1))).toBe('Common text');
	});

	test('Send Batch from a list keeps pairedItem on the item that held the list', async () => {
		const output = await run(
			{ operation: 'sendBatch', recipientsSource: 'list', recipientList: '={{ $json.list }}', text: 'Sale today', sender: gateway.sender },
			[{ list: '+375291000001, +375 29 100 00 02' }, { list: ['+375291000003'] }],
		);
		expect(output.map((o) => [o.json.to, o.pairedItem])).toEqual([
			['+375291000001', { item: 0 }],
			['+375291000002', { item: 0 }],
			['+375291000003', { item: 1 }],
		]);
		expect(emulator.ledger.messages).toHaveLength(3);
	});

	test('Get Status returns one item per id, several ids per item, and reaches delivered', async () => {
		const sent = await run({ operation: 'send', to: '={{ $json.phone }}', text: 'Status check', sender: gateway.sender, options: {} }, [
			{ phone: '+375291000001' },
			{ phone: '+375291000002' },
			{ phone: '+375291000003' },
		]);
		const ids = sent.map((o) => o.json.messageId as string);
		emulator.advance(60_000);
		const output = await run({ operation: 'getStatus', messageIds: '={{ $json.ids }}' }, [{ ids: `${ids[0]}, ${ids[1]}` }, { ids: [ids[2]] }]);
		expect(output.map((o) => [o.json.messageId, o.pairedItem])).toEqual([
			[ids[0], { item: 0 }],
			[ids[1], { item: 0 }],
			[ids[2], { item: 1 }],
		]);
		for (const item of output) {
			expect(item.json).toMatchObject({ gateway: gateway.id, status: 'delivered', final: true });
			expect(String(item.json.gatewayStatus)).not.toBe('');
		}
	});

	test('Get Balance returns the amount and unit', async () => {
		const output = await run({ operation: 'getBalance' }, [{}, {}]);
		expect(output).toEqual([{ json: { gateway: gateway.id, amount: emulator.state.config.balance, unit: expect.any(String) }, pairedItem: { item: 0 } }]);
	});

	test('List Senders lists the account senders, or says clearly that the gateway has no list', async () => {
		if (gateway.listsSenders) {
			const output = await run({ operation: 'listSenders' });
			expect(output.map((o) => o.json.sender)).toEqual(emulator.state.config.senders);
			expect(output.every((o) => o.json.gateway === gateway.id)).toBe(true);
			return;
		}
		await expect(run({ operation: 'listSenders' })).rejects.toThrow(/not offered/);
		const output = await run({ operation: 'listSenders' }, undefined, true);
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toMatchObject({ code: 'bad_request' });
	});

	test('the Sender field loads its options without crashing', async () => {
		const options = await loadOptions('getSenders', { parameters: { gateway: gateway.id, operation: 'send' }, credentials: credentialsFor(emulator) });
		expect(options[0]).toMatchObject({ value: '' });
		const names = options.slice(1).map((o) => o.value);
		expect(names).toEqual(gateway.listsSenders ? emulator.state.config.senders : []);
	});

	test('a wrong secret is reported as an authentication failure that quotes no secret', async () => {
		const credentials = credentialsFor(emulator);
		const [type] = Object.keys(credentials);
		const wrong = 'Wrong-Secret-77qz';
		const data = { ...credentials[type] };
		for (const key of ['password', 'token']) if (key in data) data[key] = wrong;
		const error = await runNode({ parameters: { gateway: gateway.id, operation: 'getBalance' }, credentials: { [type]: data } }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toContain('auth_failed');
		const seen = [String((error as Error).message), String((error as NodeApiError).description), JSON.stringify(error)].join('\n');
		expect(seen).not.toContain(wrong);
	});
});

describe('text handling', () => {
	test('typographic characters are replaced by default and Cyrillic is transliterated on request', async () => {
		const emulator = env.emulators.smsClub;
		emulator.reset();
		const output = await runNode({
			parameters: { gateway: 'smsClub', operation: 'send', to: '+380501234567', text: '«Заказ» готов — ждём', sender: 'SmsClubTest', options: { transliterate: 'ru', defaultCountry: 'UA' } },
			credentials: credentialsFor(emulator),
		});
		expect(emulator.ledger.messages.map((m) => m.text)).toEqual(['"Zakaz" gotov - zhdem']);
		expect(output[0].json).toMatchObject({ to: '+380501234567', encoding: 'GSM-7', characters: 21, parts: 1 });
	});

	test('with sanitizing off, the text is sent as typed', async () => {
		const emulator = env.emulators.smsClub;
		emulator.reset();
		const output = await runNode({
			parameters: { gateway: 'smsClub', operation: 'send', to: '+375291000001', text: '«Hi» — there', sender: 'SmsClubTest', options: { sanitize: false } },
			credentials: credentialsFor(emulator),
		});
		expect(emulator.ledger.messages.map((m) => m.text)).toEqual(['«Hi» — there']);
		expect(output[0].json).toMatchObject({ encoding: 'UCS-2' });
	});
});
