/**
 * A run reads what cannot differ between items once: parameters without an expression (read at
 * the first item, used for all) and the credential (read once, then handed to n8n's request helper
 * with every request). Parameters with an expression are still read per item, with the same
 * results as before.
 */
import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../../harness/runNode';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators(['smsAssistent', 'a1']);
});
afterAll(async () => {
	await env.close();
});

const recipients = (count: number): IDataObject[] =>
	Array.from({ length: count }, (_, i) => ({ phone: `+37529${1_000_000 + i}`, name: `N${i}`, country: i % 2 ? 'BY' : 'by' }));

async function parameterReads(run: (reads: { count: number }) => Promise<unknown>): Promise<number> {
	const reads = { count: 0 };
	await run(reads);
	return reads.count;
}

describe('Send Batch reads a parameter without an expression once per run', () => {
	const emulator = () => env.emulators.smsAssistent;
	const batch = (count: number, parameters: IDataObject = {}, parameterReads?: { count: number }) =>
		runNode({
			parameterReads,
			parameters: { gateway: 'smsAssistent', operation: 'sendBatch', phoneField: 'phone', text: 'Your order is ready', sender: 'MyShop', options: { defaultCountry: 'BY', dryRun: true }, ...parameters },
			credentials: credentialsFor(emulator()),
			items: recipients(count),
		});

	beforeEach(() => emulator().reset());

	it('as many reads for 300 items as for 3', async () => {
		const few = await parameterReads((reads) => batch(3, {}, reads));
		const many = await parameterReads((reads) => batch(300, {}, reads));
		expect(few).toBeGreaterThan(3);
		expect(many).toBe(few);
	});

	it('reads a parameter with an expression per item, each with its own value', async () => {
		const parameters = { text: '=Hello, {{ $json.name }}', options: { defaultCountry: '={{ $json.country }}', dryRun: true } };
		const few = await parameterReads((reads) => batch(3, parameters, reads));
		const many = await parameterReads((reads) => batch(300, parameters, reads));
		expect(many).toBeGreaterThan(few + 2 * 297 - 1);
		const output = await batch(300, parameters);
		expect(output.map((o) => o.json.characters)).toEqual(recipients(300).map((r) => `Hello, ${r.name as string}`.length));
		expect(output.every((o) => !o.json.error && o.json.dryRun === true)).toBe(true);
	});

	it('an option refused for one item still names that item', async () => {
		const output = await runNode({
			parameters: { gateway: 'smsAssistent', operation: 'sendBatch', phoneField: 'phone', text: 'Hi', sender: 'MyShop', options: { defaultCountry: '={{ $json.country }}', dryRun: true } },
			credentials: credentialsFor(emulator()),
			items: [{ phone: '+375291000001', country: 'BY' }, { phone: '+375291000002', country: 'Belarus' }],
			continueOnFail: true,
		});
		expect(output[0].json.error).toBeUndefined();
		expect(output[1].json.error).toMatchObject({ message: expect.stringContaining('Default Country') });
	});
});

describe('A1 reads its credential once per run', () => {
	it('one credential read for a batch of 120 requests', async () => {
		const emulator = env.emulators.a1;
		emulator.reset();
		const reads = { count: 0 };
		const output = await runNode({
			parameters: { gateway: 'a1', operation: 'sendBatch', phoneField: 'phone', text: 'Code 1234', sender: 'MyShop', options: { defaultCountry: 'BY' } },
			credentials: credentialsFor(emulator),
			items: recipients(120),
			credentialReads: reads,
		});
		expect(output.map((o) => o.json.status)).toEqual(Array(120).fill('queued'));
		expect(emulator.ledger.messages).toHaveLength(120);
		expect(reads.count).toBe(1);
	});
});
