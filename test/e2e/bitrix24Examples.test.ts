/**
 * The two Bitrix24 examples as the sandbox sets them up (its credentials, the Bitrix24 one already
 * connected), published and running under `n8n start`:
 * - examples/bitrix24-sms-provider-via-sms-assistent.json: the portal hands over 100 SMS; each
 *   reaches the SMS-assistent emulator exactly once, the status it got at once comes back to the
 *   portal once, and then its final status once, from the SMS Gateway Trigger in the same workflow
 *   (its first check is a minute after the send, so this takes one or two minutes);
 * - examples/bitrix24-new-lead-sms.json: a new lead with a mobile number gets one SMS, a lead
 *   without one gets none.
 */
import * as fs from 'node:fs';
import { describeWithRuntime, emulatorsModule, freePort, n8n, sandbox, type Emulators, type Instance, type Server } from './support/harness';
import { explain } from './support/runData';
import { waitFor } from './support/waitFor';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bitrix24 = require('../emulators/bitrix24') as {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	start(options?: object): Promise<any>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandboxSetup = require('../n8n/sandboxSetup') as {
	BITRIX24_EXAMPLES: string[];
	bitrix24SandboxCredential(portal: unknown): Record<string, unknown>;
};

interface Message {
	id: string;
	to: string;
	text: string;
	status: string;
	statusHistory: unknown[];
}

const statusesOf = (message: Message): string[] => (message.statusHistory as Array<{ status: string }>).map((entry) => entry.status);

const digits = (value: unknown) => String(value).replace(/\D/g, '');

describeWithRuntime('v2', 'Bitrix24 examples under n8n start', (getRuntime) => {
	let all: Emulators;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let portal: any;
	let instance: Instance;
	let server: Server | undefined;
	const gatewayMessages = (): Message[] => all.emulators.smsAssistent.ledger.messages as unknown as Message[];

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		all = await emulatorsModule.startAll({ only: ['smsAssistent'] });
		portal = await bitrix24.start();
		const port = await freePort();
		instance = n8n.createInstance(getRuntime(), { port, brokerPort: await freePort(), env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
		await n8n.importCredentials(instance, [...sandbox.sandboxCredentials(all.emulators), sandboxSetup.bitrix24SandboxCredential(portal)] as never);
		const examples = sandbox.loadExamples();
		await n8n.importWorkflows(instance, sandboxSetup.BITRIX24_EXAMPLES.map((file) => examples[file]));
		for (const file of sandboxSetup.BITRIX24_EXAMPLES) {
			const published = await n8n.runCli(instance, ['publish:workflow', `--id=${(examples[file] as { id: string }).id}`]);
			if (published.code !== 0) throw new Error(`could not publish ${file}\n${explain(published)}`);
		}
		server = await n8n.startServer(instance);
		await waitFor(() => portal.portalState().senders.length === 1 && portal.portalState().bindings.length === 1, 60000);
	});

	afterAll(async () => {
		await server?.stop();
		await portal?.close();
		await all?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	it('SMS provider: 100 SMS from the portal each reach SMS-assistent once; the status at sending and then the final status each come back once', async () => {
		const sent: Array<{ id: string; to: string; text: string }> = [];
		for (let i = 0; i < 100; i++) {
			const to = `+37529${String(1000000 + i)}`;
			const text = `Order ${i} is ready`;
			const { deliveries } = await portal.sendSms({ to, text });
			expect(deliveries).toEqual([expect.objectContaining({ handlerStatus: 200 })]);
			sent.push({ id: deliveries[0].messageId, to, text });
		}
		const portalMessage = (id: string): Message => portal.ledger.findMessage(id);
		await waitFor(() => sent.every(({ id }) => portalMessage(id).statusHistory.length > 0), 180000);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		for (const { id, to, text } of sent) {
			const atGateway = gatewayMessages().filter((m) => digits(m.to) === digits(to));
			expect(atGateway.map((m) => m.text)).toEqual([text]);
			expect(portalMessage(id).statusHistory.length).toBeLessThanOrEqual(2);
			expect(['queued', 'sent']).toContain(statusesOf(portalMessage(id))[0]);
		}
		expect(gatewayMessages()).toHaveLength(100);

		// The loop closes: the status trigger reports each final status (the emulator delivers
		// every message here) once, and nothing for messages Bitrix24 did not hand over.
		await waitFor(() => sent.every(({ id }) => portalMessage(id).statusHistory.length >= 2), 240000);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		for (const { id } of sent) {
			expect(statusesOf(portalMessage(id))).toEqual([expect.stringMatching(/^(queued|sent)$/), 'delivered']);
			expect(portalMessage(id).status).toBe('delivered');
		}
	}, 480000);

	it('New lead → SMS: a lead with a mobile number gets one SMS, a lead without one none', async () => {
		const before = gatewayMessages().length;
		const withPhone = await portal.changeRecord({ entity: 'lead', fields: { TITLE: 'Web form', PHONE: [{ VALUE: '8 (017) 222-33-44', VALUE_TYPE: 'WORK' }, { VALUE: '+375 33 765-43-21', VALUE_TYPE: 'MOBILE' }] } });
		const withoutPhone = await portal.changeRecord({ entity: 'lead', fields: { TITLE: 'No phone', HAS_PHONE: 'N' } });
		expect([withPhone.calls[0].status, withoutPhone.calls[0].status]).toEqual([200, 200]);
		await waitFor(() => gatewayMessages().length > before, 60000);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const fresh = gatewayMessages().slice(before);
		expect(fresh.map((m) => digits(m.to))).toEqual(['375337654321']);
		expect(fresh[0].text).toBe('Thank you for your request! We will call you back within an hour.');
	});
});
