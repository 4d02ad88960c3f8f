/**
 * Rate limits hold per gateway account across executions: 20 workflow runs at once, each sending
 * 500 messages on the same SMSClub token, through the node as n8n runs it. The emulator refuses
 * more than about 9 requests a second (HTTP 429), as SMSClub does.
 */
import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../../harness/runNode';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { GATEWAY_CASES, phones } from '../../harness/gatewayCases';

const EXECUTIONS = 20;
const MESSAGES_PER_EXECUTION = 500;
const ALLOWED_PER_SECOND = 9;

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators(['smsClub']);
});
afterAll(async () => {
	await env.close();
});

/** The most requests that arrived within any one second, from the emulator's ledger. */
function peakPerSecond(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	let peak = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= 1000) first++;
		peak = Math.max(peak, last - first + 1);
	}
	return peak;
}

test(`${EXECUTIONS} parallel executions of ${MESSAGES_PER_EXECUTION} messages on one SMSClub account: no rate-limit failure, at most ${ALLOWED_PER_SECOND} requests/s`, async () => {
	const emulator = env.emulators.smsClub;
	emulator.reset();
	emulator.config.balance = 1_000_000;
	const sender = GATEWAY_CASES.find((g) => g.id === 'smsClub')!.sender;
	const recipients = phones(MESSAGES_PER_EXECUTION);
	const runs = Array.from({ length: EXECUTIONS }, (_, run) =>
		runNode({
			parameters: { gateway: 'smsClub', operation: 'sendBatch', recipientsSource: 'list', recipientList: recipients.join(','), text: `Run ${run}`, sender },
			credentials: credentialsFor(emulator),
			continueOnFail: true,
		}),
	);
	const outputs = await Promise.all(runs);

	const items = outputs.flat();
	expect(items).toHaveLength(EXECUTIONS * MESSAGES_PER_EXECUTION);
	const errors = items.map((item) => (item.json.error as IDataObject | undefined)?.code).filter((code) => code !== undefined);
	expect(errors).toEqual([]);
	expect(emulator.ledger.messages).toHaveLength(EXECUTIONS * MESSAGES_PER_EXECUTION);
	const times = emulator.ledger.requests.map((r) => (r as unknown as { at: number }).at);
	// No 429 was answered (a retried one would show as an extra request).
	expect(emulator.ledger.requests.filter((r) => r.path === '/sms/send')).toHaveLength((EXECUTIONS * MESSAGES_PER_EXECUTION) / 100);
	expect(peakPerSecond(times)).toBeLessThanOrEqual(ALLOWED_PER_SECOND);
}, 60_000);
