/**
 * SMS-assistent's delivery reports end to end without n8n: the adapter passes the report URL as
 * webhook_url, the emulator posts each new status there as form fields `<sms_id>=<status>`, and
 * our parser reads back exactly what was sent.
 */
import type { OutgoingSms } from '../../../../nodes/core/adapter/GatewayAdapter';
import { smsAssistentReports } from '../../../../nodes/gateways/smsAssistent/reportParser';
import { gatewayUnderTest } from '../../../harness/gatewayUnderTest';
import { startReportReceiver, type ReportReceiver } from '../../../harness/reportReceiver';

const subject = gatewayUnderTest('smsAssistent');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const reporter = () => (subject.emulator as any).reports as { log: Array<{ url: string; status?: number; statuses: Array<{ id: string; status: string }> }>; settled(ms?: number): Promise<void> };

const sms = (ref: number, reportUrl?: string): OutgoingSms => ({ ref, to: `+37529${String(1234500 + ref)}`, text: 'Your order is ready', sender: 'MyShop', reportUrl });

describe.each(['json', 'xml'] as const)('SMS-assistent delivery reports over %s', (apiFormat) => {
	let receiver: ReportReceiver;
	beforeEach(async () => {
		receiver = await startReportReceiver();
	});
	afterEach(() => receiver.close());

	test('each message reports Sent, then its final status, to the URL given with its send', async () => {
		const url = `${receiver.url}/webhook/x/sms-delivery-report?secret=s3cr3t`;
		subject.emulator.setOutcome('375291234502', 'undelivered');
		const results = await subject.build({ apiFormat }).send([sms(1, url), sms(2, url), sms(3)]);
		const request = subject.emulator.ledger.requests.find((r) => r.path.endsWith(`/${apiFormat}`))!;
		expect(request.body).toContain(apiFormat === 'json' ? `"webhook_url":"${url}"` : `webhook_url="${url.replace(/&/g, '&amp;')}"`);

		subject.emulator.advance(1500);
		await reporter().settled();
		subject.emulator.advance(2000);
		await reporter().settled();

		const seen = receiver.calls.flatMap((call) => {
			expect(call.path).toBe('/webhook/x/sms-delivery-report?secret=s3cr3t');
			expect(call.contentType).toBe('application/x-www-form-urlencoded');
			const reading = smsAssistentReports.parse({ contentType: call.contentType, body: call.body });
			return reading.kind === 'statuses' ? reading.statuses.map((s) => `${s.messageId}=${s.status.raw}`) : [];
		});
		const [first, second, third] = results.map((r) => r.messageId);
		expect(seen.sort()).toEqual([`${first}=Delivered`, `${first}=Sent`, `${second}=Rejected`, `${second}=Sent`].sort());
		// The message sent without a URL reports nowhere.
		expect(seen.some((s) => s.startsWith(`${third}=`))).toBe(false);
	});

	test('several messages that change together go in one post', async () => {
		const url = `${receiver.url}/r`;
		await subject.build({ apiFormat }).send(Array.from({ length: 30 }, (_, i) => sms(i, url)));
		subject.emulator.advance(5000);
		await reporter().settled();
		expect(receiver.calls).toHaveLength(1);
		expect(new URLSearchParams(receiver.calls[0].body).size).toBe(30);
	});

	test('a receiver that refuses is tried again, a bounded number of times', async () => {
		receiver.answer = 503;
		await subject.build({ apiFormat }).send([sms(1, `${receiver.url}/r`)]);
		subject.emulator.advance(5000);
		await reporter().settled(10000);
		expect(receiver.calls).toHaveLength(5);
	});

	test('a lost report (fault) is never posted; the others are', async () => {
		subject.emulator.config.lostReports = ['375291234501'];
		const results = await subject.build({ apiFormat }).send([sms(1, `${receiver.url}/r`), sms(2, `${receiver.url}/r`)]);
		subject.emulator.advance(5000);
		await reporter().settled();
		const posted = receiver.calls.map((c) => c.body).join('&');
		expect(posted).toBe(`${results[1].messageId}=Delivered`);
	});

	test('a webhook_url the gateway cannot use refuses the package with -24', async () => {
		const [result] = await subject.build({ apiFormat }).send([sms(1, 'ftp://example.com/x')]);
		expect(result.error).toMatchObject({ code: 'bad_request', gatewayCode: -24, message: expect.stringContaining('webhook URL') });
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	test('messages with different report URLs go in different packages', async () => {
		await subject.build({ apiFormat }).send([sms(1, `${receiver.url}/a`), sms(2, `${receiver.url}/b`), sms(3, `${receiver.url}/a`)]);
		const sends = subject.emulator.ledger.requests.filter((r) => r.path.endsWith(`/${apiFormat}`));
		expect(sends).toHaveLength(2);
		expect(subject.emulator.ledger.messages.map((m) => m.webhookUrl)).toEqual([`${receiver.url}/a`, `${receiver.url}/a`, `${receiver.url}/b`]);
	});
});
