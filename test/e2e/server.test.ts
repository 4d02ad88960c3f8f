/**
 * What needs a running n8n (`n8n start`): each credential's Test button through the editor's REST
 * API (right secret → OK, wrong secret → error), and the scheduled balance alert example firing
 * from its Schedule Trigger as an active workflow. One server start for the whole file.
 */
import * as fs from 'node:fs';
import { describeWithRuntime, emulatorsModule, freePort, n8n, rest, sandbox, type Credential, type Emulators, type Instance, type RestSession, type Server } from './support/harness';
import { explain } from './support/runData';
import { waitFor } from './support/waitFor';

const ALERT_EVERY_SECONDS = 2;

describeWithRuntime('v2', 'SMS Gateway package under n8n start', (getRuntime) => {
	let all: Emulators;
	let instance: Instance;
	let server: Server | undefined;
	let session: RestSession;
	let credentials: Credential[];
	const alert = sandbox.loadExamples()['scheduled-balance-alert.json'];

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		all = await emulatorsModule.startAll();
		// Low from the start: the first scheduled run must alert.
		all.emulators.smsClub.state.config.balance = 42;
		instance = n8n.createInstance(getRuntime(), { port: await freePort(), brokerPort: await freePort() });
		credentials = sandbox.sandboxCredentials(all.emulators);
		await n8n.importCredentials(instance, credentials);
		await n8n.importWorkflows(instance, [withScheduleEverySeconds(alert, ALERT_EVERY_SECONDS)]);
		const activate = getRuntime().version === 'v2' ? ['publish:workflow', `--id=${alert.id}`] : ['update:workflow', `--id=${alert.id}`, '--active=true'];
		const activated = await n8n.runCli(instance, activate);
		if (activated.code !== 0) throw new Error(`could not activate the alert workflow\n${explain(activated)}`);
		server = await n8n.startServer(instance);
		session = new rest.RestSession(server.url);
		await session.setupOwnerOrLogin();
	});

	afterAll(async () => {
		await server?.stop();
		await all?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	it('loads the node and its four credentials as a community package', async () => {
		const types = await session.requestOk('GET', '/types/credentials.json');
		const names = (types as Array<{ name: string }>).map((t) => t.name);
		expect(names).toEqual(expect.arrayContaining(['smsAssistentApi', 'a1Api', 'smsClubApi', 'integrationApiNetApi']));
		expect(names).not.toContain('smsBearerTokenApi');
		const nodes = await session.requestOk('GET', '/types/nodes.json');
		const smsNode = (nodes as Array<{ name: string; displayName: string; usableAsTool?: boolean }>).find((t) => t.name === 'n8n-nodes-sms-gateways.smsGateway');
		expect(smsNode).toMatchObject({ displayName: 'SMS Gateway' });
	});

	describe('credential test (the editor\'s Test button)', () => {
		/** The field that holds each credential's secret, to replace with a wrong one. */
		const secretField: Record<string, string> = { smsAssistentApi: 'password', a1Api: 'token', smsClubApi: 'token', integrationApiNetApi: 'password' };

		it.each(['sbxSmsAssistent', 'sbxA1', 'sbxSmsClub', 'sbxDevino'])('%s: the right secret passes, a wrong one is refused', async (id) => {
			const credential = credentials.find((c) => c.id === id) as Credential;
			const good = await session.testCredential(credential);
			expect(good).toMatchObject({ status: 'OK' });

			const field = secretField[credential.type];
			const wrongSecret = `wrong-${String(credential.data[field])}`;
			const bad = await session.testCredential({ ...credential, data: { ...credential.data, [field]: wrongSecret } });
			expect(bad.status).toBe('Error');
			expect(bad.message).toBeTruthy();
			// n8n shows this message in the dialog: never the secret itself.
			expect(bad.message).not.toContain(wrongSecret);
		});

		it('A1 with Basic auth: right password passes, wrong one is refused', async () => {
			const a1 = all.emulators.a1;
			const basic: Credential = {
				id: 'sbxA1',
				name: 'A1 (basic)',
				type: 'a1Api',
				data: { authType: 'basic', username: a1.account.username, password: a1.account.password, baseUrl: a1.baseUrl },
			};
			expect(await session.testCredential(basic)).toMatchObject({ status: 'OK' });
			const bad = await session.testCredential({ ...basic, data: { ...basic.data, password: 'not-the-password' } });
			expect(bad.status).toBe('Error');
		});
	});

	describe('scheduled balance alert (examples/scheduled-balance-alert.json)', () => {
		const smsClub = () => all.emulators.smsClub;
		const balanceRequests = () => smsClub().ledger.requests.filter((r) => r.path.endsWith('/sms/balance')).length;

		it('below the threshold, the Schedule Trigger run texts the admin', async () => {
			await waitFor(() => smsClub().ledger.messages.length > 0, 40000);
			const [message] = smsClub().ledger.messages;
			expect(String(message.to).replace(/\D/g, '')).toBe('380501234567');
			expect(message.text).toBe('SMSClub balance is low: 42 UAH. Top up to keep SMS going.');
			expect(message.sender).toBe('SmsClubTest');
		});

		it('above the threshold, it checks the balance and stays quiet', async () => {
			smsClub().state.config.balance = 500;
			// Let a run that read the old balance finish before counting.
			const before = balanceRequests();
			await waitFor(() => balanceRequests() > before, 30000);
			await new Promise((resolve) => setTimeout(resolve, 500));
			smsClub().ledger.clear();
			await waitFor(() => balanceRequests() >= 2, 30000);
			expect(smsClub().ledger.messages).toHaveLength(0);
		});
	});
});

/** The example as shipped, but firing every few seconds instead of hourly. */
function withScheduleEverySeconds<T extends { nodes: Array<Record<string, any>> }>(workflow: T, seconds: number): T {
	const copy = JSON.parse(JSON.stringify(workflow)) as T;
	const trigger = copy.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
	if (!trigger) throw new Error('the balance alert example has no Schedule Trigger');
	trigger.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: seconds }] };
	return copy;
}
