/**
 * A1 takes one recipient per request. Where n8n offers nodes its egress filter (2.x), the node
 * sends on persistent connections: a batch opens about as many connections as requests it keeps
 * in flight, not one per recipient — and every recipient still reaches the gateway exactly once.
 * Through n8n's request helper (1.x, or a proxy set) each request opens a connection of its own.
 * Runs inside n8n-core's real ExecuteContext with its real helpers.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEFAULT_CONCURRENCY } from '../../../nodes/gateways/a1/limits';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { startCountingProxy, throughProxy } from '../../harness/countingProxy';
import { phones } from '../../harness/gatewayCases';
import { runNode } from '../../harness/runNode';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
const a1 = () => env.emulators.a1;
const RECIPIENTS = 400;

beforeAll(async () => {
	env = await startEmulators(['a1']);
});
afterAll(async () => {
	await env.close();
});
beforeEach(() => {
	a1().reset();
	Object.assign(a1().config, { balance: 1_000_000 });
	a1().state.latencyMs = 5;
});

async function sendThroughProxy(withoutEgressFilter: boolean) {
	const target = new URL(a1().url);
	const proxy = await startCountingProxy(target);
	try {
		const recipients = phones(RECIPIENTS);
		const items = await runNode({
			parameters: { gateway: 'a1', operation: 'sendBatch', recipientsSource: 'list', recipientList: recipients.join(','), text: 'Your order has shipped', sender: 'MyShop' },
			credentials: throughProxy(credentialsFor(a1()), target, proxy.port),
			continueOnFail: true,
			withoutEgressFilter,
		});
		expect(items.filter((item) => (item.json.error as IDataObject | undefined) !== undefined)).toEqual([]);
		expect(a1().ledger.messages.map((m) => String(m.to)).sort()).toEqual(recipients.map((p) => p.slice(1)).sort());
		return { connections: proxy.connections(), requests: a1().ledger.requests.length };
	} finally {
		await proxy.close();
	}
}

test(`a batch of ${RECIPIENTS} A1 recipients opens at most ${DEFAULT_CONCURRENCY} connections (the requests in flight), each recipient sent once`, async () => {
	const { connections, requests } = await sendThroughProxy(false);
	expect(requests).toBe(RECIPIENTS);
	expect(connections).toBeGreaterThan(0);
	expect(connections).toBeLessThanOrEqual(DEFAULT_CONCURRENCY);
});

test("through n8n's request helper, every request opens a connection of its own", async () => {
	const { connections, requests } = await sendThroughProxy(true);
	expect(requests).toBe(RECIPIENTS);
	expect(connections).toBe(RECIPIENTS);
});
