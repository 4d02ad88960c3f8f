/**
 * The Bitrix24 node in n8n 1.x (1.123, system Node 20), run headlessly: the OAuth2 credential,
 * Register / List Provider, Get Phone Numbers and Update Message Status against the portal
 * emulator, a token expired before the run renewed once. (The two Bitrix24 triggers need n8n 2.x:
 * under 1.123's `n8n start` they register, but the secret they keep in the workflow's static data
 * is not saved, so every call is refused — see the README.)
 */
import * as fs from 'node:fs';
import { describeWithRuntime, freePort, n8n, type Instance } from './support/harness';
import { expectSuccess, nodeItems } from './support/runData';
import { workflow, type NodeJson } from './support/workflows';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bitrix24 = require('../emulators/bitrix24') as {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	start(options?: object): Promise<any>;
	DEFAULT_ACCOUNT: Record<string, string>;
};
const ACCOUNT = bitrix24.DEFAULT_ACCOUNT;
const CREDENTIAL = { id: 'e2eBitrix24CredV1', name: 'Bitrix24 (emulator)' };

function bitrix24Node(id: string, name: string, parameters: Record<string, unknown>): NodeJson {
	return { id: `b24v1000-0000-4000-8000-${id.padStart(12, '0')}`, name, type: 'n8n-nodes-sms-gateways.bitrix24', typeVersion: 1, position: [0, 0], parameters, credentials: { bitrix24OAuth2Api: CREDENTIAL } };
}

describeWithRuntime('v1', 'Bitrix24 node in n8n 1.x', (getRuntime) => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let emulator: any;
	let instance: Instance;

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		emulator = await bitrix24.start();
		instance = n8n.createInstance(getRuntime(), { port: await freePort(), brokerPort: await freePort() });
		await n8n.importCredentials(instance, [
			{
				...CREDENTIAL,
				type: 'bitrix24OAuth2Api',
				data: { portalUrl: emulator.url, authorizationServer: emulator.url, clientId: ACCOUNT.clientId, clientSecret: ACCOUNT.clientSecret, oauthTokenData: { token_type: 'bearer', ...emulator.issueTokens() } },
			},
		]);
	});

	afterAll(async () => {
		await emulator?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	it('registers and lists the provider, reads phone numbers and reports a status, renewing an expired token once', async () => {
		// The provider must exist before the portal hands it a message.
		await n8n.importWorkflows(instance, [workflow('e2eV1Bitrix24Register', [[bitrix24Node('1', 'Register', { operation: 'registerProvider', code: 'n8n_sms', handler: 'http://127.0.0.1:5678/webhook/bitrix24-sms?secret=abc', name: 'n8n SMS', ifRegistered: 'keep' })]])]);
		expectSuccess(await n8n.executeWorkflow(instance, 'e2eV1Bitrix24Register'));
		const messageId = (await emulator.sendSms({ to: '+375291234567', text: 'From n8n 1.x' })).deliveries[0].messageId;
		const tokenCalls = () => emulator.ledger.requests.filter((r: { path: string }) => r.path === '/oauth/token/').length;
		emulator.expireAccessTokens();
		await n8n.importWorkflows(instance, [
			workflow('e2eV1Bitrix24', [
				[
					bitrix24Node('2', 'List', { operation: 'listProviders' }),
					bitrix24Node('3', 'Phones', { operation: 'getPhoneNumbers', entityType: 'lead', entityId: '98', defaultCountry: 'BY' }),
					bitrix24Node('4', 'Report', { operation: 'updateMessageStatus', code: 'n8n_sms', messageId, status: 'delivered' }),
				],
			]),
		]);
		const run = await n8n.executeWorkflow(instance, 'e2eV1Bitrix24');
		expectSuccess(run);
		expect(nodeItems(run, 'List')[0].json).toEqual({ codes: ['n8n_sms'] });
		expect(nodeItems(run, 'Phones')[0].json.smsNumbers).toEqual(['+375291234567']);
		expect(nodeItems(run, 'Report')[0].json).toMatchObject({ messageId, bitrix24Status: 'delivered', updated: true });
		expect(emulator.ledger.findMessage(messageId).statusHistory).toEqual([expect.objectContaining({ status: 'delivered' })]);
		expect(tokenCalls()).toBe(1);
		expect(emulator.portalState().senders[0].HANDLER).toBe('http://127.0.0.1:5678/webhook/bitrix24-sms?secret=abc');
	});
});
