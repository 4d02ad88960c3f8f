/**
 * sendEach(), the streaming form of send() that Send SMS and Send Batch use: every message's
 * result is handed over exactly once, under its own position and ref, also when requests of the
 * batch fail in flight, each with the id the gateway gave that recipient.
 */
import type { OutgoingSms, SendResult } from '../../../nodes/core/adapter/GatewayAdapter';
import { GATEWAY_CASES, phones } from '../../harness/gatewayCases';
import { gatewayUnderTest } from '../../harness/gatewayUnderTest';

/** Where a batch of one text goes: Devino takes many recipients at /sms/sendbulk, not /sms/send. */
const BATCH_PATHS: Record<string, string> = { devino: '/sms/sendbulk' };

describe.each(GATEWAY_CASES)('sendEach on $id', (gateway) => {
	const subject = gatewayUnderTest(gateway.id);
	const batchPath = BATCH_PATHS[gateway.id] ?? gateway.paths.send;
	/** Enough recipients for three send requests (the last one short), refs unlike positions. */
	const batch = (): OutgoingSms[] => {
		const count = 2 * subject.build().limits.maxRecipientsPerRequest + 3;
		return phones(count).map((to, position) => ({ ref: 1000 + position * 7, to, text: 'Your order is ready', sender: gateway.sender }));
	};
	// The demo accounts' balances are small: this one can pay for every batch here.
	beforeEach(() => {
		subject.emulator.config.balance = 1e9;
	});
	const answersOf = async (messages: OutgoingSms[]) => {
		const answers: Array<{ result: SendResult; position: number }> = [];
		await subject.build().sendEach(messages, (result, position) => answers.push({ result, position }));
		return answers;
	};

	test('answers every message once, under its position and ref, when requests of the batch fail', async () => {
		const messages = batch();
		// The first send request's answer is lost after the gateway took it, the second is cut short.
		subject.emulator.faults.inject({ kind: 'resetAfterProcessing', path: batchPath });
		subject.emulator.faults.inject({ kind: 'malformed', path: batchPath });
		const answers = await answersOf(messages);
		const timesAnswered = new Array<number>(messages.length).fill(0);
		for (const { result, position } of answers) {
			timesAnswered[position] += 1;
			expect(result.ref).toBe(messages[position].ref);
			expect(result.to).toBe(messages[position].to);
		}
		expect(timesAnswered.every((times) => times === 1)).toBe(true);
		const unknown = answers.filter(({ result }) => result.error?.code === 'outcome_unknown').length;
		expect(unknown).toBeGreaterThanOrEqual(2);
		expect(answers.filter(({ result }) => result.messageId !== undefined).length).toBe(messages.length - unknown);
	});

	test('each answer carries the id the gateway recorded for that very recipient', async () => {
		const messages = batch();
		const answers = await answersOf(messages);
		expect(answers).toHaveLength(messages.length);
		expect(subject.emulator.ledger.messages).toHaveLength(messages.length);
		for (const { result, position } of answers) {
			expect(result.error).toBeUndefined();
			// The emulator's own record of the message under that id: same number as the position's message.
			expect(subject.emulator.ledger.findMessage(result.messageId).to).toBe(messages[position].to.slice(1));
		}
		expect(new Set(answers.map(({ result }) => result.messageId)).size).toBe(messages.length);
	});
});
