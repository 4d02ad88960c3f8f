import { GATEWAY_DEFINITIONS } from '../../../../../nodes/gateways/registry';
import { planStatusRequests } from '../../../../../nodes/core/tracking/poll/planStatusRequests';
import type { TrackedMessage } from '../../../../../nodes/core/tracking/TrackingStore';

const due = (count: number, partIds?: (i: number) => string[]): TrackedMessage[] =>
	Array.from({ length: count }, (_, i) => ({ messageId: String(1_000_000 + i), partIds: partIds?.(i) }) as TrackedMessage);

describe('planning status requests', () => {
	test.each(GATEWAY_DEFINITIONS.map((d) => [d.label, d.limits.maxStatusIdsPerRequest] as const))(
		'%s: 10,000 due messages cost the floor, ceil(10,000 / %i) requests',
		(_label, perRequest) => {
			const plan = planStatusRequests(due(10_000), perRequest);
			expect(plan.requests).toBe(Math.ceil(10_000 / perRequest));
			expect(plan.batches.flat()).toEqual(due(10_000).map((m) => m.messageId));
			expect(plan.batches.every((batch) => batch.length <= perRequest)).toBe(true);
		},
	);

	test('a message with several part ids needs a status id per part, and a batch never exceeds the limit', () => {
		const messages = due(5, (i) => (i % 2 === 0 ? [`${i}a`, `${i}b`, `${i}c`] : [`${i}a`]));
		expect(planStatusRequests(messages, 1)).toEqual({ batches: messages.map((m) => [m.messageId]), statusIds: 11, requests: 11 });
		expect(planStatusRequests(messages, 4)).toEqual({
			batches: [[messages[0].messageId, messages[1].messageId], [messages[2].messageId, messages[3].messageId], [messages[4].messageId]],
			statusIds: 11,
			requests: 3,
		});
	});

	test('asks about a repeated id once, and about nothing when nothing is due', () => {
		const [first, second] = due(2);
		expect(planStatusRequests([first, second, first], 100)).toEqual({ batches: [[first.messageId, second.messageId]], statusIds: 2, requests: 1 });
		expect(planStatusRequests([], 100)).toEqual({ batches: [], statusIds: 0, requests: 0 });
	});

	test.each([0, -1, 1.5, NaN])('refuses %p ids per request', (perRequest) => {
		expect(() => planStatusRequests(due(1), perRequest)).toThrow(/maxStatusIdsPerRequest must be a positive integer/);
	});
});
