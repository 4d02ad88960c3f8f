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

const SIZES = [1, 100, 101, 1000, 1001];

describe.each(GATEWAY_CASES)('Send Batch on $id uses the fewest send requests', (gateway) => {
	test.each(SIZES)('%i recipients', async (size) => {
		const emulator = env.emulators[gateway.id];
		emulator.reset();
		emulator.state.config.balance = 1_000_000;
		const numbers = phones(size);
		const half = Math.ceil(size / 2);
		const lists = size === 1 ? [numbers] : [numbers.slice(0, half), numbers.slice(half)];
		const credentials = credentialsFor(emulator);
		// A reset emulator forgets sessions; let a session-based adapter log in again before counting.
		await runNode({ parameters: { gateway: gateway.id, operation: 'getBalance' }, credentials });
		const before = emulator.ledger.requests.length;
		const output = await runNode({
			parameters: { gateway: gateway.id, operation: 'sendBatch', recipientsSource: 'list', recipientList: '={{ $json.list }}', text: 'Batch text', sender: gateway.sender },
			credentials,
			// One list as text, the other as an array, as expressions give them.
			items: lists.map((list, i) => ({ list: i === 0 ? list.join('\n') : list })),
		});
		const sendRequests = emulator.ledger.requests.slice(before).filter((r) => gateway.isSend(r));
		expect(sendRequests).toHaveLength(Math.ceil(size / gateway.documentedRecipientsPerRequest));
		expect(output).toHaveLength(size);
		expect(output.map((o) => o.json.to)).toEqual(numbers);
		expect(output.map((o) => (o.pairedItem as { item: number }).item)).toEqual(numbers.map((_, i) => (i < half ? 0 : 1)));
		expect(output.every((o) => typeof o.json.messageId === 'string' && !o.json.error)).toBe(true);
		// Every recipient reached the gateway exactly once.
		const recipients = emulator.ledger.messages.map((m) => String(m.to).replace(/\D/g, '')).sort();
		expect(recipients).toEqual(numbers.map((n) => n.slice(1)).sort());
	}, 30_000);
});
