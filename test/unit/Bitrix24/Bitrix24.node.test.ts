/**
 * The Bitrix24 node's operations in n8n-core's real ExecuteContext against the portal emulator.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode } from '../../harness/runNode';
import { Bitrix24 } from '../../../nodes/Bitrix24/Bitrix24.node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bitrix24 = require('../../emulators/bitrix24') as {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	start(options?: object): Promise<any>;
	DEFAULT_ACCOUNT: Record<string, string>;
};
const ACCOUNT = bitrix24.DEFAULT_ACCOUNT;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let emulator: any;
let credentials: Record<string, ICredentialDataDecryptedObject>;
beforeAll(async () => {
	emulator = await bitrix24.start();
});
afterAll(() => emulator.close());
beforeEach(() => {
	emulator.reset();
	credentials = {
		bitrix24OAuth2Api: {
			portalUrl: emulator.url,
			authorizationServer: emulator.url,
			accessTokenUrl: `${emulator.url}/oauth/token/`,
			authUrl: `${emulator.url}/oauth/authorize/`,
			clientId: ACCOUNT.clientId,
			clientSecret: ACCOUNT.clientSecret,
			grantType: 'authorizationCode',
			authentication: 'body',
			oauthTokenData: { token_type: 'bearer', ...emulator.issueTokens() },
		},
	};
});

const run = (parameters: INodeParameters, items?: IDataObject[], continueOnFail = false) =>
	runNode({ node: { type: new Bitrix24(), name: 'Bitrix24', typeName: 'n8n-nodes-sms-gateways.bitrix24' }, parameters, credentials, items, continueOnFail });

const HANDLER = 'https://n8n.example.com/webhook/bitrix24';

describe('Bitrix24 node', () => {
	it('registers, lists and unregisters a provider; registering again keeps it or fails as asked', async () => {
		const registered = await run({ operation: 'registerProvider', code: 'n8n_sms', handler: HANDLER, name: 'n8n SMS', providerDescription: '', ifRegistered: 'keep' });
		expect(registered[0].json).toEqual({ code: 'n8n_sms', handler: HANDLER, registered: true, alreadyRegistered: false });
		expect(emulator.portalState().senders[0]).toMatchObject({ CODE: 'n8n_sms', TYPE: 'SMS', HANDLER, NAME: 'n8n SMS', DESCRIPTION: 'n8n SMS' });
		const again = await run({ operation: 'registerProvider', code: 'n8n_sms', handler: HANDLER, name: 'n8n SMS', ifRegistered: 'keep' });
		expect(again[0].json.alreadyRegistered).toBe(true);
		await expect(run({ operation: 'registerProvider', code: 'n8n_sms', handler: HANDLER, name: 'n8n SMS', ifRegistered: 'fail' })).rejects.toThrow(
			'Bitrix24 refused messageservice.sender.add: Sender already installed!',
		);
		expect((await run({ operation: 'listProviders' }))[0].json).toEqual({ codes: ['n8n_sms'] });
		expect((await run({ operation: 'unregisterProvider', code: 'n8n_sms' }))[0].json).toEqual({ code: 'n8n_sms', unregistered: true });
		expect((await run({ operation: 'listProviders' }))[0].json).toEqual({ codes: [] });
	});

	it('refuses a bad provider code before calling Bitrix24', async () => {
		await expect(run({ operation: 'registerProvider', code: 'n8n sms', handler: HANDLER, name: 'x' })).rejects.toThrow(
			'Item 0: Provider Code "n8n sms" is not valid: use letters, digits, dot, dash or underscore',
		);
		expect(emulator.ledger.requests).toHaveLength(0);
	});

	it.each([['constructor'], [{ value: 'listProviders' }], [7]])('refuses an operation %p that is not one of its own, before calling Bitrix24', async (operation) => {
		await expect(run({ operation: operation as string })).rejects.toThrow(/^Item 0: Operation .* is not an operation of this node$/);
		expect(emulator.ledger.requests).toHaveLength(0);
	});

	it.each([
		[{ operation: 'registerProvider', code: { a: 1 }, handler: HANDLER, name: 'x' }, 'Item 0: Provider Code must be text, not an object'],
		[{ operation: 'registerProvider', code: 'n8n_sms', handler: HANDLER, name: 'x', ifRegistered: true }, 'Item 0: If Already Registered must be one of "keep", "fail", not the boolean true'],
		[{ operation: 'registerProvider', code: 'n8n_sms', handler: HANDLER, name: '' }, 'Item 0: Name is empty'],
		[{ operation: 'updateMessageStatus', code: 'n8n_sms', messageId: 'a'.repeat(32), status: '' }, 'Item 0: Status is empty'],
		[{ operation: 'updateMessageStatus', code: 'n8n_sms', messageId: ['x'], status: 'sent' }, 'Item 0: Message ID must be text, not a list'],
		[{ operation: 'updateMessageStatus', code: 'n8n_sms', messageId: 'a'.repeat(32), status: 3 }, /^Item 0: Status must be one of "queued", .*, not 3$/],
		[{ operation: 'getPhoneNumbers', entityType: { lead: true }, entityId: '98' }, 'Item 0: Record Type must be one of "lead", "deal", "contact", "company", not an object'],
		[{ operation: 'getPhoneNumbers', entityType: 'Lead', entityId: '98' }, 'Item 0: Record Type must be one of "lead", "deal", "contact", "company", not "Lead"'],
		[{ operation: 'getPhoneNumbers', entityType: 'lead', entityId: 98.5 }, 'Item 0: Record ID "98.5" is not valid: expected a positive whole number'],
	])('refuses a parameter of the wrong type or value, naming item, parameter and reason, before calling Bitrix24 (%#)', async (parameters, message) => {
		await expect(run(parameters as INodeParameters)).rejects.toThrow(message);
		expect(emulator.ledger.requests).toHaveLength(0);
	});

	it('does not show the handler URL\'s secret: masked in the output, not quoted in the error', async () => {
		const secret = 'f00dfeedf00dfeedf00dfeedf00dfeed';
		const [item] = await run({ operation: 'registerProvider', code: 'n8n_sms', handler: `${HANDLER}?secret=${secret}`, name: 'n8n SMS', ifRegistered: 'keep' });
		expect(item.json.handler).toBe(`${HANDLER}?secret=***`);
		expect(emulator.portalState().senders[0].HANDLER).toBe(`${HANDLER}?secret=${secret}`);
		const refused = run({ operation: 'registerProvider', code: 'n8n_sms', handler: `ftp://host/?secret=${secret}`, name: 'n8n SMS' });
		await expect(refused).rejects.toThrow('Item 0: Handler URL is not valid: expected an http or https URL');
		await expect(refused).rejects.not.toThrow(secret);
	});

	it('keeps the handler secret out of errors and logs when Bitrix24 refuses the handler', async () => {
		const secret = 'c0ffeec0ffeec0ffeec0ffeec0ffeec0';
		const logged: string[] = [];
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
			jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
		);
		try {
			// Bitrix24 refuses a host without a dot (ERROR_WRONG_HANDLER_URL).
			const output = await run({ operation: 'registerProvider', code: 'n8n_sms', handler: `http://localhost/hook?secret=${secret}`, name: 'n8n SMS' }, [{}], true);
			expect(output[0].json.error).toBe('Bitrix24 refused messageservice.sender.add: Wrong handler URL');
			const thrown = await run({ operation: 'registerProvider', code: 'n8n_sms', handler: `http://localhost/hook?secret=${secret}`, name: 'n8n SMS' }).catch((error: unknown) => error);
			expect(JSON.stringify({ thrown, message: (thrown as Error).message, description: (thrown as { description?: string }).description })).not.toContain(secret);
			expect(JSON.stringify(output)).not.toContain(secret);
		} finally {
			spies.forEach((spy) => spy.mockRestore());
		}
		expect(logged.join('\n')).not.toContain(secret);
	});

	it.each([
		['queued', 'queued'],
		['scheduled', 'queued'],
		['sent', 'sent'],
		['unknown', 'sent'],
		['delivered', 'delivered'],
		['undelivered', 'undelivered'],
		['expired', 'undelivered'],
		['rejected', 'undelivered'],
		['failed', 'failed'],
	])('updates a message status %s as Bitrix24 %s', async (status, bitrix24Status) => {
		await run({ operation: 'registerProvider', code: 'n8n_sms', handler: HANDLER, name: 'n8n SMS', ifRegistered: 'keep' });
		const message = emulator.ledger.recordMessage({ id: 'a'.repeat(32), code: 'n8n_sms', to: '+375291234567', text: 'x', status: 'queued', statusHistory: [] });
		const [item] = await run({ operation: 'updateMessageStatus', code: 'n8n_sms', messageId: message.id, status });
		expect(item.json).toEqual({ code: 'n8n_sms', messageId: message.id, status, bitrix24Status, updated: true });
		expect(message.status).toBe(bitrix24Status);
	});

	it('updates one status per item, pairs each output with its input, and keeps going with Continue On Fail', async () => {
		const ids = ['b'.repeat(32), 'c'.repeat(32)];
		for (const id of ids) emulator.ledger.recordMessage({ id, code: 'n8n_sms', to: '+375291234567', text: 'x', status: 'queued', statusHistory: [] });
		const items = [{ id: ids[0], s: 'delivered' }, { id: 'd'.repeat(32), s: 'failed' }, { id: ids[1], s: 'bogus' }, { id: ids[1], s: 'expired' }];
		const output = await run({ operation: 'updateMessageStatus', code: 'n8n_sms', messageId: '={{ $json.id }}', status: '={{ $json.s }}' }, items, true);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json.updated).toBe(true);
		expect(output[1].json.error).toBe('Bitrix24 refused messageservice.message.status.update: Message not found!');
		expect(output[2].json.error).toContain('Item 2: Status must be one of "queued"');
		expect(output[3].json.bitrix24Status).toBe('undelivered');
		expect(emulator.ledger.findMessage(ids[1]).statusHistory).toEqual([expect.objectContaining({ status: 'undelivered' })]);
	});

	it('reads a lead\'s numbers normalized for SMS, with the reason for one that cannot receive it', async () => {
		const [item] = await run({ operation: 'getPhoneNumbers', entityType: 'lead', entityId: '98', defaultCountry: 'BY' });
		expect(item.json.smsNumbers).toEqual(['+375291234567']);
		const phones = item.json.phones as Array<{ value: string; e164: string | null; reason?: string; source: string }>;
		expect(phones[0]).toEqual({ value: '+375291234567', valueType: 'MOBILE', source: 'lead 98', e164: '+375291234567' });
		expect(phones[1].e164).toBeNull();
		expect(phones[1].reason).toBeTruthy();
	});

	it('reads a deal\'s numbers from its contact and company, and a record without numbers', async () => {
		const [deal] = await run({ operation: 'getPhoneNumbers', entityType: 'deal', entityId: '5', defaultCountry: 'BY' });
		expect((deal.json.phones as Array<{ source: string }>).map((p) => p.source)).toEqual(['contact 7', 'company 3']);
		expect(deal.json.smsNumbers).toEqual(['+380501234567']);
		const [none] = await run({ operation: 'getPhoneNumbers', entityType: 'deal', entityId: '6', defaultCountry: 'BY' });
		expect(none.json).toEqual({ entityType: 'deal', entityId: '6', phones: [], smsNumbers: [] });
		await expect(run({ operation: 'getPhoneNumbers', entityType: 'lead', entityId: '404', defaultCountry: 'BY' })).rejects.toThrow('Bitrix24 refused crm.lead.get: Not found');
	});
});
