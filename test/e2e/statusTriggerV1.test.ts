/**
 * The SMS Gateway Trigger in n8n 1.x (1.123 on Node 20, which has no node:sqlite: the Redis
 * Tracking Store, as the README tells 1.x users), under `n8n start` with its workflows activated
 * the 1.x way (`update:workflow --active=true`):
 * - a Final Status trigger on Redis emits, in its poll at activation, one event per due message,
 *   with its Reference, and the store marks each message finished (no later poll emits it again);
 * - Send Batch (Track Delivery on, Tracking Store Redis), started by a webhook, puts each accepted
 *   message into that Redis.
 * The trigger's messages were sent to the SMSClub emulator and tracked two minutes before n8n
 * starts (through the store's own track(), as a send two minutes earlier leaves them), so they are
 * due at once: waiting out the first check's minute would double the file's time.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openRedisTrackingStore } from '../../nodes/core/tracking/redis/openRedisTrackingStore';
import { messagesToTrack } from '../../nodes/core/tracking/messagesToTrack';
import type { TrackingStore } from '../../nodes/core/tracking/TrackingStore';
import { findGatewayDefinition } from '../../nodes/gateways/registry';
import { createKeepAliveTransport } from '../../nodes/core/adapter/keepAliveTransport';
import { redisServerForTests } from '../harness/redisServer';
import { describeWithRuntime, emulatorsModule, freePort, n8n, sandbox, type Emulators, type Instance, type Server } from './support/harness';
import { CREDENTIAL_TYPES, SMS_NODE_TYPE, type NodeJson, type WorkflowJson } from './support/workflows';

const redis = redisServerForTests();
const SMSCLUB = sandbox.SANDBOX_CREDENTIALS.smsClub;
const REDIS = { id: 'e2eRedisV1', name: 'Redis (tracking)' };
const CREDENTIALS = { [CREDENTIAL_TYPES.smsClub]: SMSCLUB, redis: REDIS };
const DUE_MESSAGES = 12;

let ids = 0;
const nodeId = () => `57a71000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

/** Ids of at most 16 characters: n8n 1.x keeps a workflow's static data only for such ids. */
function flow(id: string, nodes: NodeJson[]): WorkflowJson {
	return {
		id,
		name: id,
		nodes: nodes.map((node, i) => ({ ...node, position: [220 * i, 0] })),
		connections: { [nodes[0].name]: { main: [[{ node: nodes[1].name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

/** Where the trigger workflow posts each event. */
async function startCollector(): Promise<{ url: string; events: Array<Record<string, unknown>>; close(): Promise<void> }> {
	const events: Array<Record<string, unknown>> = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			events.push(JSON.parse(body));
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, events, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

// Without redis-server, redisServerForTests() has said so (a failing test in CI, a warning elsewhere).
if (!redis.available) describe.skip('SMS Gateway Trigger in n8n 1.x (skipped: no redis-server)', () => it('needs redis-server', () => undefined));
else describeWithRuntime('v1', 'SMS Gateway Trigger in n8n 1.x under n8n start (Redis store)', (getRuntime) => {
	let all: Emulators;
	let instance: Instance;
	let server: Server | undefined;
	let store: TrackingStore;
	let collector: Awaited<ReturnType<typeof startCollector>>;
	const scope = { gateway: 'smsClub', credentialId: SMSCLUB.id };
	let due: Array<{ messageId: string; reference: string }>;

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		all = await emulatorsModule.startAll({ only: ['smsClub'] });
		const emulator = all.emulators.smsClub;
		collector = await startCollector();
		store = openRedisTrackingStore({ host: '127.0.0.1', port: redis.port });

		const gateway = findGatewayDefinition('smsClub')!.create(emulatorsModule.credentialFor(emulator, SMSCLUB).data, createKeepAliveTransport());
		const outgoing = Array.from({ length: DUE_MESSAGES }, (_, ref) => ({ ref, to: `+38050${1000000 + ref}`, text: `Order ${ref} shipped`, sender: 'SmsClubTest', parts: 1 }));
		const results = await gateway.send(outgoing);
		const twoMinutesAgo = new Date(Date.now() - 120_000);
		const messages = messagesToTrack(scope, outgoing, results, twoMinutesAgo, (ref) => `v1-order-${ref}`);
		expect(await store.track(messages, twoMinutesAgo)).toEqual(messages.map(() => 'tracked'));
		due = messages.map((m) => ({ messageId: m.messageId, reference: m.reference as string }));

		const port = await freePort();
		instance = n8n.createInstance(getRuntime(), { port, brokerPort: await freePort(), env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
		await n8n.importCredentials(instance, [
			emulatorsModule.credentialFor(emulator, SMSCLUB),
			{ ...REDIS, type: 'redis', data: { host: '127.0.0.1', port: redis.port, database: 0 } },
		]);
		const trigger = flow('e2eV1FinalRedis', [
			{
				id: nodeId(),
				name: 'SMS Gateway Trigger',
				type: 'n8n-nodes-sms-gateways.smsGatewayTrigger',
				typeVersion: 1,
				parameters: { gateway: 'smsClub', event: 'finalStatus', pollTimes: { item: [{ mode: 'everyMinute' }] }, options: { trackingStore: 'redis' } },
				credentials: CREDENTIALS,
			},
			{ id: nodeId(), name: 'Report', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: { method: 'POST', url: collector.url, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} } },
		]);
		const send = flow('e2eV1SendRedis', [
			{ id: nodeId(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: nodeId(), parameters: { httpMethod: 'POST', path: 'v1-track-send', responseMode: 'lastNode', responseData: 'allEntries' } },
			{
				id: nodeId(),
				name: 'Send',
				type: SMS_NODE_TYPE,
				typeVersion: 2,
				parameters: {
					gateway: 'smsClub',
					operation: 'sendBatch',
					recipientsSource: 'list',
					recipientList: '={{ $json.body.numbers }}',
					text: 'Tracked in n8n 1.x',
					smsClubSender: { __rl: true, mode: 'name', value: 'SmsClubTest' },
					options: { reference: '={{ $json.body.reference }}', trackingStore: 'redis' },
				},
				credentials: CREDENTIALS,
			},
		]);
		await n8n.importWorkflows(instance, [trigger, send]);
		const activated = await n8n.runCli(instance, ['update:workflow', '--all', '--active=true']);
		expect(activated.code).toBe(0);
		server = await n8n.startServer(instance);
	});

	afterAll(async () => {
		await server?.stop();
		await store?.close();
		await collector?.close();
		await all?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	it('the Final Status trigger emits each due message once, with its Reference, and the store marks it finished', async () => {
		await waitFor(`${DUE_MESSAGES} events`, () => collector.events.length >= DUE_MESSAGES, 60_000);
		const events = collector.events;
		expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
		expect(events.map((e) => [e.messageId, e.reference]).sort()).toEqual(due.map((d) => [d.messageId, d.reference]).sort());
		for (const event of events) expect(event).toMatchObject({ eventId: `smsClub:${event.messageId}:delivered`, gateway: 'smsClub', status: 'delivered', final: true, reason: null });
		for (const { messageId } of due) expect((await store.get('smsClub', messageId))?.finishedAt).toEqual(expect.any(Number));
	});

	it('Send Batch with Track Delivery puts every accepted message into Redis', async () => {
		const response = await fetch(`${instance.url}/webhook/v1-track-send`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ numbers: '+380501112233, +380501112244', reference: 'v1-batch' }),
		});
		expect(response.status).toBe(200);
		const items = (await response.json()) as Array<Record<string, unknown>>;
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item).toMatchObject({ reference: 'v1-batch', tracking: { tracked: true, outcome: 'tracked', store: 'redis' } });
			expect(await store.get('smsClub', item.messageId as string)).toMatchObject({ reference: 'v1-batch', to: item.to, credentialId: SMSCLUB.id });
		}
	});
});
