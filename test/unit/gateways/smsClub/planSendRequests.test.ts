import fc from 'fast-check';
import { byWave, planSendRequests, type SendableMessage } from '../../../../nodes/gateways/smsClub/planSendRequests';

const message = (index: number, digits: string, text = 'hi', sender = 'VashZakaz', lifetimeMinutes?: number): SendableMessage => ({
	index,
	digits,
	text,
	sender,
	lifetimeMinutes,
});

describe('SMSClub send plan', () => {
	it('puts the repeat of a number into a later wave, after the first', () => {
		const plan = planSendRequests([message(0, '1'), message(1, '2'), message(2, '1'), message(3, '1')], 100);
		expect(byWave(plan).map((wave) => wave.map((r) => r.recipients.map((x) => x.index)))).toEqual([[[0, 1]], [[2]], [[3]]]);
	});

	it('keeps every message exactly once, within the limit, with no number twice in a request', () => {
		const arbitraryMessages = fc.array(
			fc.record({ digits: fc.constantFrom('1', '2', '3', '4'), text: fc.constantFrom('a', 'b'), lifetime: fc.constantFrom(undefined, 30) }),
			{ maxLength: 60 },
		);
		fc.assert(
			fc.property(arbitraryMessages, fc.integer({ min: 1, max: 5 }), (items, max) => {
				const plan = planSendRequests(items.map((m, i) => message(i, m.digits, m.text, 'S', m.lifetime)), max);
				const indexes = plan.flatMap((r) => r.recipients.map((x) => x.index)).sort((a, b) => a - b);
				expect(indexes).toEqual(items.map((_, i) => i));
				for (const request of plan) {
					expect(request.recipients.length).toBeLessThanOrEqual(max);
					expect(new Set(request.recipients.map((x) => x.digits)).size).toBe(request.recipients.length);
					for (const { index } of request.recipients) {
						expect([items[index].text, items[index].lifetime]).toEqual([request.text, request.lifetimeMinutes]);
					}
				}
			}),
		);
	});

	it('uses the fewest requests when no number repeats: one per text and sender, per 100', () => {
		const messages = [
			...Array.from({ length: 250 }, (_, i) => message(i, String(1000 + i), 'a')),
			...Array.from({ length: 5 }, (_, i) => message(250 + i, String(1000 + i), 'a', 'Other')),
		];
		expect(planSendRequests(messages, 100).map((r) => r.recipients.length)).toEqual([100, 100, 50, 5]);
	});
});
