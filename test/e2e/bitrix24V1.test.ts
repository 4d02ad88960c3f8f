/**
 * The Bitrix24 nodes in n8n 1.x (1.123, system Node 20): the node run headlessly (the OAuth2
 * credential, Register / List Provider, Get Phone Numbers and Update Message Status, a token expired
 * before the run renewed once), then both triggers under `n8n start`, activated the 1.x way
 * (`update:workflow --active=true`). Workflow ids are at most 16 characters: n8n 1.x saves a
 * workflow's static data (where the triggers keep their URL secret) only for such ids.
 */
import { describeWithRuntime, n8n, type Instance, type Server } from './support/harness';
import { ACCOUNT, closePortalAndInstance, portalWithInstance } from './support/bitrix24Rig';
import { expectSuccess, explain, nodeItems } from './support/runData';
import { workflow, type NodeJson, type WorkflowJson } from './support/workflows';
import { waitFor } from './support/waitFor';

const CREDENTIAL = { id: 'e2eBitrix24CredV1', name: 'Bitrix24 (emulator)' };

function bitrix24Node(id: string, name: string, parameters: Record<string, unknown>, type = 'n8n-nodes-sms-gateways.bitrix24', extra: Record<string, unknown> = {}): NodeJson {
	return { id: `b24v1000-0000-4000-8000-${id.padStart(12, '0')}`, name, type, typeVersion: 1, position: [0, 0], parameters, credentials: { bitrix24OAuth2Api: CREDENTIAL }, ...extra };
}

function triggered(id: string, trigger: NodeJson, action: NodeJson): WorkflowJson {
	return { id, name: id, nodes: [trigger, action], connections: { [trigger.name]: { main: [[{ node: action.name, type: 'main', index: 0 }]] } }, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

describeWithRuntime('v1', 'Bitrix24 node in n8n 1.x', (getRuntime) => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let emulator: any;
	let instance: Instance;
	let server: Server | undefined;

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		({ emulator, instance } = await portalWithInstance(getRuntime(), CREDENTIAL));
	});

	afterAll(() => closePortalAndInstance({ server, emulator, instance }));

	it('registers and lists the provider, reads phone numbers and reports a status, renewing an expired token once', async () => {
		// The provider must exist before the portal hands it a message.
		await n8n.importWorkflows(instance, [workflow('e2eV1B24Register', [[bitrix24Node('1', 'Register', { operation: 'registerProvider', code: 'n8n_sms', handler: 'http://127.0.0.1:5678/webhook/bitrix24-sms?secret=abc', name: 'n8n SMS', ifRegistered: 'keep' })]])]);
		expectSuccess(await n8n.executeWorkflow(instance, 'e2eV1B24Register'));
		const messageId = (await emulator.sendSms({ to: '+375291234567', text: 'From n8n 1.x' })).deliveries[0].messageId;
		const tokenCalls = () => emulator.ledger.requests.filter((r: { path: string }) => r.path === '/oauth/token/').length;
		emulator.expireAccessTokens();
		await n8n.importWorkflows(instance, [
			workflow('e2eV1B24Node', [
				[
					bitrix24Node('2', 'List', { operation: 'listProviders' }),
					bitrix24Node('3', 'Phones', { operation: 'getPhoneNumbers', entityType: 'lead', entityId: '98', defaultCountry: 'BY' }),
					bitrix24Node('4', 'Report', { operation: 'updateMessageStatus', code: 'n8n_sms', messageId, status: 'delivered' }),
				],
			]),
		]);
		const run = await n8n.executeWorkflow(instance, 'e2eV1B24Node');
		expectSuccess(run);
		expect(nodeItems(run, 'List')[0].json).toEqual({ codes: ['n8n_sms'] });
		expect(nodeItems(run, 'Phones')[0].json.smsNumbers).toEqual(['+375291234567']);
		expect(nodeItems(run, 'Report')[0].json).toMatchObject({ messageId, bitrix24Status: 'delivered', updated: true });
		expect(emulator.ledger.findMessage(messageId).statusHistory).toEqual([expect.objectContaining({ status: 'delivered' })]);
		expect(tokenCalls()).toBe(1);
		expect(emulator.portalState().senders[0].HANDLER).toBe('http://127.0.0.1:5678/webhook/bitrix24-sms?secret=abc');
	});

	it('under n8n start: the SMS Provider Trigger takes an SMS and reports it, the Bitrix24 Trigger takes a new lead', async () => {
		await n8n.importWorkflows(instance, [
			triggered(
				'e2eV1B24Provider',
				bitrix24Node('5', 'SMS', { code: 'n8n_sms', name: 'n8n SMS', applicationToken: ACCOUNT.applicationToken }, 'n8n-nodes-sms-gateways.bitrix24SmsProviderTrigger', { webhookId: 'b24v1000-0000-4000-8000-0000000000a1' }),
				bitrix24Node('6', 'Report Sent', { operation: 'updateMessageStatus', code: 'n8n_sms', messageId: '={{ $json.messageId }}', status: 'sent' }),
			),
			triggered(
				'e2eV1B24Events',
				bitrix24Node('7', 'New Lead', { events: ['leadAdded'] }, 'n8n-nodes-sms-gateways.bitrix24Trigger', { webhookId: 'b24v1000-0000-4000-8000-0000000000a2' }),
				bitrix24Node('8', 'Phone Numbers', { operation: 'getPhoneNumbers', entityType: '={{ $json.entityType }}', entityId: '={{ $json.entityId }}', defaultCountry: 'BY' }),
			),
		]);
		for (const id of ['e2eV1B24Provider', 'e2eV1B24Events']) {
			const activated = await n8n.runCli(instance, ['update:workflow', `--id=${id}`, '--active=true']);
			if (activated.code !== 0) throw new Error(`could not activate ${id}\n${explain(activated)}`);
		}
		server = await n8n.startServer(instance);
		// The trigger replaces the provider the first test registered with its own secret URL.
		const registered = () => emulator.portalState().senders.filter((s: { HANDLER: string }) => /\/bitrix24-sms\?secret=[0-9a-f]{48}$/.test(s.HANDLER));
		await waitFor(() => registered().length === 1 && emulator.portalState().bindings.length === 1, 60000);
		expect(emulator.portalState().senders).toHaveLength(1);
		const { deliveries } = await emulator.sendSms({ to: '+375291234567', text: 'From n8n 1.x' });
		expect(deliveries[0].handlerStatus).toBe(200);
		const lead = await emulator.changeRecord({ entity: 'lead', fields: { TITLE: 'n8n 1.x', PHONE: [{ VALUE: '+375291112233', VALUE_TYPE: 'MOBILE' }] } });
		expect(lead.calls[0].status).toBe(200);
		const forged = await emulator.changeRecord({ entity: 'lead', fields: { TITLE: 'forged' }, auth: { member_id: 'c'.repeat(32), application_token: ACCOUNT.applicationToken } });
		expect(forged.calls[0].status).toBe(403);
		await waitFor(() => emulator.ledger.findMessage(deliveries[0].messageId).status === 'sent', 60000);
		const reads = (id: string) => emulator.ledger.requests.filter((r: { path: string; body: string }) => r.path === '/rest/crm.lead.get.json' && JSON.parse(r.body).id === id);
		await waitFor(() => reads(lead.id).length === 1, 60000);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(emulator.ledger.findMessage(deliveries[0].messageId).statusHistory).toHaveLength(1);
		expect(reads(forged.id)).toHaveLength(0);
	});
});
