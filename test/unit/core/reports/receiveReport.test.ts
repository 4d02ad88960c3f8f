/**
 * One delivery report from the door to the events: the URL secret, the size bound, the gateway's
 * parser and the tracking store's compare-and-set decide together what is answered and emitted.
 */
import { MAX_REPORT_BYTES, receiveReport, type IncomingReport } from '../../../../nodes/core/reports/receiveReport';
import { createTrackingStore } from '../../../../nodes/core/tracking/createTrackingStore';
import type { TrackingStore } from '../../../../nodes/core/tracking/TrackingStore';
import { statusOf } from '../../../../nodes/core/status/normalizeStatus';
import { smsAssistentReports } from '../../../../nodes/gateways/smsAssistent/reportParser';
import { MemoryTrackingBackend } from '../tracking/support/memoryTrackingBackend';
import { at, message, T0 } from '../tracking/support/trackingContract';

const SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const FORM = 'application/x-www-form-urlencoded';

function report(body: string, overrides: Partial<IncomingReport> = {}): IncomingReport {
	return { gateway: 'smsAssistent', format: smsAssistentReports, givenSecret: SECRET, secret: SECRET, request: { contentType: FORM, body }, bodyBytes: Buffer.byteLength(body), ...overrides };
}

describe('receiveReport', () => {
	let store: TrackingStore;
	const opened = async () => store;
	beforeEach(() => {
		store = createTrackingStore(new MemoryTrackingBackend());
	});

	test('a tracked message: the event carries the recipient and Reference from the store', async () => {
		await store.track([message(1001)], T0);
		const answer = await receiveReport(report('1001=Delivered'), opened, () => at(2));
		expect(answer.httpStatus).toBe(200);
		expect(answer.events).toEqual([
			expect.objectContaining({ eventId: 'smsAssistent:1001:delivered', messageId: '1001', to: '+375291001001', reference: 'order-1001', status: 'delivered', previousStatus: 'queued', final: true, gatewayStatus: 'Delivered', gateway: 'smsAssistent', changedAt: at(2).toISOString() }),
		]);
		expect((await store.get('smsAssistent', '1001'))?.finishedAt).toBeDefined();
	});

	test('one status, one event: a repeated report, an older status and a status a poller already recorded emit nothing', async () => {
		await store.track([message(1), message(2)], T0);
		expect((await receiveReport(report('1=Sent&2=Sent'), opened, () => at(1))).events.map((e) => e.eventId)).toEqual(['smsAssistent:1:sent', 'smsAssistent:2:sent']);
		await store.record({ gateway: 'smsAssistent', messageId: '2', source: 'poll', outcome: { kind: 'status', status: statusOf('delivered', 'Delivered') } }, at(2));
		const again = await receiveReport(report('1=Sent&1=Queued&2=Delivered&1=Delivered'), opened, () => at(3));
		expect(again).toMatchObject({ httpStatus: 200, unchanged: 3 });
		expect(again.events.map((e) => e.eventId)).toEqual(['smsAssistent:1:delivered']);
		expect((await receiveReport(report('1=Delivered&2=Delivered'), opened, () => at(4))).events).toEqual([]);
	});

	test('an untracked message is reported once, without recipient or Reference', async () => {
		const first = await receiveReport(report('5555=Delivered'), opened, () => at(1));
		expect(first.events).toEqual([expect.objectContaining({ eventId: 'smsAssistent:5555:delivered', to: null, reference: null, previousStatus: null })]);
		expect((await receiveReport(report('5555=Delivered'), opened, () => at(2))).events).toEqual([]);
	});

	test.each([
		['no secret', undefined],
		['an empty secret', ''],
		['a wrong secret', SECRET.replace('f', 'e')],
		['a longer one', `${SECRET}0`],
		['a list of secrets', [SECRET, SECRET]],
	])('%s: 403, nothing read, nothing recorded', async (_name, givenSecret) => {
		const answer = await receiveReport(report('1001=Delivered', { givenSecret }), async () => {
			throw new Error('the store must not be opened');
		});
		expect(answer).toEqual({ httpStatus: 403, message: 'Forbidden', events: [], unchanged: 0 });
	});

	test('a trigger without a secret refuses every call, even one with an empty secret', async () => {
		expect((await receiveReport(report('1=Sent', { secret: '', givenSecret: '' }), opened)).httpStatus).toBe(403);
	});

	test('a body over the bound gets 413 and is not parsed', async () => {
		const parse = jest.fn(smsAssistentReports.parse);
		const answer = await receiveReport(report('1=Sent', { bodyBytes: MAX_REPORT_BYTES + 1, format: { ...smsAssistentReports, parse } }), opened);
		expect(answer.httpStatus).toBe(413);
		expect(parse).not.toHaveBeenCalled();
		expect(await store.get('smsAssistent', '1')).toBeUndefined();
	});

	test('a body that is not a report gets 400, with a reason that echoes nothing sent', async () => {
		for (const body of ['', 'garbage', 'secret=abc', '{"1001":"Delivered"}']) {
			const answer = await receiveReport(report(body), opened);
			expect(answer.httpStatus).toBe(400);
			expect(answer.message).not.toContain('abc');
			expect(answer.events).toEqual([]);
		}
		const throwing = await receiveReport(report('1=Sent', { format: { ...smsAssistentReports, parse: () => { throw new Error('boom'); } } }), opened);
		expect(throwing.httpStatus).toBe(400);
	});

	test('more than 1,000 statuses in one call is not a gateway report', async () => {
		const body = Array.from({ length: 1001 }, (_, i) => `${i + 1}=Sent`).join('&');
		expect((await receiveReport(report(body), opened)).httpStatus).toBe(413);
	});

	test('a store that fails answers 503 (the gateway sends again); what was recorded is emitted once', async () => {
		expect((await receiveReport(report('1=Sent'), async () => { throw new Error('locked'); })).httpStatus).toBe(503);
		const real = store;
		let calls = 0;
		const flaky: TrackingStore = { ...real, record: async (observation, now) => { calls += 1; if (calls === 2) throw new Error('locked'); return real.record(observation, now); } };
		const first = await receiveReport(report('1=Sent&2=Sent'), async () => flaky, () => at(1));
		expect(first).toMatchObject({ httpStatus: 503, events: [expect.objectContaining({ eventId: 'smsAssistent:1:sent' })] });
		const retry = await receiveReport(report('1=Sent&2=Sent'), async () => flaky, () => at(2));
		expect(retry.httpStatus).toBe(200);
		expect(retry.events.map((e) => e.eventId)).toEqual(['smsAssistent:2:sent']);
	});

	test('preview (a test call from the editor) shows the change and consumes nothing', async () => {
		await store.track([message(7)], T0);
		const preview = await receiveReport(report('7=Delivered', { mode: 'preview' }), opened, () => at(1));
		expect(preview.events).toEqual([expect.objectContaining({ eventId: 'smsAssistent:7:delivered', reference: 'order-7', previousStatus: 'queued' })]);
		expect((await store.get('smsAssistent', '7'))?.status).toBe('queued');
		expect((await receiveReport(report('7=Delivered'), opened, () => at(2))).events).toHaveLength(1);
	});
});
