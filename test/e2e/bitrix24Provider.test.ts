/**
 * The Bitrix24 SMS Provider Trigger in a running n8n (`n8n start`, the workflow published): on
 * activation it registers itself in the portal emulator with a secret URL; every SMS the portal
 * hands over starts the workflow, whose Bitrix24 node reports the status back; forged calls (no
 * secret, wrong secret, another member_id, wrong application_token) get 403 and change nothing.
 */
import { describeWithRuntime, n8n, type Instance, type Server } from './support/harness';
import { ACCOUNT, closePortalAndInstance, portalWithInstance, toPhpForm } from './support/bitrix24Rig';
import { publishWorkflow, unpublishWorkflow } from './support/publishing';
import { explain } from './support/runData';
import { workflow, type NodeJson } from './support/workflows';
import { waitFor } from './support/waitFor';

const CREDENTIAL = { id: 'e2eBitrix24Cred02', name: 'Bitrix24 (emulator)' };
const WORKFLOW_ID = 'e2eBitrix24Provider';

function node(name: string, type: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): NodeJson {
	return { id: `b24p${name.length}000-0000-4000-8000-${String(name.charCodeAt(0)).padStart(12, '0')}`, name, type, typeVersion: 1, position: [0, 0], parameters, credentials: { bitrix24OAuth2Api: CREDENTIAL }, ...extra };
}

describeWithRuntime('v2', 'Bitrix24 SMS Provider Trigger under n8n start', (getRuntime) => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let emulator: any;
	let instance: Instance;
	let server: Server | undefined;

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		({ emulator, instance } = await portalWithInstance(getRuntime(), CREDENTIAL));
		const flow = workflow(WORKFLOW_ID, [
			[
				node('Report Sent', 'n8n-nodes-sms-gateways.bitrix24', { operation: 'updateMessageStatus', code: 'n8n_sms', messageId: '={{ $json.messageId }}', status: 'sent' }),
			],
		]);
		// The trigger replaces the manual start.
		const trigger = node('Bitrix24 SMS', 'n8n-nodes-sms-gateways.bitrix24SmsProviderTrigger', { code: 'n8n_sms', name: 'n8n SMS', applicationToken: ACCOUNT.applicationToken, defaultCountry: 'BY' }, { webhookId: 'a1b2c3d4-0000-4000-8000-00000000b24a' });
		flow.nodes = [trigger, ...flow.nodes.filter((n) => n.name !== 'Start')];
		flow.connections = { 'Bitrix24 SMS': { main: [[{ node: 'Report Sent', type: 'main', index: 0 }]] } };
		await n8n.importWorkflows(instance, [flow]);
		const published = await n8n.runCli(instance, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
		if (published.code !== 0) throw new Error(`could not publish\n${explain(published)}`);
		server = await n8n.startServer(instance);
	});

	afterAll(() => closePortalAndInstance({ server, emulator, instance }));

	it('registers itself with a secret URL, takes every SMS once, and refuses forged calls', async () => {
		await waitFor(() => emulator.portalState().senders.length === 1, 60000, 'the provider to be registered');
		const [sender] = emulator.portalState().senders;
		expect(sender).toMatchObject({ CODE: 'n8n_sms', TYPE: 'SMS', NAME: 'n8n SMS' });
		expect(sender.HANDLER).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/.+\?secret=[0-9a-f]{48}$/);

		const ids: string[] = [];
		for (let i = 0; i < 20; i++) {
			const { deliveries } = await emulator.sendSms({ to: i % 2 ? '+375291234567' : '8 029 123-45-67', text: `Message ${i}` });
			expect(deliveries[0].handlerStatus).toBe(200);
			ids.push(deliveries[0].messageId);
		}
		await waitFor(() => ids.every((id) => emulator.ledger.findMessage(id).status === 'sent'), 60000);
		for (const id of ids) expect(emulator.ledger.findMessage(id).statusHistory).toHaveLength(1);

		// Forged calls about a real message: none may start the workflow.
		const victim = (await emulator.sendSms({ to: '+375291234567', text: 'x', auth: { member_id: 'nobody' } })).deliveries[0];
		expect(victim.handlerStatus).toBe(403);
		const base = sender.HANDLER.split('?')[0];
		const form = (auth: Record<string, string>) =>
			toPhpForm({ module_id: 'crm', type: 'SMS', code: 'n8n_sms', message_id: victim.messageId, message_to: '+375291234567', message_body: 'forged', ts: 1, auth });
		const goodAuth = { domain: ACCOUNT.domain, member_id: ACCOUNT.memberId, application_token: ACCOUNT.applicationToken };
		const forged: Array<[string, string]> = [
			[base, form(goodAuth)],
			[`${base}?secret=${'0'.repeat(48)}`, form(goodAuth)],
			[sender.HANDLER, form({ ...goodAuth, member_id: 'a'.repeat(32) })],
			[sender.HANDLER, form({ ...goodAuth, application_token: 'b'.repeat(32) })],
			[sender.HANDLER, form({ domain: ACCOUNT.domain, member_id: ACCOUNT.memberId })],
		];
		for (const [url, body] of forged) {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
			expect(response.status).toBe(403);
		}
		// Larger than any handler call Bitrix24 makes: refused before it is read.
		const oversized = toPhpForm({ module_id: 'crm', type: 'SMS', code: 'n8n_sms', message_id: victim.messageId, message_to: '+375291234567', message_body: 'x'.repeat(300 * 1024), ts: 1, auth: goodAuth });
		expect((await fetch(sender.HANDLER, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: oversized })).status).toBe(413);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(emulator.ledger.findMessage(victim.messageId).statusHistory).toHaveLength(0);
	});

	it('after n8n restarts, is still registered once and takes the next SMS', async () => {
		await server?.stop();
		server = await n8n.startServer(instance);
		await waitFor(() => emulator.portalState().senders.length === 1, 60000, 'the provider to be registered');
		const { senders } = emulator.portalState();
		expect(senders.map((s: { CODE: string }) => s.CODE)).toEqual(['n8n_sms']);
		const { deliveries } = await emulator.sendSms({ to: '+375291234567', text: 'After restart' });
		expect(deliveries).toHaveLength(1);
		expect(deliveries[0].handlerStatus).toBe(200);
		await waitFor(() => emulator.ledger.findMessage(deliveries[0].messageId).status === 'sent', 60000);
		expect(emulator.ledger.findMessage(deliveries[0].messageId).statusHistory).toHaveLength(1);
	});

	it('unpublished, removes the provider and its old URL takes nothing; published again, registers with a new secret', async () => {
		const [old] = emulator.portalState().senders;
		await unpublishWorkflow(server!, WORKFLOW_ID);
		await waitFor(() => emulator.portalState().senders.length === 0, 60000, 'the provider to be removed');
		expect(await emulator.sendSms({ to: '+375291234567', text: 'While unpublished' })).toEqual({ error: 'No such provider is registered' });
		const form = toPhpForm({ module_id: 'crm', type: 'SMS', code: 'n8n_sms', message_id: 'f'.repeat(32), message_to: '+375291234567', message_body: 'stale', ts: 1, auth: { domain: ACCOUNT.domain, member_id: ACCOUNT.memberId, application_token: ACCOUNT.applicationToken } });
		// 404 once n8n has dropped the URL; 403 if a call slips in between the removal and that.
		expect([403, 404]).toContain((await fetch(old.HANDLER, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).status);

		await publishWorkflow(server!, WORKFLOW_ID);
		await waitFor(() => emulator.portalState().senders.length === 1, 60000, 'the provider to be registered');
		const [sender] = emulator.portalState().senders;
		expect(sender.CODE).toBe('n8n_sms');
		expect(sender.HANDLER).not.toBe(old.HANDLER);
		const { deliveries } = await emulator.sendSms({ to: '+375291234567', text: 'After republish' });
		expect(deliveries[0].handlerStatus).toBe(200);
		await waitFor(() => emulator.ledger.findMessage(deliveries[0].messageId).status === 'sent', 60000);
		expect(emulator.ledger.findMessage(deliveries[0].messageId).statusHistory).toHaveLength(1);
	});
});
