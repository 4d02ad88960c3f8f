/**
 * The SMS Gateway Trigger through n8n-core's real PollContext, after real sends of the SMS Gateway
 * node into the Redis tracking store (jest runs on Node.js 20, where the built-in store refuses;
 * the built-in store under n8n 2.x is proven in test/e2e/statusTrigger.test.ts). Only Date is
 * moved forward, so the messages are due for their first check without waiting a minute.
 */
import type { INodeParameters } from 'n8n-workflow';
import { SmsGatewayTrigger } from '../../../nodes/SmsGateway/SmsGatewayTrigger.node';
import { closeIdleTrackingStores } from '../../../nodes/glue';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { redisServerForTests } from '../../harness/redisServer';
import { createPoller, runNode } from '../../harness/runNode';

const redis = redisServerForTests();
const TRIGGER = { type: new SmsGatewayTrigger(), name: 'SMS Gateway Trigger', typeName: 'n8n-nodes-sms-gateways.smsGatewayTrigger' };
let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
let prefix = 0;

beforeAll(async () => {
	env = await startEmulators(['smsClub']);
});
afterAll(async () => {
	await closeIdleTrackingStores();
	await env.close();
});
// Date only ever moves forward within the file: the per-account request spacing, shared across
// executions in the process, would otherwise wait for a start time set in the moved clock.
afterAll(() => jest.useRealTimers());

const smsClub = () => env.emulators.smsClub;

/** Only Date moves; timers, sockets and Redis run in real time. */
function moveClock(ms: number): void {
	const now = Date.now();
	jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] });
	jest.setSystemTime(now + ms);
}

describe('Balance Below', () => {
	test('fires once per crossing below the threshold and re-arms only above it', async () => {
		const poller = createPoller({ node: TRIGGER, parameters: { gateway: 'smsClub', event: 'balanceBelow', threshold: 50 }, credentials: credentialsFor(smsClub()) });
		const balances = [100, 40, 30, 49.99, 50, 60, 45, 45, 10];
		const fired: number[] = [];
		for (const balance of balances) {
			smsClub().state.config.balance = balance;
			const out = await poller.poll();
			if (out) {
				expect(out[0]).toHaveLength(1);
				expect(out[0][0].json).toMatchObject({ event: 'balanceBelow', gateway: 'smsClub', balance, unit: 'UAH', threshold: 50, below: true, eventId: expect.stringMatching(/^balanceBelow:smsClub:/) });
				fired.push(balance);
			}
		}
		expect(fired).toEqual([40, 45]);
		expect(poller.staticData()).toEqual({ balanceAlert: { armed: false, threshold: 50, gateway: 'smsClub' } });
	});

	test('below at the first poll fires; Fetch Test Event shows the real balance and changes nothing', async () => {
		smsClub().state.config.balance = 5;
		const poller = createPoller({ node: TRIGGER, parameters: { gateway: 'smsClub', event: 'balanceBelow', threshold: 10 }, credentials: credentialsFor(smsClub()) });
		const manual = await poller.poll('manual');
		expect(manual?.[0][0].json).toMatchObject({ balance: 5, below: true });
		expect(poller.staticData()).toEqual({});
		expect(await poller.poll()).not.toBeNull();
		expect(await poller.poll()).toBeNull();
	});
});

describe('status events without a usable store', () => {
	test('the built-in store on Node.js 20 stops the poll with advice', async () => {
		const poller = createPoller({ node: TRIGGER, parameters: { gateway: 'smsClub', event: 'finalStatus' }, credentials: credentialsFor(smsClub()) });
		await expect(poller.poll()).rejects.toThrow(/Node\.js 22\.13.*Redis tracking store/s);
	});

	test('Fetch Test Event returns a clearly marked sample with every event field', async () => {
		const poller = createPoller({ node: TRIGGER, parameters: { gateway: 'smsClub', event: 'statusChanged' }, credentials: credentialsFor(smsClub()) });
		const out = await poller.poll('manual');
		expect(Object.keys(out?.[0][0].json ?? {}).sort()).toEqual(
			['eventId', 'messageId', 'to', 'status', 'previousStatus', 'final', 'gatewayStatus', 'parts', 'reference', 'gateway', 'sentAt', 'changedAt', 'reason', 'sample'].sort(),
		);
		expect(out?.[0][0].json).toMatchObject({ sample: true, messageId: 'sample', gateway: 'smsClub', eventId: 'smsClub:sample:delivered', status: 'delivered', final: true });
	});

	test.each([
		['finalStatus', { statuses: ['undelivered', 'failed'] }, { status: 'undelivered', previousStatus: 'sent', final: true, reference: 'sample-reference' }],
		// Final Status never emits "sent": the first chosen status it can emit is taken.
		['finalStatus', { statuses: ['sent', 'expired'] }, { status: 'expired', final: true }],
		['statusChanged', { statuses: ['sent'], reference: 'order-7' }, { status: 'sent', previousStatus: 'queued', final: false, reference: 'order-7', eventId: 'smsClub:sample:sent' }],
		['statusChanged', {}, { status: 'delivered', final: true }],
	])('Fetch Test Event for %s with %j gives a sample the trigger\'s filters let through', async (event, options, expected) => {
		const poller = createPoller({ node: TRIGGER, parameters: { gateway: 'smsClub', event, options }, credentials: credentialsFor(smsClub()) });
		const out = await poller.poll('manual');
		expect(out?.[0][0].json).toMatchObject({ sample: true, ...expected });
	});
});

(redis.available ? describe : describe.skip)('status events from the Redis store', () => {
	const redisCredential = () => ({ redis: { host: '127.0.0.1', port: redis.port, database: ++prefix % 16 } });

	async function sendThree(credentials: ReturnType<typeof redisCredential>): Promise<Array<Record<string, unknown>>> {
		const items = ['A-1', 'A-2', 'B-1'].map((order, i) => ({ json: { phone: `+38050123456${i}`, order } }));
		const parameters: INodeParameters = {
			gateway: 'smsClub',
			operation: 'sendBatch',
			recipientsSource: 'items',
			phoneField: 'phone',
			text: 'Your order has shipped',
			smsClubSender: { __rl: true, mode: 'name', value: 'SmsClubTest' },
			options: { reference: '={{ $json.order }}', trackingStore: 'redis' },
		};
		const output = await runNode({ typeVersion: 2, parameters, credentials: { ...credentialsFor(smsClub()), ...credentials }, items });
		for (const item of output) expect(item.json.tracking).toEqual({ tracked: true, outcome: 'tracked', store: 'redis' });
		return output.map((item) => item.json);
	}

	const triggerOn = (credentials: ReturnType<typeof redisCredential>, parameters: INodeParameters) =>
		createPoller({ node: TRIGGER, parameters: { gateway: 'smsClub', ...parameters, options: { trackingStore: 'redis', ...(parameters.options as object) } }, credentials: { ...credentialsFor(smsClub()), ...credentials } });

	test('Final Status: each sent message once, with its Reference, when its first check is due', async () => {
		smsClub().reset();
		const credentials = redisCredential();
		const sent = await sendThree(credentials);
		const trigger = triggerOn(credentials, { event: 'finalStatus' });
		expect(await trigger.poll()).toBeNull(); // not due yet: first check one minute after the send
		expect(await trigger.poll('manual')).not.toBeNull();
		smsClub().advance(10_000);
		moveClock(61_000);
		const out = await trigger.poll();
		const events = (out?.[0] ?? []).map((item) => item.json);
		expect(events).toHaveLength(3);
		for (const message of sent) {
			const event = events.find((e) => e.messageId === message.messageId);
			expect(event).toEqual({
				eventId: `smsClub:${message.messageId}:delivered`,
				messageId: message.messageId,
				to: message.to,
				status: 'delivered',
				previousStatus: 'queued',
				final: true,
				gatewayStatus: expect.any(String),
				parts: 1,
				reference: message.reference,
				gateway: 'smsClub',
				sentAt: expect.any(String),
				changedAt: expect.any(String),
				reason: null,
			});
		}
		moveClock(300_000);
		expect(await trigger.poll()).toBeNull();
	});

	test('Status Changed reports each step; the Reference filter keeps one message', async () => {
		smsClub().reset();
		const credentials = redisCredential();
		await sendThree(credentials);
		const trigger = triggerOn(credentials, { event: 'statusChanged', options: { reference: 'A-2' } });
		// The emulator runs on the same (moved) Date: sent after 1 s, delivered after 100 s.
		Object.assign(smsClub().state.config, { sentAfterMs: 1_000, finalAfterMs: 100_000 });
		moveClock(61_000);
		const first = await trigger.poll();
		expect(first?.[0].map((item) => [item.json.reference, item.json.status, item.json.final])).toEqual([['A-2', 'sent', false]]);
		moveClock(65_000);
		const second = await trigger.poll();
		expect(second?.[0].map((item) => [item.json.reference, item.json.previousStatus, item.json.status])).toEqual([['A-2', 'sent', 'delivered']]);
		Object.assign(smsClub().state.config, { finalAfterMs: 3_000 });
	}, 20_000);
});
