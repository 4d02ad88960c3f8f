import { runNode } from '../../harness/runNode';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { GATEWAY_CASES, phones } from '../../harness/gatewayCases';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators();
});
afterAll(async () => {
	await env.close();
});

const SIZES = [1, 100, 101, 1000];

describe.each(GATEWAY_CASES)('Send Batch on $id uses the fewest send requests', (gateway) => {
	test.each(SIZES)('%i recipients', async (size) => {
		const emulator = env.emulators[gateway.id];
		emulator.reset();
		const numbers = phones(size);
		const output = await runNode({
			parameters: { gateway: gateway.id, operation: 'sendBatch', recipientsSource: 'list', recipientList: '={{ $json.list }}', text: 'Batch text', sender: gateway.sender },
			credentials: credentialsFor(emulator),
			items: [{ list: numbers.slice(0, Math.ceil(size / 2)).join('\n') }, { list: numbers.slice(Math.ceil(size / 2)) }],
		});
		const sendRequests = emulator.ledger.requests.filter((r) => gateway.isSendRequest(r));
		expect(sendRequests).toHaveLength(Math.ceil(size / gateway.documentedRecipientsPerRequest));
		expect(output).toHaveLength(size);
		expect(output.map((o) => o.json.to)).toEqual(numbers);
		expect(output.map((o) => (o.pairedItem as { item: number }).item)).toEqual(numbers.map((_, i) => (i < Math.ceil(size / 2) ? 0 : 1)));
		expect(output.every((o) => typeof o.json.messageId === 'string' && !o.json.error)).toBe(true);
		// Every recipient reached the gateway exactly once.
		const recipients = emulator.ledger.messages.map((m) => String(m.to).replace(/\D/g, '')).sort();
		expect(recipients).toEqual(numbers.map((n) => n.slice(1)).sort());
	}, 30_000);
});
