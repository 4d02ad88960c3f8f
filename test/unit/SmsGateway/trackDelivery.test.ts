/**
 * Track Delivery on Send SMS / Send Batch: every accepted message goes into the tracking store
 * with its Reference, and tracking never drops, blocks or repeats a send. jest runs on Node.js 20
 * (n8n 1.x's runtime), where the built-in store refuses: that is the refusal users of n8n 1.x
 * get. The built-in store itself is proven under n8n 2.x in test/e2e/statusTrigger.test.ts.
 */
import type { INodeParameters } from 'n8n-workflow';
import { openRedisTrackingStore } from '../../../nodes/core/tracking/redis/openRedisTrackingStore';
import { closeIdleTrackingStores } from '../../../nodes/glue';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { redisServerForTests } from '../../harness/redisServer';
import { runNode, runNodeWithHints } from '../../harness/runNode';

const redis = redisServerForTests();
let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators(['smsClub', 'devino']);
});
afterAll(async () => {
	await closeIdleTrackingStores();
	await env.close();
});

const smsClub = () => env.emulators.smsClub;
const send = (options: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
	gateway: 'smsClub',
	operation: 'send',
	to: '+380501234567',
	text: 'Your order has shipped',
	smsClubSender: { __rl: true, mode: 'name', value: 'SmsClubTest' },
	options,
	...extra,
});

describe('Track Delivery without a usable store (n8n 1.x, Node.js 20)', () => {
	beforeEach(() => smsClub().reset());

	test('the message is still sent; the item says it is not tracked, why, and what to do', async () => {
		const { output, hints } = await runNodeWithHints({ typeVersion: 2, parameters: send({ reference: '={{ "order-" + 42 }}' }), credentials: credentialsFor(smsClub()) });
		expect(smsClub().ledger.messages).toHaveLength(1);
		expect(output[0].json).toMatchObject({ messageId: expect.any(String), reference: 'order-42', tracking: { tracked: false, outcome: 'store_unavailable', store: 'builtIn' } });
		expect(output[0].json.error).toBeUndefined();
		expect((output[0].json.tracking as { message: string }).message).toMatch(/was sent but is not tracked.*Node\.js 22\.13.*n8n 2\.x.*Redis.*Track Delivery off/s);
		expect(hints).toEqual([expect.objectContaining({ type: 'warning', message: expect.stringMatching(/1 sent message\(s\) are not tracked/) })]);
	});

	test('Track Delivery off: no store is opened, the item says "off"', async () => {
		const { output, hints } = await runNodeWithHints({ typeVersion: 2, parameters: send({ trackDelivery: false, reference: 'A-1' }), credentials: credentialsFor(smsClub()) });
		expect(output[0].json).toMatchObject({ reference: 'A-1', tracking: { tracked: false, outcome: 'off', store: null } });
		expect(hints).toEqual([]);
	});

	test('node version 1 (0.1.0 workflows) keeps its output and tracks nothing unless asked', async () => {
		smsClub().reset();
		const [item] = await runNode({ typeVersion: 1, parameters: { gateway: 'smsClub', operation: 'send', to: '+380501234567', text: 'Hi', sender: 'SmsClubTest' }, credentials: credentialsFor(smsClub()) });
		expect(item.json).not.toHaveProperty('tracking');
		expect(item.json).not.toHaveProperty('reference');
		const [asked] = await runNode({ typeVersion: 1, parameters: { gateway: 'smsClub', operation: 'send', to: '+380501234567', text: 'Hi again', sender: 'SmsClubTest', options: { trackDelivery: true } }, credentials: credentialsFor(smsClub()) });
		expect(asked.json).toMatchObject({ reference: null, tracking: { outcome: 'store_unavailable' } });
	});

	test('a dry run and a refused item are "not_sent"', async () => {
		const [dry] = await runNode({ typeVersion: 2, parameters: send({ dryRun: true }), credentials: credentialsFor(smsClub()) });
		expect(dry.json.tracking).toEqual({ tracked: false, outcome: 'not_sent', store: null });
		const [bad] = await runNode({ typeVersion: 2, parameters: send({}, { to: 'not a number' }), credentials: credentialsFor(smsClub()), continueOnFail: true });
		expect(bad.json.tracking).toEqual({ tracked: false, outcome: 'not_sent', store: null });
		expect(smsClub().ledger.messages).toHaveLength(0);
	});

	test('a Reference that is not text fails its item, names it, and sends nothing for it', async () => {
		const items = [{ json: { ref: { id: 1 } } }, { json: { ref: 7 } }];
		const output = await runNode({ typeVersion: 2, parameters: send({ reference: '={{ $json.ref }}' }), credentials: credentialsFor(smsClub()), items, continueOnFail: true });
		expect(output[0].json.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/Reference must be text, not an object/) });
		expect(output[1].json).toMatchObject({ reference: '7', tracking: { outcome: 'store_unavailable' } });
		expect(output[1].json.error).toBeUndefined();
		expect(smsClub().ledger.messages).toHaveLength(1);
		await expect(runNode({ typeVersion: 2, parameters: send({ reference: 'x'.repeat(257) }), credentials: credentialsFor(smsClub()) })).rejects.toThrow(/Item 0: .*Reference must be at most 256 characters/);
		expect(smsClub().ledger.messages).toHaveLength(1);
	});

	test('a tracking limit set wrongly in the environment does not stop the send either', async () => {
		process.env.N8N_SMS_GATEWAYS_TRACKING_CHECK_MINUTES = '0,1';
		try {
			const [item] = await runNode({ typeVersion: 2, parameters: send({ trackingStore: 'redis' }), credentials: { ...credentialsFor(smsClub()), redis: { host: '127.0.0.1', port: 1 } } });
			expect(smsClub().ledger.messages).toHaveLength(1);
			expect(item.json.tracking).toMatchObject({ tracked: false, outcome: 'store_error', message: expect.stringContaining('N8N_SMS_GATEWAYS_TRACKING_CHECK_MINUTES') });
		} finally {
			delete process.env.N8N_SMS_GATEWAYS_TRACKING_CHECK_MINUTES;
		}
	});
});

(redis.available ? describe : describe.skip)('Track Delivery into Redis (n8n\'s Redis credential)', () => {
	const redisCredential = () => ({ redis: { host: '127.0.0.1', port: redis.port, database: 0 } });

	test('every accepted message is tracked with its Reference, account and all its Devino part ids', async () => {
		const devino = env.emulators.devino;
		devino.reset();
		const long = 'Long message '.repeat(20);
		const items = [{ json: { phone: '+79161234567', order: 'A-1' } }, { json: { phone: '+79161234568', order: 'A-2' } }, { json: { phone: 'bad', order: 'A-3' } }];
		const output = await runNode({
			typeVersion: 2,
			parameters: {
				gateway: 'devino',
				operation: 'sendBatch',
				recipientsSource: 'items',
				phoneField: 'phone',
				text: long,
				devinoSender: { __rl: true, mode: 'name', value: 'DTSMS' },
				options: { reference: '={{ $json.order }}', trackingStore: 'redis', defaultCountry: 'RU' },
			},
			credentials: { ...credentialsFor(devino), ...redisCredential() },
			items,
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.tracking)).toEqual([
			{ tracked: true, outcome: 'tracked', store: 'redis' },
			{ tracked: true, outcome: 'tracked', store: 'redis' },
			{ tracked: false, outcome: 'not_sent', store: null },
		]);
		const store = openRedisTrackingStore({ host: '127.0.0.1', port: redis.port });
		try {
			for (const item of output.slice(0, 2)) {
				const record = await store.get('devino', item.json.messageId as string);
				expect(record).toMatchObject({ reference: item.json.reference, to: item.json.to, credentialId: 'integrationApiNetApi', origin: 'sent', partIds: item.json.partIds });
				expect((record?.partIds ?? []).length).toBeGreaterThan(1);
			}
		} finally {
			await store.close();
		}
	});

	test('Redis that does not answer: the message is sent once, the item says tracking failed', async () => {
		smsClub().reset();
		const started = Date.now();
		const [item] = await runNode({ typeVersion: 2, parameters: send({ trackingStore: 'redis' }), credentials: { ...credentialsFor(smsClub()), redis: { host: '127.0.0.1', port: 1 } } });
		expect(Date.now() - started).toBeLessThan(25_000);
		expect(smsClub().ledger.messages).toHaveLength(1);
		expect(item.json).toMatchObject({ messageId: expect.any(String), tracking: { tracked: false, outcome: 'store_error', store: 'redis' } });
		expect(item.json.error).toBeUndefined();
	}, 30_000);
});
