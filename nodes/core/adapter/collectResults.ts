import type { AnswerSink, OutgoingSms, SendResult } from './GatewayAdapter';

/** send() on top of sendEach(): every message's result at the message's position. */
export async function collectResults(
	messages: OutgoingSms[],
	sendEach: (messages: readonly OutgoingSms[], answered: AnswerSink) => Promise<void>,
): Promise<SendResult[]> {
	const results = new Array<SendResult>(messages.length);
	await sendEach(messages, (result, position) => {
		results[position] = result;
	});
	return results;
}
