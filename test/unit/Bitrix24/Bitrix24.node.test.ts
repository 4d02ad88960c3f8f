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
			'Item 0: "Provider Code" "n8n sms" is not valid: use letters, digits, dot, dash or underscore',
		);
		expect(emulator.ledger.requests).toHaveLength(0);
	});

	it.each([['constructor'], [{ value: 'listProviders' }], [7]])('refuses an operation %p that is not one of its own, before calling Bitrix24', async (operation) => {
		await expect(run({ operation: operation as string })).rejects.toThrow(/^Item 0: Operation .* is not an operation of this node$/);
		expect(emulator.ledger.requests).toHaveLength(0);
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
		expect(output[2].json.error).toContain('"Status" "bogus" is not one of');
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
