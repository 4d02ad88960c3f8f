/**
 * Beside Send SMS and Send Batch, Get Status and the SMS Gateway Trigger keep the gateway
 * account's limits and Devino session in the Tracking Store's Redis when it is chosen, so in
 * queue mode their requests take turns with the workers' sends and use the workers' login. Each
 * n8n process of queue mode is played here by clearing this process's own sessions: what is left
 * is only what Redis holds.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { SmsGatewayTrigger } from '../../../nodes/SmsGateway/SmsGatewayTrigger.node';
import { clearDevinoSessions } from '../../../nodes/gateways/devino/devinoSessions';
import { closeIdleTrackingStores } from '../../../nodes/glue';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { redisServerForTests } from '../../harness/redisServer';
import { createPoller, runNode } from '../../harness/runNode';

const redis = redisServerForTests();
const TRIGGER = { type: new SmsGatewayTrigger(), name: 'SMS Gateway Trigger', typeName: 'n8n-nodes-sms-gateways.smsGatewayTrigger' };
let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
let database = 0;

beforeAll(async () => {
	env = await startEmulators(['devino']);
});
afterAll(async () => {
	await closeIdleTrackingStores();
	await env.close();
	jest.useRealTimers();
});

const devino = () => env.emulators.devino;
const logins = () => devino().ledger.requests.filter((r: { path: string }) => r.path.endsWith('/user/sessionid')).length;
const REDIS = { trackingStore: 'redis' };

(redis.available ? describe : describe.skip)('with Tracking Store Redis', () => {
	let credentials: ReturnType<typeof credentialsFor>;
	let sent: IDataObject[];

	beforeEach(async () => {
		devino().reset();
		Object.assign(devino().config, { balance: 1_000 });
		clearDevinoSessions();
		credentials = { ...credentialsFor(devino()), redis: { host: '127.0.0.1', port: redis.port, database: ++database % 16 } };
		const parameters: INodeParameters = {
			gateway: 'devino',
			operation: 'sendBatch',
			recipientsSource: 'list',
			recipientList: '+79123456781,+79123456782,+79123456783',
			text: 'Your order has shipped',
			devinoSender: { __rl: true, mode: 'name', value: 'DTSMS' },
			options: REDIS,
		};
		sent = (await runNode({ typeVersion: 2, parameters, credentials })).map((item) => item.json);
		expect(logins()).toBe(1);
		// From here on, another n8n process: nothing of this one's own sessions is left.
		clearDevinoSessions();
	});

	test("Get Status uses the senders' Devino session from Redis; without the option it logs in in its own process", async () => {
		const ids = sent.map((item) => String(item.messageId)).join(',');
		const viaRedis = await runNode({ typeVersion: 2, parameters: { gateway: 'devino', operation: 'getStatus', messageIds: ids, options: REDIS }, credentials });
		expect(viaRedis.map((item) => item.json.error ?? null)).toEqual([null, null, null]);
		expect(logins()).toBe(1);
		await runNode({ typeVersion: 2, parameters: { gateway: 'devino', operation: 'getStatus', messageIds: ids }, credentials });
		expect(logins()).toBe(2);
	});

	test("the status trigger's polls use the senders' Devino session from Redis", async () => {
		devino().advance(10_000);
		// Only Date moves (the first check is due a minute after the send); timers and sockets run in real time.
		const now = Date.now();
		jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] });
		jest.setSystemTime(now + 61_000);
		const trigger = createPoller({ node: TRIGGER, parameters: { gateway: 'devino', event: 'finalStatus', options: REDIS }, credentials });
		const events = ((await trigger.poll())?.[0] ?? []).map((item) => item.json);
		expect(events.map((event) => event.messageId).sort()).toEqual(sent.map((item) => item.messageId).sort());
		expect(logins()).toBe(1);
	});
});
