/**
 * The SMS Gateway node in the real n8n editor, clicked through in headless chromium: for each
 * gateway, in a fresh workflow, add the node from the node creator, create its credential in the
 * credential dialog (a wrong secret shows the failure, the right one passes), run every operation
 * with Execute step and read the output panel; the sender list loads where the gateway has one and
 * a typed sender works where it has none; a node switches gateway by picking another credential;
 * the delivery-tracking fields and both triggers (deliveryTracking.ts); the Bitrix24 Trigger's
 * Stage Store kept across a change of Events (bitrix24TriggerFields.ts).
 * One n8n and one browser for the whole file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeWithRuntime, emulatorsModule, freePort, n8n, rest, type Emulator, type Emulators, type GatewayId, type Instance, type Server } from '../support/harness';
import { describeBitrix24TriggerFields } from './bitrix24TriggerFields';
import { describeDeliveryTracking } from './deliveryTracking';
import { Editor, launchBrowser, type BrowserSession } from './support/editor';

/** README pictures: written to docs/ when UPDATE_SCREENSHOTS=1, otherwise next to the test run. */
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === '1' ? path.resolve(__dirname, '../../../docs') : path.resolve(__dirname, '../../../.cache/editor-screenshots');

interface GatewayCase {
	id: GatewayId;
	/** As the gateway switch in the credential dialog names it. */
	label: string;
	/** The credential's fields for this emulator; `secret` names the one to get wrong first. */
	fields(emulator: Emulator): Record<string, string>;
	secret: string;
	/** The credential type's name, as the node's credential list shows it under each credential. */
	credentialType: string;
	/** The credential test's message for a refused secret. */
	refusal: RegExp;
	/** The account's sender list, or undefined where the gateway has none (then a typed name). */
	senderList?: string[];
	sender: string;
}

const CASES: GatewayCase[] = [
	{
		id: 'smsAssistent',
		label: 'SMS-assistent',
		fields: (e) => ({ login: e.account.login, password: e.account.password, baseUrl: e.baseUrl }),
		secret: 'password',
		credentialType: 'SMS-assistent API',
		refusal: /Wrong login or password/,
		senderList: ['CMC', 'MyShop', 'Test-Shop'],
		sender: 'MyShop',
	},
	{
		id: 'a1',
		label: 'A1',
		fields: (e) => ({ baseUrl: e.baseUrl, token: e.account.token }),
		secret: 'token',
		credentialType: 'A1 API',
		refusal: /A1 did not accept the token/,
		sender: 'A1Test',
	},
	{
		id: 'smsClub',
		label: 'SMSClub',
		fields: (e) => ({ token: e.account.token, baseUrl: e.baseUrl }),
		secret: 'token',
		credentialType: 'SMSClub API',
		refusal: /SMSClub did not accept the token/,
		senderList: ['SmsClubTest', 'VashZakaz'],
		sender: 'VashZakaz',
	},
	{
		id: 'devino',
		label: 'Devino (integrationapi.net)',
		fields: (e) => ({ login: e.account.login, password: e.account.password, baseUrl: e.baseUrl }),
		secret: 'password',
		credentialType: 'Integrationapi.net (Devino) API',
		refusal: /Devino refused the login or password/,
		sender: 'DTSMS',
	},
];

type OutputItem = Record<string, unknown>;

describeWithRuntime('v2', 'SMS Gateway in the n8n editor (browser)', (getRuntime) => {
	let all: Emulators;
	let instance: Instance;
	let server: Server | undefined;
	let browser: BrowserSession;
	let editor: Editor;

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		all = await emulatorsModule.startAll();
		instance = n8n.createInstance(getRuntime(), { port: await freePort(), brokerPort: await freePort() });
		server = await n8n.startServer(instance);
		await new rest.RestSession(server.url).setupOwnerOrLogin();
		browser = await launchBrowser();
		editor = new Editor(await browser.context.newPage(), server.url);
		await editor.signIn(rest.LOCAL_OWNER);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await all?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	/** Output items of the last Execute step, as the panel's JSON view shows them. */
	async function runStep(): Promise<OutputItem[]> {
		await editor.executeStep();
		return (await editor.outputJson()) as OutputItem[];
	}

	describe.each(CASES)('$label', (gateway) => {
		let emulator: Emulator;
		let sentId: string;

		beforeAll(() => {
			emulator = all.emulators[gateway.id];
			emulator.reset();
		});

		it('is added from the node creator and its credential is created in the dialog: a wrong secret fails, the right one passes', async () => {
			await editor.newWorkflow();
			await editor.addSmsNode('Send an SMS');
			await editor.openNewCredential();
			await editor.chooseGatewayInCredential(gateway.label);
			const fields = gateway.fields(emulator);
			if (gateway.id === 'a1') expect(await editor.credentialFieldValue('maxConcurrentRequests')).toBe('50');
			if (gateway.id === 'smsClub') {
				await editor.fillCredential(fields);
				await editor.screenshot(path.join(SCREENSHOT_DIR, 'editor-credential.png'));
			}
			await editor.fillCredential({ ...fields, [gateway.secret]: `wrong-${fields[gateway.secret]}` });
			const refused = await editor.saveCredential();
			expect(refused).toMatchObject({ status: 'Error', message: expect.stringMatching(gateway.refusal) });
			expect(await editor.credentialFailureText()).toMatch(gateway.refusal);

			await editor.fillCredential({ [gateway.secret]: fields[gateway.secret] });
			expect(await editor.saveCredential()).toMatchObject({ status: 'OK' });
			await editor.closeCredentialModalIfOpen();
			await editor.ndv.getByText(`Gateway: ${gateway.label}.`).waitFor();
		});

		it(gateway.senderList ? 'Send SMS with a sender picked from the loaded list' : 'Send SMS with a typed sender (no list mode offered)', async () => {
			await editor.fillParameter('to', '+375 29 671-72-59');
			await editor.fillParameter('text', `Hello from the ${gateway.label} panel`);
			if (gateway.senderList) {
				expect(await editor.senderModes(gateway.id)).toEqual(['from list', 'by name']);
				expect(await editor.openSenderList(gateway.id)).toEqual(gateway.senderList);
				await editor.pickSender(gateway.sender);
			} else {
				expect(await editor.senderModes(gateway.id)).toEqual([]);
				await editor.typeSender(gateway.id, gateway.sender);
			}
			const [item] = await runStep();
			expect(item).toMatchObject({ gateway: gateway.id, to: '+375296717259' });
			expect(item.error).toBeUndefined();
			expect(item.messageId).toEqual(expect.any(String));
			sentId = item.messageId as string;
			const sent = emulator.ledger.messages.at(-1);
			expect(sent).toMatchObject({ sender: gateway.sender, text: `Hello from the ${gateway.label} panel` });
		});

		it('Send Batch to a typed list', async () => {
			await editor.chooseOption('operation', 'Send Batch');
			await editor.chooseOption('recipientsSource', 'List');
			await editor.fillParameter('recipientList', '+375291112233, +375291112244');
			await editor.fillParameter('text', 'Batch from the panel');
			if (gateway === CASES[0]) await editor.screenshot(path.join(SCREENSHOT_DIR, 'editor-send-batch.png'), editor.ndv);
			const items = await runStep();
			expect(items.map((i) => [i.to, i.error ?? null])).toEqual([
				['+375291112233', null],
				['+375291112244', null],
			]);
			if (gateway === CASES[0]) {
				await editor.showOutputAs('table');
				await editor.screenshot(path.join(SCREENSHOT_DIR, 'editor-output.png'), editor.ndv);
			}
		});

		it('Get Status of the message sent above', async () => {
			await editor.chooseOption('operation', 'Get Status');
			await editor.fillParameter('messageIds', sentId);
			const [item] = await runStep();
			expect(item).toMatchObject({ gateway: gateway.id, messageId: sentId });
			expect(item.status).toEqual(expect.any(String));
		});

		it('Get Balance', async () => {
			await editor.chooseOption('operation', 'Get Balance');
			const [item] = await runStep();
			expect(item).toMatchObject({ gateway: gateway.id, amount: expect.any(Number), unit: expect.any(String) });
		});

		it(gateway.senderList ? 'List Senders gives the account\'s names' : 'List Senders says the gateway offers none', async () => {
			await editor.chooseOption('operation', 'List Senders');
			if (gateway.senderList) {
				const items = await runStep();
				expect(items.map((i) => i.sender)).toEqual(gateway.senderList);
			} else {
				await editor.executeStep();
				await editor.ndv.getByText(/List Senders is not offered by/).first().waitFor();
			}
			await editor.closeNdv();
			expect(await editor.canvasSubtitle()).toContain(`${gateway.label}: List Senders`);
		});
	});

	describe('switching gateway', () => {
		const byId = (id: GatewayId) => CASES.find((c) => c.id === id) as GatewayCase;

		it('picking another gateway\'s credential switches the node: panel, sender field, canvas and the run follow', async () => {
			await editor.newWorkflow();
			await editor.addSmsNode('Send an SMS');
			await editor.fillParameter('to', '+375 29 671-72-59');
			await editor.fillParameter('text', 'Which gateway?');

			for (const id of ['smsClub', 'smsAssistent', 'devino'] as const) {
				const gateway = byId(id);
				await editor.selectCredential(gateway.credentialType);
				await editor.ndv.getByText(`Gateway: ${gateway.label}.`).waitFor();
				if (gateway.senderList) {
					// The previous gateway's sender is gone: each gateway has its own field.
					expect(await editor.senderValue(id)).toBe('');
					expect(await editor.openSenderList(id)).toEqual(gateway.senderList);
					await editor.pickSender(gateway.sender);
				} else {
					expect(await editor.senderModes(id)).toEqual([]);
					await editor.typeSender(id, gateway.sender);
				}
				const [item] = await runStep();
				expect(item).toMatchObject({ gateway: id, to: '+375296717259' });
				expect(item.error).toBeUndefined();
				expect(all.emulators[id].ledger.messages.at(-1)).toMatchObject({ sender: gateway.sender, text: 'Which gateway?' });
			}
			await editor.closeNdv();
			expect(await editor.canvasSubtitle()).toContain('Devino (integrationapi.net): Send SMS');
		});
	});

	describe('delivery tracking', () => describeDeliveryTracking(() => ({ editor, all })));

	describe('Bitrix24 Trigger fields', () => describeBitrix24TriggerFields(() => editor));
});
