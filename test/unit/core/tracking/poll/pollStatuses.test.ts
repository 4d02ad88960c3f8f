/**
 * One poll of the status trigger with the real adapters against the emulators: statuses progress
 * in the emulator, each change becomes one event, and the gateway is asked in the fewest requests.
 */
import type { OutgoingSms } from '../../../../../nodes/core/adapter/GatewayAdapter';
import { messagesToTrack } from '../../../../../nodes/core/tracking/messagesToTrack';
import { pollStatuses } from '../../../../../nodes/core/tracking/poll/pollStatuses';
import { createTrackingStore } from '../../../../../nodes/core/tracking/createTrackingStore';
import type { StatusEventFilter } from '../../../../../nodes/core/tracking/poll/eventFilter';
import type { LedgerRequest } from '../../../../harness/emulators';
import { GATEWAY_CASES, phones } from '../../../../harness/gatewayCases';
import { gatewayUnderTest } from '../../../../harness/gatewayUnderTest';
import { MemoryTrackingBackend } from '../support/memoryTrackingBackend';
import { at, T0 } from '../support/trackingContract';

/** Which emulator requests are status checks, per the gateways' documents. */
const IS_STATUS_REQUEST: Record<string, (request: LedgerRequest) => boolean> = {
	smsAssistent: (r) => r.body.includes('"command":"statuses"'),
	a1: (r) => r.path.startsWith('/api/sms/status/'),
	smsClub: (r) => r.path.endsWith('/sms/status'),
	devino: (r) => r.path.endsWith('/sms/state'),
};

const EVERY_CHANGE: StatusEventFilter = { kind: 'statusChanged' };

/** Events come in due order (then by id), sends in the gateway's order: compare them sorted. */
const byMessageId = <T extends { messageId?: string }>(items: T[]): T[] => [...items].sort((a, b) => String(a.messageId).localeCompare(String(b.messageId)));

describe.each(GATEWAY_CASES)('$id', ({ id, sender }) => {
	const subject = gatewayUnderTest(id);
	const scope = { gateway: id, credentialId: 'cred-1' };
	const statusRequests = () => subject.emulator.ledger.requests.filter(IS_STATUS_REQUEST[id]).length;

	async function sendAndTrack(count: number, text = 'Your order is ready') {
		const gateway = subject.build();
		const store = createTrackingStore(new MemoryTrackingBackend());
		const outgoing: OutgoingSms[] = phones(count).map((to, ref) => ({ ref, to, text, sender }));
		const results = await gateway.send(outgoing);
		expect(results.map((r) => r.error)).toEqual(results.map(() => undefined));
		const tracked = messagesToTrack(scope, outgoing, results, T0, (ref) => `order-${ref}`);
		expect(await store.track(tracked, T0)).toEqual(tracked.map(() => 'tracked'));
		return {
			gateway,
			store,
			results,
			poll: (now: Date, filter = EVERY_CHANGE, maxRequests?: number) => pollStatuses({ store, gateway, scope, filter, now, maxRequests }),
		};
	}

	test('each status change of 25 messages is one event, asked in ceil(status ids / ids per request) requests', async () => {
		// Devino gets two-part messages: its /sms/state takes one part id per call.
		const text = id === 'devino' ? 'Your order 4711 is ready for pickup. '.repeat(5) : 'Your order is ready';
		const { gateway, store, results, poll } = await sendAndTrack(25, text);
		const statusIdsPerMessage = id === 'devino' ? 2 : 1;
		expect(results.every((r) => (r.partIds?.length ?? 1) === statusIdsPerMessage)).toBe(true);
		const floor = Math.ceil((25 * statusIdsPerMessage) / gateway.limits.maxStatusIdsPerRequest);

		expect(await poll(at(0.5))).toEqual({ events: [], checked: 0, requests: 0, failures: [] });
		expect(statusRequests()).toBe(0);

		subject.emulator.advance(1_000);
		const first = await poll(at(1));
		expect({ checked: first.checked, requests: first.requests, failures: first.failures }).toEqual({ checked: 25, requests: floor, failures: [] });
		expect(statusRequests()).toBe(floor);
		expect(byMessageId(first.events).map((e) => [e.messageId, e.previousStatus, e.status, e.final])).toEqual(
			byMessageId(results).map((r) => [r.messageId, r.status.status, 'sent', false]),
		);

		subject.emulator.advance(2_000);
		const second = await poll(at(2));
		expect(second.events).toHaveLength(25);
		const delivered = new Map(second.events.map((event) => [event.messageId, event]));
		results.forEach((result, index) => {
			expect(delivered.get(result.messageId as string)).toEqual({
				eventId: `${id}:${result.messageId}:delivered`,
				messageId: result.messageId,
				to: result.to,
				status: 'delivered',
				previousStatus: 'sent',
				final: true,
				gatewayStatus: expect.any(String),
				parts: result.parts ?? null,
				reference: `order-${index}`,
				gateway: id,
				sentAt: T0.toISOString(),
				changedAt: at(2).toISOString(),
				reason: null,
			});
		});
		expect(statusRequests()).toBe(2 * floor);
		// Final: the messages left the store's active set; later polls ask nothing.
		expect(await store.stats()).toEqual({ active: 0, retained: 25 });
		expect(await poll(at(500))).toEqual({ events: [], checked: 0, requests: 0, failures: [] });
		expect(statusRequests()).toBe(2 * floor);
	});

	test('an id the gateway no longer knows ends with one event after five checks, then is not asked about again', async () => {
		const { results, poll } = await sendAndTrack(2);
		subject.emulator.reset(); // the emulator forgets every message, as a gateway past its retention does
		for (const minute of [1, 2, 4, 7]) expect((await poll(at(minute))).events).toEqual([]);
		const last = await poll(at(12));
		expect(byMessageId(last.events).map((e) => [e.eventId, e.status, e.final, e.reason])).toEqual(
			byMessageId(results).map((r) => [`${id}:${r.messageId}:${r.status.status}:unknown_to_gateway`, r.status.status, true, 'unknown_to_gateway']),
		);
		const asked = statusRequests();
		expect(await poll(at(500))).toMatchObject({ checked: 0, events: [] });
		expect(statusRequests()).toBe(asked);
	});

	test('Final Status with a Reference filter emits only that message\'s final event, and the others still move on', async () => {
		subject.emulator.setOutcome(phones(3)[1].replace('+', ''), 'undelivered');
		const { store, results, poll } = await sendAndTrack(3);
		subject.emulator.advance(1_000);
		expect((await poll(at(1), { kind: 'finalStatus' })).events).toEqual([]);
		subject.emulator.advance(2_000);
		const final = await poll(at(2), { kind: 'finalStatus', reference: 'order-1', statuses: ['undelivered', 'expired'] });
		expect(final.events.map((e) => [e.messageId, e.status, e.previousStatus, e.reference])).toEqual([[results[1].messageId, 'undelivered', 'sent', 'order-1']]);
		expect(await store.stats()).toEqual({ active: 0, retained: 3 });
	});

	test('a poll makes at most maxRequests status requests; the rest of the due messages wait for the next poll', async () => {
		const { gateway, poll } = await sendAndTrack(30);
		subject.emulator.advance(3_000);
		const perRequest = gateway.limits.maxStatusIdsPerRequest;
		const first = await poll(at(1), EVERY_CHANGE, 2);
		expect(first.checked).toBe(Math.min(30, 2 * perRequest));
		expect(first.requests).toBe(Math.min(2, Math.ceil(30 / perRequest)));
		const second = await poll(at(1), EVERY_CHANGE, 2);
		expect(first.checked + second.checked).toBe(Math.min(30, 4 * perRequest));
		expect(new Set([...first.events, ...second.events].map((e) => e.messageId)).size).toBe(first.checked + second.checked);
	});

	test('two pollers and a delivery-report receiver on one store: every final status is one event among them', async () => {
		const { store, results, gateway } = await sendAndTrack(20);
		subject.emulator.advance(3_000);
		// A report receiver records 'delivered' for the first half while two pollers run at once.
		const reports = results.slice(0, 10).map((r) =>
			store.record({ gateway: id, messageId: r.messageId as string, source: 'report', outcome: { kind: 'status', status: { status: 'delivered', final: true, raw: 'DELIVRD' } } }, at(1)),
		);
		const polls = [1, 2].map(() => pollStatuses({ store, gateway, scope, filter: { kind: 'finalStatus' }, now: at(1) }));
		const [reported, ...polled] = await Promise.all([Promise.all(reports), ...polls]);
		const fromReports = reported.flatMap((o) => (o.kind === 'changed' ? [`${id}:${o.change.message.messageId}:${o.change.status}`] : []));
		const fromPolls = (polled as Array<Awaited<ReturnType<typeof pollStatuses>>>).flatMap((p) => p.events.map((e) => e.eventId));
		const all = [...fromReports, ...fromPolls].sort();
		expect(all).toEqual(results.map((r) => `${id}:${r.messageId}:delivered`).sort());
	});

	test('a failing status check emits nothing, says why, and the messages are asked about again later', async () => {
		const { store, results, poll } = await sendAndTrack(2);
		subject.emulator.advance(3_000);
		subject.emulator.faults.inject({ kind: 'http', status: 503, times: 100 });
		const failed = await poll(at(1));
		expect(failed.events).toEqual([]);
		expect(failed.failures.map((f) => f.code)).toEqual(['unavailable']);
		expect(await store.get(id, results[0].messageId as string)).toMatchObject({ checks: 1, nextCheckAt: at(2).getTime(), status: results[0].status.status });
		subject.emulator.reset();
		expect((await poll(at(1.5))).checked).toBe(0);
	});
});
