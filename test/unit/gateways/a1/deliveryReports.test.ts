/**
 * A1's delivery reports without n8n: the emulator posts to the callback of the "contract" in each
 * guessed shape, and our parser reads every one of them back.
 */
import type { OutgoingSms } from '../../../../nodes/core/adapter/GatewayAdapter';
import { a1Reports } from '../../../../nodes/gateways/a1/reportParser';
import { gatewayUnderTest } from '../../../harness/gatewayUnderTest';
import { startReportReceiver, type ReportReceiver } from '../../../harness/reportReceiver';

const subject = gatewayUnderTest('a1');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const reporter = () => (subject.emulator as any).reports as { settled(ms?: number): Promise<void> };

const sms = (ref: number): OutgoingSms => ({ ref, to: `+37529${String(1234500 + ref)}`, text: 'Your order is ready', sender: 'MyShop' });

describe.each(['json', 'jsonArray', 'form', 'dlr'])('A1 delivery reports as %s', (callbackFormat) => {
	let receiver: ReportReceiver;
	beforeEach(async () => {
		receiver = await startReportReceiver();
	});
	afterEach(() => receiver.close());

	test('every new status of every message reaches the callback and reads back', async () => {
		Object.assign(subject.emulator.config, { callbackUrl: `${receiver.url}/cb?secret=x`, callbackFormat });
		subject.emulator.setOutcome('375291234502', 'expired');
		const results = await subject.build().send([sms(1), sms(2)]);
		subject.emulator.advance(1500);
		await reporter().settled();
		subject.emulator.advance(2000);
		await reporter().settled();
		const seen = receiver.calls.flatMap((call) => {
			const reading = a1Reports.parse({ contentType: call.contentType.split(';')[0], body: call.body });
			expect(reading.kind).toBe('statuses');
			return reading.kind === 'statuses' ? reading.statuses.map((s) => `${s.messageId}:${s.status.status}`) : [];
		});
		const [first, second] = results.map((r) => r.messageId);
		expect(seen.sort()).toEqual([`${first}:sent`, `${first}:delivered`, `${second}:sent`, `${second}:expired`].sort());
	});
});

test('without a callback in the contract nothing is posted', async () => {
	const receiver = await startReportReceiver();
	try {
		await subject.build().send([sms(1)]);
		subject.emulator.advance(5000);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(receiver.calls).toHaveLength(0);
	} finally {
		await receiver.close();
	}
});
