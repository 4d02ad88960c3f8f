/**
 * Send SMS and Send Batch make each recipient's item as its answer comes back (sendEach). An
 * adapter that stops half-way, skips a message or answers one twice still leaves exactly one item
 * per recipient, and never turns an answer it did give into something else.
 */
import type { IDataObject } from 'n8n-workflow';
import type { AnswerSink, OutgoingSms } from '../../../nodes/core/adapter/GatewayAdapter';
import { statusOf } from '../../../nodes/core/status/normalizeStatus';
import { smsError } from '../../../nodes/core/errors/errorTable';
import { SmsGatewayError } from '../../../nodes/core/errors/SmsError';
import { DevinoAdapter } from '../../../nodes/gateways/devino/DevinoAdapter';
import { runNode } from '../../harness/runNode';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { phones } from '../../harness/gatewayCases';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators(['devino']);
});
afterAll(() => env.close());
afterEach(() => jest.restoreAllMocks());

const accepted = (message: OutgoingSms, id: string) => ({ ref: message.ref, to: message.to, messageId: id, parts: 1, status: statusOf('queued') });

/** A Send Batch of three recipients on Devino whose sendEach is `fake`. */
async function batchWith(fake: (messages: readonly OutgoingSms[], answered: AnswerSink) => Promise<void>) {
	const emulator = env.emulators.devino;
	emulator.reset();
	jest.spyOn(DevinoAdapter.prototype, 'sendEach').mockImplementationOnce(fake);
	const output = await runNode({
		parameters: { gateway: 'devino', operation: 'sendBatch', recipientsSource: 'list', recipientList: phones(3).join('\n'), text: 'Hi', sender: 'DTSMS', options: {} },
		credentials: credentialsFor(emulator),
		continueOnFail: true,
	});
	return output.map((item): IDataObject => ({ ...item.json, error: (item.json.error as IDataObject | undefined)?.code, pairedItem: item.pairedItem as unknown as IDataObject }));
}

test('an adapter that fails after answering some: their answers stand, the rest are outcome_unknown', async () => {
	const items = await batchWith(async (messages, answered) => {
		answered(accepted(messages[1], 'm-2'), 1);
		throw new TypeError('boom');
	});
	expect(items.map((i) => [i.to, i.messageId, i.status, i.error])).toEqual([
		['+375291000000', null, 'unknown', 'outcome_unknown'],
		['+375291000001', 'm-2', 'queued', undefined],
		['+375291000002', null, 'unknown', 'outcome_unknown'],
	]);
});

test('a gateway error from sendEach never makes an unanswered message look safe to send again', async () => {
	const items = await batchWith(async (messages, answered) => {
		answered(accepted(messages[0], 'm-1'), 0);
		throw new SmsGatewayError(smsError('rate_limited', 'Too many requests'));
	});
	expect(items.map((i) => [i.messageId, i.error])).toEqual([
		['m-1', undefined],
		[null, 'outcome_unknown'],
		[null, 'outcome_unknown'],
	]);
	// Also before any answer: requests run side by side, so another may already be out.
	const none = await batchWith(async () => {
		throw new SmsGatewayError(smsError('rate_limited', 'Too many requests'));
	});
	expect(none.map((i) => i.error)).toEqual(['outcome_unknown', 'outcome_unknown', 'outcome_unknown']);
});

test('a message the adapter never answers is outcome_unknown, not dropped', async () => {
	const items = await batchWith(async (messages, answered) => {
		answered(accepted(messages[0], 'm-1'), 0);
		answered(accepted(messages[2], 'm-3'), 2);
	});
	expect(items.map((i) => [i.messageId, i.error])).toEqual([
		['m-1', undefined],
		[null, 'outcome_unknown'],
		['m-3', undefined],
	]);
});

test('a second answer for the same message is ignored: one item per recipient, the first answer', async () => {
	const items = await batchWith(async (messages, answered) => {
		messages.forEach((message, position) => answered(accepted(message, `m-${position}`), position));
		answered(accepted(messages[0], 'late'), 0);
	});
	expect(items.map((i) => [i.messageId, i.pairedItem])).toEqual([
		['m-0', { item: 0 }],
		['m-1', { item: 0 }],
		['m-2', { item: 0 }],
	]);
});

test('an answer under a ref that was not sent is ignored; the message it meant gets outcome_unknown', async () => {
	const items = await batchWith(async (messages, answered) => {
		answered(accepted(messages[0], 'm-0'), 0);
		answered({ ...accepted(messages[1], 'stray'), ref: 7 }, 1);
		answered({ ...accepted(messages[2], 'negative'), ref: -1 }, 2);
	});
	expect(items.map((i) => [i.messageId, i.error])).toEqual([
		['m-0', undefined],
		[null, 'outcome_unknown'],
		[null, 'outcome_unknown'],
	]);
});

test('answers in any order land on their own recipients', async () => {
	const items = await batchWith(async (messages, answered) => {
		for (const position of [2, 0, 1]) answered(accepted(messages[position], `id-of-${messages[position].to}`), position);
	});
	expect(items.map((i) => i.messageId)).toEqual(phones(3).map((to) => `id-of-${to}`));
});
