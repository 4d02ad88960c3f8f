/**
 * The package still loads and works in n8n 1.x (1.123, system Node 20): a smoke workflow that
 * sends a batch and reads the balance, checked against the emulator's ledger.
 */
import * as fs from 'node:fs';
import { describeWithRuntime, emulatorsModule, freePort, n8n, sandbox, type Emulators, type Instance } from './support/harness';
import { digits } from './support/cases';
import { expectSuccess, nodeItems } from './support/runData';
import { rowsNode, smsNode, workflow } from './support/workflows';

describeWithRuntime('v1', 'SMS Gateway node in n8n 1.x (smoke)', (getRuntime) => {
	let all: Emulators;
	let instance: Instance;

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		all = await emulatorsModule.startAll({ only: ['smsAssistent'] });
		instance = n8n.createInstance(getRuntime(), { port: await freePort(), brokerPort: await freePort() });
	});

	afterAll(async () => {
		await all?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	it('sends a batch from rows and reads the balance', async () => {
		const credential = sandbox.SANDBOX_CREDENTIALS.smsAssistent;
		await n8n.importCredentials(instance, sandbox.sandboxCredentials(all.emulators));
		const rows = [
			{ phone: '+375 29 671-72-59', text: 'Hello from n8n 1.x' },
			{ phone: '8 033 654 32 10', text: 'Привет из n8n 1.x' },
		];
		await n8n.importWorkflows(instance, [
			workflow('e2eV1Smoke', [
				[
					rowsNode('Rows', rows),
					smsNode('Send Batch', 'smsAssistent', credential, {
						operation: 'sendBatch',
						recipientsSource: 'items',
						phoneField: 'phone',
						textField: 'text',
						text: 'fallback',
						sender: 'MyShop',
						options: {},
					}),
					smsNode('Balance', 'smsAssistent', credential, { operation: 'getBalance' }),
				],
			]),
		]);

		const run = await n8n.executeWorkflow(instance, 'e2eV1Smoke');
		expectSuccess(run);
		const sent = nodeItems(run, 'Send Batch').map((i) => i.json);
		expect(sent.map((j) => j.to)).toEqual(['+375296717259', '+375336543210']);
		expect(sent.map((j) => j.encoding)).toEqual(['GSM-7', 'UCS-2']);
		for (const json of sent) expect(json.messageId).toBeTruthy();
		const balance = nodeItems(run, 'Balance');
		expect(balance[0].json).toMatchObject({ gateway: 'smsAssistent', amount: Number(all.emulators.smsAssistent.state.config.balance) });

		const ledger = all.emulators.smsAssistent.ledger;
		expect(ledger.messages.map((m) => [digits(String(m.to)), m.text])).toEqual([
			['375296717259', 'Hello from n8n 1.x'],
			['375336543210', 'Привет из n8n 1.x'],
		]);
	});
});
