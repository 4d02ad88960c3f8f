/**
 * The SMS Delivery Report Trigger in a running n8n (`n8n start`, its workflows published):
 * SMS-assistent messages sent with tracking and the trigger's URL as Delivery Report URL come back
 * as exactly one Final Status event each, while the polling SMS Gateway Trigger is active on the
 * same messages: the reports of some are lost (emulator fault), so the poller finds those, and
 * no message is reported by both. A1 reports posted to the "contract" callback arrive too; forged
 * calls (no secret, a wrong one, another path, a garbage body, a 10 MB body) are refused and start
 * nothing.
 */
import * as fs from 'node:fs';
import { describeWithRuntime, emulatorsModule, freePort, n8n, rest, type Credential, type Emulators, type Instance, type RestSession, type Server } from './support/harness';
import { explain } from './support/runData';
import { smsNode, type NodeJson, type WorkflowJson } from './support/workflows';
import { waitFor } from './support/waitFor';
import { startReportReceiver, type ReportReceiver } from '../harness/reportReceiver';

const MESSAGES = 100;
/** Messages whose report the emulator "loses": the poller must find their final status. */
const LOST = Array.from({ length: 20 }, (_, i) => 5 * i);
const SECRET = 'e2e-report-secret-7c1d0f9a2b3e4d5c';
const SA_HOOK = 'b7a1c2d3-0000-4000-8000-00000000d1r1';
const A1_HOOK = 'b7a1c2d3-0000-4000-8000-00000000d1r2';
const SEND_PATH = 'e2e-send-with-reports';
const SA_CREDENTIAL = { id: 'e2eReportsSaCred01', name: 'SMS-assistent (reports)' };
const A1_CREDENTIAL = { id: 'e2eReportsA1Cred01', name: 'A1 (reports)' };

let counter = 0;
const nodeId = () => `d1r00000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** Trigger → HTTP Request posting each event to the test's collector, so every emitted item is seen once. */
function reportWorkflow(id: string, gateway: string, webhookId: string, collectorUrl: string): WorkflowJson {
	const trigger: NodeJson = { id: nodeId(), name: 'Reports', type: 'n8n-nodes-sms-gateways.smsGatewayDeliveryReportTrigger', typeVersion: 1, position: [0, 0], webhookId, parameters: { gateway, secret: SECRET, event: 'finalStatus' } };
	const collect: NodeJson = {
		id: nodeId(),
		name: 'Collect',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [220, 0],
		parameters: { method: 'POST', url: `${collectorUrl}/${gateway}`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
	};
	return { id, name: `e2e ${id}`, nodes: [trigger, collect], connections: { Reports: { main: [[{ node: 'Collect', type: 'main', index: 0 }]] } }, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

/** The polling SMS Gateway Trigger on the same SMS-assistent account, every minute, Final Status. */
function pollWorkflow(collectorUrl: string): WorkflowJson {
	const poller: NodeJson = {
		id: nodeId(),
		name: 'Poller',
		type: 'n8n-nodes-sms-gateways.smsGatewayTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { gateway: 'smsAssistent', event: 'finalStatus', pollTimes: { item: [{ mode: 'everyMinute' }] }, options: {} },
		credentials: { smsAssistentApi: SA_CREDENTIAL },
	};
	const collect: NodeJson = {
		id: nodeId(),
		name: 'Collect',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [220, 0],
		parameters: { method: 'POST', url: `${collectorUrl}/poll`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
	};
	return { id: 'e2eReportsPoll', name: 'e2e poller beside reports', nodes: [poller, collect], connections: { Poller: { main: [[{ node: 'Collect', type: 'main', index: 0 }]] } }, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

/** Webhook → 100 rows → SMS-assistent Send (tracked, with a Reference) with the trigger's URL; A1 sends five plain ones beside. */
function sendWorkflow(reportUrl: string): WorkflowJson {
	const start: NodeJson = { id: nodeId(), name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'b7a1c2d3-0000-4000-8000-00000000d1s0', parameters: { httpMethod: 'POST', path: SEND_PATH, options: {} } };
	const rows: NodeJson = {
		id: nodeId(),
		name: 'Rows',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 0],
		parameters: { jsCode: `return Array.from({ length: ${MESSAGES} }, (_, i) => ({ json: { to: '+37529' + String(2000000 + i), order: 'order-' + i } }));` },
	};
	const sa = { ...smsNode('Send SA', 'smsAssistent', SA_CREDENTIAL, { operation: 'send', to: '={{ $json.to }}', text: '=Order {{ $json.order }} is ready', sender: 'MyShop', options: { deliveryReportUrl: reportUrl, reference: '={{ $json.order }}' } }), position: [440, 0] };
	const a1Rows: NodeJson = { ...rows, id: nodeId(), name: 'A1 Rows', position: [220, 200], parameters: { jsCode: `return Array.from({ length: 5 }, (_, i) => ({ json: { to: '+37544' + String(3000000 + i) } }));` } };
	const a1 = { ...smsNode('Send A1', 'a1', A1_CREDENTIAL, { operation: 'send', to: '={{ $json.to }}', text: 'Hello', sender: 'MyShop' }), position: [440, 200] };
	return {
		id: 'e2eReportsSend',
		name: 'e2e send with reports',
		nodes: [start, rows, sa, a1Rows, a1],
		connections: {
			Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }, { node: 'A1 Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'Send SA', type: 'main', index: 0 }]] },
			'A1 Rows': { main: [[{ node: 'Send A1', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

describeWithRuntime('v2', 'SMS Delivery Report Trigger under n8n start', (getRuntime) => {
	let all: Emulators;
	let instance: Instance;
	let server: Server | undefined;
	let session: RestSession;
	let collector: ReportReceiver;
	const saUrl = () => `${instance.url}/webhook/${SA_HOOK}/sms-delivery-report`;
	const events = (gateway: string) => collector.calls.filter((c) => c.path === `/${gateway}`).map((c) => JSON.parse(c.body) as Record<string, unknown>);
	const executionCount = async (): Promise<number> => {
		const answer = await session.requestOk('GET', '/rest/executions?limit=100');
		return Number(answer.data.count);
	};

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		all = await emulatorsModule.startAll({ only: ['smsAssistent', 'a1'] });
		collector = await startReportReceiver();
		const port = await freePort();
		instance = n8n.createInstance(getRuntime(), { port, brokerPort: await freePort(), env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
		const credentials: Credential[] = [
			{ ...emulatorsModule.credentialFor(all.emulators.smsAssistent, SA_CREDENTIAL) },
			{ ...emulatorsModule.credentialFor(all.emulators.a1, A1_CREDENTIAL) },
		];
		await n8n.importCredentials(instance, credentials);
		const workflows = [
			reportWorkflow('e2eReportsSa', 'smsAssistent', SA_HOOK, collector.url),
			reportWorkflow('e2eReportsA1', 'a1', A1_HOOK, collector.url),
			sendWorkflow(`http://127.0.0.1:${port}/webhook/${SA_HOOK}/sms-delivery-report?secret=${SECRET}`),
			pollWorkflow(collector.url),
		];
		await n8n.importWorkflows(instance, workflows);
		for (const { id } of workflows) {
			const published = await n8n.runCli(instance, ['publish:workflow', `--id=${id}`]);
			if (published.code !== 0) throw new Error(`could not publish ${id}\n${explain(published)}`);
		}
		// A1's callback is agreed in the contract: the emulator is told the trigger's URL once.
		all.emulators.smsAssistent.state.config.lostReports = LOST.map((i) => `37529${2000000 + i}`);
		Object.assign(all.emulators.a1.state.config, { callbackUrl: `http://127.0.0.1:${port}/webhook/${A1_HOOK}/sms-delivery-report?secret=${SECRET}` });
		server = await n8n.startServer(instance);
		session = new rest.RestSession(server.url);
		await session.setupOwnerOrLogin();
	});

	afterAll(async () => {
		await server?.stop();
		await all?.close();
		await collector?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	it(`${MESSAGES} SMS-assistent messages sent with the report URL give ${MESSAGES} final events, none twice, with the poller active; A1's callback reports too`, async () => {
		const sa = all.emulators.smsAssistent;
		for (let i = 0; i < 10; i++) sa.setOutcome(`37529${2000000 + i}`, 'undelivered');
		// Published workflows are registered just after n8n answers: a 404 starts nothing, so ask again.
		let started = 404;
		for (let attempt = 0; attempt < 60 && started === 404; attempt++) {
			if (attempt) await new Promise((resolve) => setTimeout(resolve, 500));
			started = (await fetch(`${instance.url}/webhook/${SEND_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status;
		}
		expect(started).toBe(200);
		await waitFor(() => sa.ledger.messages.length === MESSAGES, 60000, 'the sends');
		await waitFor(() => events('smsAssistent').length >= MESSAGES - LOST.length, 60000, 'the reported final events');
		// The poller checks a message a minute after its send, at its next once-a-minute poll.
		await waitFor(() => events('poll').length >= LOST.length, 150000, 'the polled final events');
		await waitFor(() => events('a1').length >= 5, 30000, 'A1 events');
		// Let any late duplicate arrive before counting.
		await new Promise((resolve) => setTimeout(resolve, 2000));

		const reported = events('smsAssistent');
		const polled = events('poll');
		const saEvents = [...reported, ...polled];
		expect(saEvents).toHaveLength(MESSAGES);
		expect(new Set(saEvents.map((e) => e.eventId)).size).toBe(MESSAGES);
		const sentIds = sa.ledger.messages.map((m) => String(m.id)).sort();
		expect(saEvents.map((e) => e.messageId).sort()).toEqual(sentIds);
		for (const event of saEvents) {
			expect(event).toMatchObject({ gateway: 'smsAssistent', final: true, previousStatus: expect.any(String), eventId: `smsAssistent:${String(event.messageId)}:${String(event.status)}` });
			const message = sa.ledger.findMessage(event.messageId);
			expect(event.status).toBe(message?.outcome === 'undelivered' ? 'undelivered' : 'delivered');
			// Tracked messages: the recipient and the Reference come from the tracking store.
			const index = Number(String(message?.to).slice(-7)) - 2000000;
			expect(event).toMatchObject({ to: `+${String(message?.to)}`, reference: `order-${index}` });
		}
		expect(saEvents.filter((e) => e.status === 'undelivered')).toHaveLength(10);
		// Reports finished the others: the poller found exactly the lost ones, and asked about no other.
		const lostIds = sa.ledger.messages.filter((m) => LOST.includes(Number(String(m.to).slice(-7)) - 2000000)).map((m) => String(m.id)).sort();
		expect(polled.map((e) => String(e.messageId)).sort()).toEqual(lostIds);
		const asked = new Set(sa.ledger.requests.filter((r) => r.body.includes('"statuses"')).flatMap((r) => (JSON.parse(r.body).status.msg as Array<{ sms_id: string }>).map((m) => String(m.sms_id))));
		expect([...asked].sort()).toEqual(lostIds);
		// Every message carried the URL with the secret, and the gateway got 200 for every report.
		expect(sa.ledger.messages.every((m) => m.webhookUrl === `${saUrl()}?secret=${SECRET}`)).toBe(true);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const posted = (sa as any).reports.log as Array<{ status?: number }>;
		expect(posted.length).toBeGreaterThan(0);
		expect(posted.every((p) => p.status === 200)).toBe(true);

		const a1Events = events('a1');
		expect(a1Events).toHaveLength(5);
		expect(a1Events.map((e) => e.status)).toEqual(Array(5).fill('delivered'));
	});

	it('forged calls are refused, every one, and start no execution', async () => {
		const before = await executionCount();
		// The sends and the reports above ran as executions: the count sees them.
		expect(before).toBeGreaterThan(1);
		const eventsBefore = collector.calls.length;
		const messageId = String(all.emulators.smsAssistent.ledger.messages[0].id);
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		const big = `${messageId}=Delivered&pad=${'x'.repeat(10 * 1024 * 1024)}`;
		const forged: Array<[string, string, Record<string, string>, string, number]> = [
			['no secret', saUrl(), form, `${messageId}=Delivered`, 403],
			['an empty secret', `${saUrl()}?secret=`, form, `${messageId}=Delivered`, 403],
			['a wrong secret', `${saUrl()}?secret=${SECRET.slice(0, -1)}x`, form, `${messageId}=Delivered`, 403],
			['the secret in another case', `${saUrl()}?secret=${SECRET.toUpperCase()}`, form, `${messageId}=Delivered`, 403],
			['another path', `${instance.url}/webhook/${SA_HOOK}/other?secret=${SECRET}`, form, `${messageId}=Delivered`, 404],
			['the test path while nobody listens', `${instance.url}/webhook-test/${SA_HOOK}/sms-delivery-report?secret=${SECRET}`, form, `${messageId}=Delivered`, 404],
			['a garbage body', `${saUrl()}?secret=${SECRET}`, form, 'garbage\u0000\u0001', 400],
			['a JSON body', `${saUrl()}?secret=${SECRET}`, { 'content-type': 'application/json' }, `{"${messageId}":"Delivered"}`, 400],
			['a 10 MB body without the secret', saUrl(), form, big, 403],
			['a 10 MB body with the secret', `${saUrl()}?secret=${SECRET}`, form, big, 413],
		];
		for (const [name, url, headers, body, status] of forged) {
			const response = await fetch(url, { method: 'POST', headers, body });
			expect([name, response.status]).toEqual([name, status]);
			const text = await response.text();
			expect(text).not.toContain(SECRET);
		}
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(await executionCount()).toBe(before);
		expect(collector.calls.length).toBe(eventsBefore);
	});
});
