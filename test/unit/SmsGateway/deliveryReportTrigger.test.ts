/**
 * The SMS Delivery Report Trigger as n8n calls it, with a stand-in for n8n's webhook context: its
 * description and codex, the secret generated on publishing and kept, and the answer it gives.
 * The real thing under `n8n start` is test/e2e/deliveryReports.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { SmsGatewayDeliveryReportTrigger } from '../../../nodes/SmsGateway/SmsGatewayDeliveryReportTrigger.node';
import * as storeGlue from '../../../nodes/glue/trackingStore';
import type { TrackingStore } from '../../../nodes/core/tracking/TrackingStore';
import { createTrackingStore } from '../../../nodes/core/tracking/createTrackingStore';
import { MemoryTrackingBackend } from '../core/tracking/support/memoryTrackingBackend';
import { GATEWAY_DEFINITIONS } from '../../../nodes/gateways/registry';

const ROOT = path.join(__dirname, '../../..');
const trigger = new SmsGatewayDeliveryReportTrigger();

interface Call {
	parameters?: Record<string, unknown>;
	staticData?: Record<string, unknown>;
	query?: Record<string, unknown>;
	body?: string;
	contentType?: string;
	mode?: 'manual' | 'trigger';
}

function webhookContext(call: Call) {
	const sent: { status?: number; body?: string } = {};
	const response = {
		headersSent: false,
		status(code: number) {
			sent.status = code;
			return response;
		},
		type() {
			return response;
		},
		send(body: string) {
			sent.body = body;
			response.headersSent = true;
			return response;
		},
	};
	const parameters = { gateway: 'smsAssistent', secret: '', event: 'statusChanged', options: {}, ...call.parameters };
	const staticData = call.staticData ?? {};
	const raw = call.body === undefined ? undefined : Buffer.from(call.body);
	const context = {
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name as keyof typeof parameters] : fallback),
		getWorkflowStaticData: () => staticData,
		getRequestObject: () => ({ rawBody: raw, headers: { 'content-type': call.contentType ?? 'application/x-www-form-urlencoded', 'content-length': String(raw?.length ?? 0) } }),
		getQueryData: () => call.query ?? {},
		getBodyData: () => ({}),
		getResponseObject: () => response,
		getMode: () => call.mode ?? 'trigger',
	};
	return { context: context as unknown as IWebhookFunctions & IHookFunctions, sent, staticData };
}

describe('SMS Delivery Report Trigger', () => {
	let store = createTrackingStore(new MemoryTrackingBackend());
	beforeEach(() => {
		store = createTrackingStore(new MemoryTrackingBackend());
		useStore(() => store);
	});
	afterEach(() => jest.restoreAllMocks());

	/** The shared glue, on a store in memory (the built-in one needs Node 22's sqlite). */
	function useStore(open: () => TrackingStore) {
		return jest.spyOn(storeGlue, 'withTrackingStore').mockImplementation(async (_context, _kind, use) => use(open()));
	}

	test('registered in package.json, with its codex and light and dark icons', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
		expect(pkg.n8n.nodes).toContain('dist/nodes/SmsGateway/SmsGatewayDeliveryReportTrigger.node.js');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const codex = require('../../../nodes/SmsGateway/SmsGatewayDeliveryReportTrigger.node.json') as { node: string };
		expect(codex.node).toBe(`n8n-nodes-sms-gateways.${trigger.description.name}`);
		const icon = trigger.description.icon as { light: string; dark: string };
		for (const file of [icon.light, icon.dark]) expect(fs.existsSync(path.join(ROOT, 'nodes/SmsGateway', file.replace('file:', '')))).toBe(true);
		expect(icon.light).not.toBe(icon.dark);
	});

	test('the Tracking Store option is the one the sender and the polling trigger have, with its Redis credential', () => {
		const options = trigger.description.properties.find((p) => p.name === 'options');
		expect(options?.options?.map((o) => (o as { name: string }).name)).toEqual(expect.arrayContaining(['trackingStore', 'statuses', 'reference']));
		expect(trigger.description.credentials).toEqual([expect.objectContaining({ name: 'redis', displayOptions: { show: { 'options.trackingStore': ['redis'] } } })]);
	});

	test('offers exactly the gateways that declare delivery reports', () => {
		const gateway = trigger.description.properties.find((p) => p.name === 'gateway');
		expect(gateway?.options?.map((o) => (o as { value: string }).value)).toEqual(GATEWAY_DEFINITIONS.filter((d) => d.reports).map((d) => d.id));
		expect(gateway?.options?.map((o) => (o as { value: string }).value)).toEqual(['smsAssistent', 'a1']);
	});

	test('publishing generates a secret once and keeps it; a secret the user set wins', async () => {
		const { context, staticData } = webhookContext({});
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(false);
		await trigger.webhookMethods.default.create.call(context);
		const generated = staticData.secret as string;
		expect(generated).toMatch(/^[0-9a-f]{48}$/);
		await trigger.webhookMethods.default.delete.call(context);
		await trigger.webhookMethods.default.create.call(context);
		expect(staticData.secret).toBe(generated);
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(true);

		const generatedCall = webhookContext({ staticData, query: { secret: generated }, body: '1=Sent' });
		expect((await trigger.webhook.call(generatedCall.context)).workflowData?.[0]).toHaveLength(1);
		const own = webhookContext({ staticData, parameters: { secret: 'my-own-secret-0123456789' }, query: { secret: generated }, body: '2=Sent' });
		expect(await trigger.webhook.call(own.context)).toEqual({ noWebhookResponse: true });
		expect(own.sent.status).toBe(403);
	});

	test('answers the gateway itself and starts the workflow only with events that pass the filter', async () => {
		const secret = 'my-own-secret-0123456789';
		const finalOnly = { secret, event: 'finalStatus' };
		const sent = webhookContext({ parameters: finalOnly, query: { secret }, body: '10=Sent&11=Sent' });
		expect(await trigger.webhook.call(sent.context)).toEqual({ noWebhookResponse: true });
		expect(sent.sent).toEqual({ status: 200, body: 'OK' });
		const delivered = webhookContext({ parameters: finalOnly, query: { secret }, body: '10=Delivered&11=Delivered&10=Delivered' });
		const result = await trigger.webhook.call(delivered.context);
		expect(result.workflowData?.[0].map((item) => item.json.eventId)).toEqual(['smsAssistent:10:delivered', 'smsAssistent:11:delivered']);
		const onlyUndelivered = webhookContext({ parameters: { secret, options: { statuses: ['undelivered'] } }, query: { secret }, body: '12=Delivered' });
		expect(await trigger.webhook.call(onlyUndelivered.context)).toEqual({ noWebhookResponse: true });
	});

	test('a forged, oversized or unreadable call never opens the tracking store', async () => {
		const opened = useStore(() => store);
		const secret = 'my-own-secret-0123456789';
		for (const call of [
			{ parameters: { secret }, query: {}, body: '1=Sent' },
			{ parameters: { secret }, query: { secret: 'nope' }, body: '1=Sent' },
			{ parameters: { secret }, query: { secret }, body: 'garbage' },
			{ parameters: { secret }, query: { secret }, body: `1=Sent&pad=${'x'.repeat(300 * 1024)}` },
		]) {
			const { context, sent } = webhookContext(call);
			expect(await trigger.webhook.call(context)).toEqual({ noWebhookResponse: true });
			expect(sent.status).toBeGreaterThanOrEqual(400);
		}
		expect(opened).not.toHaveBeenCalled();
	});

	test('a test call from the editor shows the event and consumes nothing', async () => {
		const secret = 'my-own-secret-0123456789';
		const test = webhookContext({ parameters: { secret }, query: { secret }, body: '20=Delivered', mode: 'manual' });
		expect((await trigger.webhook.call(test.context)).workflowData?.[0]).toHaveLength(1);
		expect(await store.get('smsAssistent', '20')).toBeUndefined();
	});

	test('nothing throws out of the webhook: a broken store answers 503 and starts nothing', async () => {
		useStore(() => {
			throw new Error('node:sqlite missing');
		});
		const secret = 'my-own-secret-0123456789';
		const call = webhookContext({ parameters: { secret }, query: { secret }, body: '30=Delivered' });
		expect(await trigger.webhook.call(call.context)).toEqual({ noWebhookResponse: true });
		expect(call.sent.status).toBe(503);
		const broken = webhookContext({ parameters: { secret }, query: { secret }, body: '30=Delivered' });
		(broken.context as unknown as { getQueryData: () => never }).getQueryData = () => {
			throw new Error('boom');
		};
		expect(await trigger.webhook.call(broken.context)).toEqual({ noWebhookResponse: true });
		expect(broken.sent.status).toBe(500);
	});
});
