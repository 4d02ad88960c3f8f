import type { GatewayAdapter, OutgoingSms, SendResult } from './GatewayAdapter';

/** send() on top of the adapter's sendEach(): every message's result at the message's position. */
export async function collectResults(adapter: Pick<GatewayAdapter, 'sendEach'>, messages: OutgoingSms[]): Promise<SendResult[]> {
	const results = new Array<SendResult>(messages.length);
	await adapter.sendEach(messages, (result, position) => {
		results[position] = result;
	});
	return results;
}
