/**
 * The SMS Gateway Trigger in a running n8n 2.41.1 (`n8n start`, workflows published), on the
 * built-in store (node:sqlite in the instance's user folder):
 * - 200 messages sent by 20 concurrent webhook-started executions across the four gateways, each
 *   with a Reference; the emulators move them queued → sent → final over real time;
 * - n8n stopped and started again while half of them are still open;
 * - every final status arrives exactly once (0 lost, 0 duplicated), with its Reference;
 * - a tracked message the gateway forgets ends with one event (reason unknown_to_gateway);
 * - Balance Below fires once per crossing below the threshold.
 * Triggers poll at second 0 of every minute (a custom cron: n8n 2.x refuses anything more often
 * than a minute). The back-off is shortened through its documented setting
 * (N8N_SMS_GATEWAYS_TRACKING_CHECK_MINUTES=1, _UNKNOWN_CHECKS=2), so the run takes about 5 minutes.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_CASES } from '../harness/gatewayCases';
import { describeWithRuntime, emulatorsModule, freePort, n8n, sandbox, type Emulators, type GatewayId, type Instance, type Server } from './support/harness';
import { explain } from './support/runData';
import { CREDENTIAL_TYPES, SMS_NODE_TYPE, type NodeJson, type WorkflowJson } from './support/workflows';

const GATEWAYS: GatewayId[] = ['smsAssistent', 'a1', 'smsClub', 'devino'];
const EXECUTIONS_PER_GATEWAY = 5;
const MESSAGES_PER_EXECUTION = 10;
/** Delivered at the first check (these two) or only at the second (the others), so a restart in between leaves half open. */
const FINAL_AFTER_MS: Record<GatewayId, number> = { smsAssistent: 20_000, a1: 20_000, smsClub: 150_000, devino: 150_000 };
const NUMBER_PREFIX: Record<GatewayId, string> = { smsAssistent: '+37529', a1: '+37533', smsClub: '+38050', devino: '+7916' };
const EVERY_MINUTE = { item: [{ mode: 'custom', cronExpression: '0 * * * * *' }] };
const BALANCE_THRESHOLD = 100;

let ids = 0;
const nodeId = () => `57a70000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
const senderOf = (gateway: GatewayId) => GATEWAY_CASES.find((c) => c.id === gateway)?.sender as string;

interface Collected {
	status: Array<Record<string, unknown>>;
	balance: Array<Record<string, unknown>>;
}

/** The place trigger workflows report to: an HTTP Request node posts each event here. */
async function startCollector(): Promise<{ url: string; events: Collected; close(): Promise<void> }> {
	const events: Collected = { status: [], balance: [] };
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const kind = req.url?.includes('balance') ? 'balance' : 'status';
			events[kind].push(JSON.parse(body));
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { url, events, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function credentialOf(gateway: GatewayId): Record<string, { id: string; name: string }> {
	const identity = sandbox.SANDBOX_CREDENTIALS[gateway];
	return { [CREDENTIAL_TYPES[gateway]]: identity };
}

function flow(id: string, nodes: NodeJson[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	nodes.slice(1).forEach((node, index) => (connections[nodes[index].name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] }));
	return { id, name: `e2e ${id}`, nodes: nodes.map((n, i) => ({ ...n, position: [220 * i, 0] })), connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

/** Webhook → Send Batch (a list of numbers, one Reference per call) → the items as the answer. */
function sendWorkflow(gateway: GatewayId): WorkflowJson {
	return flow(`e2eTrackSend${gateway}`, [
		{ id: nodeId(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: nodeId(), parameters: { httpMethod: 'POST', path: `track-send-${gateway}`, responseMode: 'lastNode', responseData: 'allEntries' } },
		{
			id: nodeId(),
			name: 'Send',
			type: SMS_NODE_TYPE,
			typeVersion: 2,
			parameters: {
				gateway,
				operation: 'sendBatch',
				recipientsSource: 'list',
				recipientList: '={{ $json.body.numbers }}',
				text: '={{ $json.body.text }}',
				[`${gateway}Sender`]: { __rl: true, mode: 'name', value: senderOf(gateway) },
				options: { reference: '={{ $json.body.reference }}' },
			},
			credentials: credentialOf(gateway),
		},
	]);
}

function reportTo(url: string): NodeJson {
	return {
		id: nodeId(),
		name: 'Report',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { method: 'POST', url, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
	};
}

function triggerWorkflow(id: string, gateway: GatewayId, parameters: Record<string, unknown>, reportUrl: string): WorkflowJson {
	return flow(id, [
		{ id: nodeId(), name: 'SMS Gateway Trigger', type: 'n8n-nodes-sms-gateways.smsGatewayTrigger', typeVersion: 1, parameters: { gateway, pollTimes: EVERY_MINUTE, ...parameters }, credentials: credentialOf(gateway) },
		reportTo(reportUrl),
	]);
}

/**
 * POSTs to a production webhook. n8n 2.x answers before it has activated every published
 * workflow; until then it answers 404 "not registered" without running anything, so asking
 * again cannot send twice.
 */
async function callWebhook(url: string, body: unknown): Promise<Response> {
	const until = Date.now() + 90_000;
	for (;;) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (response.status !== 404 || Date.now() > until) return response;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describeWithRuntime('v2', 'SMS Gateway Trigger under n8n start (built-in store)', (getRuntime) => {
	let all: Emulators;
	let instance: Instance;
	let server: Server | undefined;
	let collector: Awaited<ReturnType<typeof startCollector>>;
	const trackingFile = () => `${instance.userFolder}/.n8n/sms-gateways/tracking.sqlite`;

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		all = await emulatorsModule.startAll();
		for (const gateway of GATEWAYS) Object.assign(all.emulators[gateway].state.config, { sentAfterMs: 1_000, finalAfterMs: FINAL_AFTER_MS[gateway] });
		all.emulators.smsClub.state.config.balance = 100_000;
		collector = await startCollector();
		instance = n8n.createInstance(getRuntime(), {
			port: await freePort(),
			brokerPort: await freePort(),
			env: { N8N_SMS_GATEWAYS_TRACKING_CHECK_MINUTES: '1', N8N_SMS_GATEWAYS_TRACKING_UNKNOWN_CHECKS: '2' },
		});
		await n8n.importCredentials(instance, sandbox.sandboxCredentials(all.emulators));
		const workflows = [
			...GATEWAYS.map(sendWorkflow),
			...GATEWAYS.map((gateway) => triggerWorkflow(`e2eTrackFinal${gateway}`, gateway, { event: 'finalStatus' }, `${collector.url}/status`)),
			triggerWorkflow('e2eTrackBalance', 'smsClub', { event: 'balanceBelow', threshold: BALANCE_THRESHOLD }, `${collector.url}/balance`),
		];
		await n8n.importWorkflows(instance, workflows);
		for (const workflow of workflows) {
			const published = await n8n.runCli(instance, ['publish:workflow', `--id=${workflow.id}`]);
			if (published.code !== 0) throw new Error(`could not publish ${workflow.id}\n${explain(published)}`);
		}
		server = await n8n.startServer(instance);
	}, 300_000);

	afterAll(async () => {
		await server?.stop();
		await all?.close();
		await collector?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	it('200 messages from 20 concurrent executions: every final status once, across a restart; a forgotten id ends; Balance Below once per crossing', async () => {
		// Balance Below (SMSClub, threshold 100; 100,000 before the start): the value each poll sees.
		// It must fire at the first 50 and at the 40. The re-arming at 150 comes after the restart:
		// n8n keeps a poll's static data in memory until a poll emits (see the README).
		const balanceRequests = () => all.emulators.smsClub.ledger.requests.filter((r) => r.path.endsWith('/sms/balance')).length;
		let restarted = false;
		let balanceDriverDone = false;
		const balanceDriver = (async () => {
			for (const value of [50, 50, 150, 40]) {
				if (value === 150) await waitFor('the restart', () => restarted, 300_000);
				all.emulators.smsClub.state.config.balance = value;
				const seen = balanceRequests();
				await waitFor(`a balance poll at ${value}`, () => balanceRequests() > seen, 300_000);
			}
			balanceDriverDone = true;
		})();

		// 20 executions at once: 5 per gateway, 10 numbers each, one Reference per execution.
		const calls = GATEWAYS.flatMap((gateway, g) =>
			Array.from({ length: EXECUTIONS_PER_GATEWAY }, (_, e) => {
				const numbers = Array.from({ length: MESSAGES_PER_EXECUTION }, (_, m) => `${NUMBER_PREFIX[gateway]}${String(1_000_000 + g * 1000 + e * 100 + m).slice(-7)}`);
				const reference = `order-${gateway}-${e}`;
				return callWebhook(`${instance.url}/webhook/track-send-${gateway}`, { numbers: numbers.join(','), text: `Order ${e} shipped`, reference }).then(async (response) => {
					const text = await response.text();
					if (response.status !== 200) throw new Error(`webhook ${gateway}: ${response.status} ${text}\n${server?.output.join('').slice(-3000)}`);
					return { status: response.status, items: JSON.parse(text) as Array<Record<string, unknown>>, reference };
				});
			}),
		);
		const answers = await Promise.all(calls);
		const sent = answers.flatMap((answer) => {
			expect(answer.status).toBe(200);
			return answer.items.map((item): Record<string, unknown> & { expectedReference: string } => ({ ...item, expectedReference: answer.reference }));
		});
		expect(sent).toHaveLength(200);
		for (const item of sent) {
			expect(item).toMatchObject({ messageId: expect.any(String), reference: item.expectedReference, tracking: { tracked: true, outcome: 'tracked', store: 'builtIn' } });
		}
		expect(fs.statSync(trackingFile()).mode & 0o777).toBe(0o600);

		// One more SMSClub message, which the gateway then forgets: tracking must end it, not poll forever.
		const forgotten = await callWebhook(`${instance.url}/webhook/track-send-smsClub`, { numbers: '+380509999999', text: 'Forgotten', reference: 'forgotten' }).then(async (response) => ((await response.json()) as Array<Record<string, unknown>>)[0]);
		const ledger = all.emulators.smsClub.ledger;
		ledger.messages.splice(ledger.messages.findIndex((m) => String(m.id) === forgotten.messageId), 1);

		// Restart once the first two gateways' finals are in and the others are still open.
		const finalsOf = (gateway: string) => collector.events.status.filter((e) => e.gateway === gateway).length;
		await waitFor('the SMS-assistent and A1 finals', () => finalsOf('smsAssistent') === 50 && finalsOf('a1') === 50, 200_000);
		expect(finalsOf('smsClub') + finalsOf('devino')).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		await server?.stop();
		server = await n8n.startServer(instance);
		restarted = true;

		await waitFor('every final status and the forgotten message', () => collector.events.status.length >= 201, 240_000);
		await balanceDriver;
		expect(balanceDriverDone).toBe(true);
		// One more poll of every trigger: nothing may come twice.
		const seenPolls = balanceRequests();
		await waitFor('one more poll', () => balanceRequests() > seenPolls, 90_000);
		await new Promise((resolve) => setTimeout(resolve, 5_000));

		const events = collector.events.status;
		expect(events).toHaveLength(201);
		expect(new Set(events.map((e) => e.eventId)).size).toBe(201);
		for (const item of sent) {
			// Message ids of different gateways can be equal (both emulators count up from 1000): the gateway tells them apart.
			const mine = events.filter((e) => e.gateway === item.gateway && e.messageId === item.messageId);
			expect(mine).toHaveLength(1);
			expect(mine[0]).toMatchObject({ eventId: `${item.gateway}:${item.messageId}:delivered`, status: 'delivered', final: true, reference: item.expectedReference, to: item.to, gateway: item.gateway, reason: null });
		}
		expect(events.find((e) => e.gateway === 'smsClub' && e.messageId === forgotten.messageId)).toMatchObject({ reference: 'forgotten', final: true, reason: 'unknown_to_gateway' });
		// SMSClub and Devino were seen as "sent" at their first check: intermediate statuses are recorded, not emitted by Final Status.
		expect(events.filter((e) => e.gateway === 'devino').every((e) => e.previousStatus === 'sent')).toBe(true);

		expect(collector.events.balance.map((e) => e.balance)).toEqual([50, 40]);
		expect(collector.events.balance[0]).toMatchObject({ event: 'balanceBelow', gateway: 'smsClub', threshold: BALANCE_THRESHOLD, unit: 'UAH' });
	}, 600_000);
});
