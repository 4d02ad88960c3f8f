/**
 * Delivery tracking in the real editor: the SMS Gateway Trigger and the SMS Delivery Report
 * Trigger added from the node creator, their fields and what shows when; Track Delivery,
 * Reference, Tracking Store and Delivery Report URL on Send SMS / Send Batch, with n8n's Redis
 * credential asked for only while Tracking Store is Redis; Fetch Test Event and Execute step read
 * from the output panel. Runs in editor.test.ts's n8n and browser page, after the gateway tests
 * created a credential per gateway.
 */
import type { Emulators } from '../support/harness';
import type { Editor } from './support/editor';

type OutputItem = Record<string, unknown>;

export interface TrackingContext {
	editor: Editor;
	all: Emulators;
}

const STATUS_CHOICES = ['Queued', 'Scheduled', 'Sent', 'Delivered', 'Undelivered', 'Expired', 'Rejected', 'Failed'];
const REDIS_FIELD = 'Redis (Tracking Store)';

export function describeDeliveryTracking(context: () => TrackingContext): void {
	let editor: Editor;
	let all: Emulators;

	beforeAll(() => {
		({ editor, all } = context());
	});

	/** Execute step / Fetch Test Event, then the output items of THIS run (the panel may still show the last one for a moment). */
	async function runStep(): Promise<OutputItem[]> {
		const before = await editor.outputText();
		await editor.executeStep();
		for (const deadline = Date.now() + 15000; [before, ''].includes(await editor.outputText()); ) {
			if (Date.now() > deadline) throw new Error('Execute step finished, but the output panel still shows the previous run');
			await editor.page.waitForTimeout(100);
		}
		return (await editor.outputJson()) as OutputItem[];
	}

	/** Tracking Store → Redis asks for n8n's Redis credential; back to Built-In, the field is gone again. */
	async function expectRedisFieldOnlyForRedis(): Promise<void> {
		expect(await editor.parameterValue('trackingStore')).toBe('Built-In');
		expect(await editor.credentialFields()).not.toContain(REDIS_FIELD);
		await editor.chooseOption('trackingStore', 'Redis');
		await editor.ndv.getByTestId('credentials-label').filter({ hasText: REDIS_FIELD }).waitFor();
		await editor.chooseOption('trackingStore', 'Built-In');
		await editor.ndv.getByTestId('credentials-label').filter({ hasText: REDIS_FIELD }).waitFor({ state: 'detached' });
	}

	describe('SMS Gateway Trigger', () => {
		it('is a trigger in the node creator with three events; Balance Below asks for a Threshold, and Fetch Test Event reads the real balance', async () => {
			await editor.newWorkflow();
			const triggers = await editor.addTrigger('SMS Gateway', 'SMS Gateway', 'On balance below');
			expect(triggers).toEqual(['On balance below', 'On final status', 'On status changed']);
			await editor.selectCredential('SMSClub API');
			await editor.ndv.getByText('Gateway: SMSClub.').waitFor();
			expect(await editor.parameterValue('event')).toBe('Balance Below');
			expect(await editor.parameterChoices('event')).toEqual(['Balance Below', 'Final Status', 'Status Changed']);
			expect(await editor.parameterValue('threshold')).toBe('10.00');
			expect(await editor.hasCollection('options')).toBe(false);

			const balance = all.emulators.smsClub.state.config.balance as number;
			await editor.fillParameter('threshold', String(balance + 1));
			const [item] = await runStep();
			expect(item).toMatchObject({ event: 'balanceBelow', gateway: 'smsClub', balance, unit: 'UAH', threshold: balance + 1, below: true });
		});

		it('Final Status and Status Changed: no Threshold, filters by Status and Reference, Tracking Store with Redis asked for only when chosen; Fetch Test Event gives a marked sample that passes the filters', async () => {
			await editor.chooseOption('event', 'Final Status');
			expect(await editor.hasParameter('threshold')).toBe(false);
			expect(await editor.addableOptions()).toEqual(['Reference', 'Statuses', 'Tracking Store']);
			await editor.addOption('Statuses');
			expect(await editor.parameterChoices('statuses')).toEqual(STATUS_CHOICES);
			await editor.chooseMany('statuses', ['Sent']);
			await editor.addOption('Reference');
			await editor.fillParameter('reference', 'order-7');
			await editor.addOption('Tracking Store');
			await expectRedisFieldOnlyForRedis();

			await editor.chooseOption('event', 'Status Changed');
			expect(await editor.hasParameter('threshold')).toBe(false);
			expect(await editor.parameterValue('reference')).toBe('order-7');
			const [sample] = await runStep();
			// The sample passes the trigger's filters: the runtime read the Options kept across the Event switch.
			expect(sample).toMatchObject({ sample: true, gateway: 'smsClub', messageId: 'sample', status: 'sent', final: false, reference: 'order-7' });
			for (const field of ['eventId', 'to', 'status', 'previousStatus', 'final', 'gatewayStatus', 'parts', 'reference', 'sentAt', 'changedAt']) expect(sample).toHaveProperty(field);
			await editor.closeNdv();
			expect(await editor.canvasSubtitle('SMS Gateway Trigger')).toContain('SMSClub: Status Changed');
		});
	});

	describe('SMS Delivery Report Trigger', () => {
		it('shows its webhook URL, the gateways that push reports, Event, filters and Tracking Store (Redis asked for only when chosen)', async () => {
			await editor.newWorkflow();
			const triggers = await editor.addTrigger('SMS Delivery Report', 'SMS Delivery Report', 'On status changed');
			expect(triggers).toEqual(['On final status', 'On status changed']);
			expect(await editor.parameterValue('event')).toBe('Status Changed');
			expect(await editor.parameterChoices('event')).toEqual(['Final Status', 'Status Changed']);
			expect(await editor.webhookUrl('production')).toMatch(/\/webhook\/[0-9a-f-]{36}\/sms-delivery-report$/);
			expect(await editor.webhookUrl('test')).toMatch(/\/webhook-test\/[0-9a-f-]{36}\/sms-delivery-report$/);
			expect(await editor.parameterChoices('gateway')).toEqual(['SMS-assistent', 'A1']);
			await editor.ndv.getByText('in the Delivery Report URL option of Send SMS or Send Batch').waitFor();
			await editor.chooseOption('gateway', 'A1');
			await editor.ndv.getByText('as the delivery-report callback of your contract').waitFor();
			expect(await editor.hasParameter('secret')).toBe(true);
			expect(await editor.addableOptions()).toEqual(['Reference', 'Statuses', 'Tracking Store']);
			await editor.addOption('Tracking Store');
			await expectRedisFieldOnlyForRedis();
			expect(await editor.credentialFields()).toEqual([]);
			await editor.closeNdv();
			expect(await editor.canvasSubtitle('SMS Delivery Report Trigger')).toContain('A1: Status Changed');
		});
	});

	describe('Send SMS and Send Batch', () => {
		it('offer Track Delivery (on), Reference and Tracking Store; a tracked Send SMS says so in its output item', async () => {
			await editor.newWorkflow();
			await editor.addSmsNode('Send an SMS');
			await editor.selectCredential('SMSClub API');
			await editor.ndv.getByText('Gateway: SMSClub.').waitFor();
			expect(await editor.addableOptions()).toEqual(expect.arrayContaining(['Delivery Report URL', 'Reference', 'Track Delivery', 'Tracking Store']));
			await editor.addOption('Track Delivery');
			expect(await editor.parameterValue('trackDelivery')).toBe('on');
			await editor.addOption('Tracking Store');
			await expectRedisFieldOnlyForRedis();
			await editor.addOption('Reference');
			await editor.fillParameter('reference', 'order-42');
			await editor.fillParameter('to', '+375 29 671-72-59');
			await editor.fillParameter('text', 'Tracked from the panel');
			await editor.openSenderList('smsClub');
			await editor.pickSender('VashZakaz');

			const [item] = await runStep();
			expect(item).toMatchObject({ gateway: 'smsClub', to: '+375296717259', reference: 'order-42', tracking: { tracked: true, outcome: 'tracked', store: 'builtIn' } });
			expect(item.error).toBeUndefined();
		});

		it('Delivery Report URL: refused before sending where the gateway pushes no reports, sent as webhook_url on SMS-assistent', async () => {
			const url = 'http://127.0.0.1:9/webhook/reports/sms-delivery-report?secret=panel-secret-0123456789';
			const smsClubSent = all.emulators.smsClub.ledger.messages.length;
			await editor.addOption('Delivery Report URL');
			await editor.fillParameter('deliveryReportUrl', url);
			await editor.executeStep();
			await editor.ndv.getByText('Delivery Report URL is not taken by SMSClub').first().waitFor();
			expect(all.emulators.smsClub.ledger.messages.length).toBe(smsClubSent);

			await editor.selectCredential('SMS-assistent API');
			await editor.ndv.getByText('Gateway: SMS-assistent.').waitFor();
			const [item] = await runStep();
			expect(item).toMatchObject({ gateway: 'smsAssistent', reference: 'order-42', tracking: { tracked: true } });
			expect(all.emulators.smsAssistent.ledger.messages.at(-1)).toMatchObject({ text: 'Tracked from the panel', webhookUrl: url });
		});

		it('Send Batch offers the same options and tracks every recipient', async () => {
			// n8n empties Options when Operation changes (each operation has its own Options field).
			await editor.chooseOption('operation', 'Send Batch');
			expect(await editor.addableOptions()).toEqual(expect.arrayContaining(['Delivery Report URL', 'Reference', 'Track Delivery', 'Tracking Store']));
			await editor.addOption('Track Delivery');
			expect(await editor.parameterValue('trackDelivery')).toBe('on');
			await editor.addOption('Tracking Store');
			await expectRedisFieldOnlyForRedis();
			await editor.addOption('Reference');
			await editor.fillParameter('reference', 'order-42');
			await editor.chooseOption('recipientsSource', 'List');
			await editor.fillParameter('recipientList', '+375291112233, +375291112244');
			const items = await runStep();
			expect(items.map((i) => [i.to, i.reference, (i.tracking as OutputItem | undefined)?.outcome])).toEqual([
				['+375291112233', 'order-42', 'tracked'],
				['+375291112244', 'order-42', 'tracked'],
			]);
			await editor.closeNdv();
		});
	});
}
