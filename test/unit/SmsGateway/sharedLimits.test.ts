/**
 * Rate limits hold per gateway account across executions: 20 workflow runs at once, each sending
 * 500 messages on the same SMSClub token, through the node as n8n runs it. The emulator refuses
 * more than about 9 requests a second (HTTP 429), as SMSClub does. It runs in its own process, so
 * what it measures is what the node sent, not pauses of the test's event loop.
 */
import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../../harness/runNode';
import { startEmulatorProcess, type EmulatorProcess } from '../../harness/emulatorProcess';
import { GATEWAY_CASES, phones } from '../../harness/gatewayCases';

const EXECUTIONS = 20;
const MESSAGES_PER_EXECUTION = 500;
const ALLOWED_PER_SECOND = 9;
const RECIPIENTS_PER_REQUEST = 100;

let emulator: EmulatorProcess;
beforeAll(async () => {
	emulator = await startEmulatorProcess('smsClub');
});
afterAll(async () => {
	await emulator?.close();
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

test(`${EXECUTIONS} parallel executions of ${MESSAGES_PER_EXECUTION} messages on one SMSClub account: no rate-limit refusal, at most ${ALLOWED_PER_SECOND} requests/s, each message accepted once`, async () => {
	await emulator.setConfig({ balance: 1_000_000 });
	const sender = GATEWAY_CASES.find((g) => g.id === 'smsClub')!.sender;
	const recipients = phones(MESSAGES_PER_EXECUTION);
	const runs = Array.from({ length: EXECUTIONS }, (_, run) =>
		runNode({
			parameters: { gateway: 'smsClub', operation: 'sendBatch', recipientsSource: 'list', recipientList: recipients.join(','), text: `Run ${run}`, sender },
			credentials: emulator.credentials,
			continueOnFail: true,
		}),
	);
	const outputs = await Promise.all(runs);

	const items = outputs.flat();
	expect(items).toHaveLength(EXECUTIONS * MESSAGES_PER_EXECUTION);
	const errors = items.map((item) => (item.json.error as IDataObject | undefined)?.code).filter((code) => code !== undefined);
	expect(errors).toEqual([]);

	const ledger = await emulator.ledger();
	const sends = ledger.requests.filter((r) => r.path === '/sms/send');
	// The gateway refused nothing: every send request was answered 200, none 429.
	expect(sends.filter((r) => r.status !== 200)).toEqual([]);
	expect(sends).toHaveLength((EXECUTIONS * MESSAGES_PER_EXECUTION) / RECIPIENTS_PER_REQUEST);
	expect(peakPerSecond(ledger.requests.map((r) => r.at))).toBeLessThanOrEqual(ALLOWED_PER_SECOND);
	// Exactly one accepted message per recipient and execution: none lost, none sent twice.
	const accepted = ledger.messages.map((m) => `${String(m.text)} → ${String(m.to)}`).sort();
	const expected = Array.from({ length: EXECUTIONS }, (_, run) => recipients.map((phone) => `Run ${run} → ${phone.replace(/\D/g, '')}`)).flat().sort();
	expect(accepted).toEqual(expected);
}, 60_000);
