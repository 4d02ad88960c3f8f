/**
 * The Bitrix24 node and its OAuth2 credential in a real n8n (2.x) against the portal emulator:
 * the credential is imported already connected (tokens from the emulator's own authorize and
 * token endpoints, as n8n's "Connect" would store them); the hidden authorize and token URLs are
 * resolved by n8n from the portal address and authorization server; a token that expires between
 * runs is renewed by n8n's OAuth2 refresh, stored, and reused by the next run.
 */
import * as fs from 'node:fs';
import { describeWithRuntime, freePort, n8n, type Instance } from './support/harness';
import { ACCOUNT, bitrix24, connectedCredential } from './support/bitrix24Rig';
import { expectSuccess, nodeItems } from './support/runData';
import { workflow, type NodeJson } from './support/workflows';

const CREDENTIAL = { id: 'e2eBitrix24Cred01', name: 'Bitrix24 (emulator)' };
const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

let counter = 0;
function bitrix24Node(name: string, parameters: Record<string, unknown>): NodeJson {
	counter += 1;
	return {
		id: `b24e2e00-0000-4000-8000-${String(counter).padStart(12, '0')}`,
		name,
		type: 'n8n-nodes-sms-gateways.bitrix24',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { bitrix24OAuth2Api: CREDENTIAL },
	};
}

describeWithRuntime('v2', 'Bitrix24 node with OAuth2 in a real n8n', (getRuntime) => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let emulator: any;
	let instance: Instance;

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		emulator = await bitrix24.start({ config: { app: { ...bitrix24.defaults().app, redirectUri: REDIRECT } } });
		instance = n8n.createInstance(getRuntime(), { port: await freePort(), brokerPort: await freePort() });
		// What n8n's "Connect my account" does: the authorize redirect's code, exchanged at the token endpoint.
		const authorize = await fetch(`${emulator.url}/oauth/authorize/?client_id=${ACCOUNT.clientId}&state=e2e`, { redirect: 'manual' });
		const code = new URL(authorize.headers.get('location') as string).searchParams.get('code') as string;
		const token = await fetch(`${emulator.url}/oauth/token/?${new URLSearchParams({ grant_type: 'authorization_code', client_id: ACCOUNT.clientId, client_secret: ACCOUNT.clientSecret, code })}`);
		const oauthTokenData = (await token.json()) as { access_token?: string };
		expect(oauthTokenData.access_token).toBeTruthy();
		await n8n.importCredentials(instance, [
			connectedCredential(CREDENTIAL, emulator, oauthTokenData),
		]);
	});

	afterAll(async () => {
		await emulator?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	it('registers and lists the provider and reads CRM numbers; then a token expired between runs is renewed once and the renewed pair is reused', async () => {
		await n8n.importWorkflows(instance, [
			workflow('e2eBitrix24Setup', [
				[
					bitrix24Node('Register', { operation: 'registerProvider', code: 'n8n_sms', handler: 'http://127.0.0.1:5678/webhook/bitrix24-sms', name: 'n8n SMS', ifRegistered: 'keep' }),
					bitrix24Node('List', { operation: 'listProviders' }),
					bitrix24Node('Phones', { operation: 'getPhoneNumbers', entityType: 'deal', entityId: '5', defaultCountry: 'BY' }),
				],
			]),
		]);

		const setup = await n8n.executeWorkflow(instance, 'e2eBitrix24Setup');
		expectSuccess(setup);
		expect(nodeItems(setup, 'Register')[0].json).toMatchObject({ code: 'n8n_sms', registered: true });
		expect(nodeItems(setup, 'List')[0].json).toEqual({ codes: ['n8n_sms'] });
		expect(nodeItems(setup, 'Phones')[0].json.smsNumbers).toEqual(['+380501234567']);

		// The portal hands two SMS to the provider (the handler is not listening: the messages are still the portal's).
		const first = (await emulator.sendSms({ to: '+375291234567', text: 'Order 5 is ready' })).deliveries[0].messageId;
		const second = (await emulator.sendSms({ to: '+375291234567', text: 'Order 5 shipped' })).deliveries[0].messageId;
		const tokenCalls = () => emulator.ledger.requests.filter((r: { path: string }) => r.path === '/oauth/token/').length;
		const before = tokenCalls();
		emulator.expireAccessTokens();

		for (const [id, status] of [[first, 'delivered'], [second, 'expired']]) {
			await n8n.importWorkflows(instance, [
				{
					...workflow('e2eBitrix24Status', [
						[
							{ id: 'b24e2e00-0000-4000-8000-000000000900', name: 'Messages', type: 'n8n-nodes-base.code', typeVersion: 2, position: [0, 0], parameters: { jsCode: `return [{ json: ${JSON.stringify({ id, status })} }];` } },
							bitrix24Node('Update Status', { operation: 'updateMessageStatus', code: 'n8n_sms', messageId: '={{ $json.id }}', status: '={{ $json.status }}' }),
						],
					]),
				},
			]);
			const run = await n8n.executeWorkflow(instance, 'e2eBitrix24Status');
			expectSuccess(run);
			expect(nodeItems(run, 'Update Status')[0].json).toMatchObject({ messageId: id, status, updated: true });
		}
		expect(emulator.ledger.findMessage(first).status).toBe('delivered');
		expect(emulator.ledger.findMessage(second).status).toBe('undelivered');
		// One renewal for both runs: n8n stored the new pair after the first.
		expect(tokenCalls() - before).toBe(1);
	});

	it('renews a token that expires in the middle of a run once; the run succeeds and no status is applied twice', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 8; i++) ids.push((await emulator.sendSms({ to: '+375291234567', text: `Mid-run ${i}` })).deliveries[0].messageId);
		const restCalls = () => emulator.ledger.requests.filter((r: { path: string }) => r.path.startsWith('/rest/')).length;
		const tokenCalls = () => emulator.ledger.requests.filter((r: { path: string }) => r.path === '/oauth/token/').length;
		const updates = () => emulator.ledger.requests.filter((r: { path: string }) => r.path === '/rest/messageservice.message.status.update.json').length;
		const before = tokenCalls();
		const updatesBefore = updates();
		// The fourth status update of the run finds its token expired.
		emulator.config.expireTokensAtRestCall = restCalls() + 4;
		await n8n.importWorkflows(instance, [
			workflow('e2eBitrix24MidRun', [
				[
					{ id: 'b24e2e00-0000-4000-8000-000000000901', name: 'Messages', type: 'n8n-nodes-base.code', typeVersion: 2, position: [0, 0], parameters: { jsCode: `return ${JSON.stringify(ids)}.map((id) => ({ json: { id } }));` } },
					bitrix24Node('Report Delivered', { operation: 'updateMessageStatus', code: 'n8n_sms', messageId: '={{ $json.id }}', status: 'delivered' }),
				],
			]),
		]);
		const run = await n8n.executeWorkflow(instance, 'e2eBitrix24MidRun');
		emulator.config.expireTokensAtRestCall = null;
		expectSuccess(run);
		expect(nodeItems(run, 'Report Delivered').map((item) => item.json.messageId)).toEqual(ids);
		expect(tokenCalls() - before).toBe(1);
		// 8 updates + the one refused with expired_token and sent again after the renewal.
		expect(updates() - updatesBefore).toBe(9);
		for (const id of ids) expect(emulator.ledger.findMessage(id).statusHistory).toEqual([expect.objectContaining({ status: 'delivered' })]);
	});
});
