/**
 * Generated input through the node, as a careless or hostile user (or a broken upstream node)
 * gives it: every operation on every gateway, with each parameter and field drawn from good
 * values and from the mistakes the issue tracker has seen (texts of control characters, lone
 * surrogates, objects, NaN, impossible dates, "true" for a boolean, operations like "constructor").
 *
 * For every run: the node never crashes (only NodeOperationError/NodeApiError leave it); every
 * error names its item and a reason; nothing the node refused reaches the emulator (an emulator
 * with a healthy account refuses nothing the node let through); each input recipient ends as
 * exactly one output item.
 *
 * The seed is fixed so that CI sees the same inputs every run; FC_SEED=<n> explores others.
 */
import fc from 'fast-check';
import { NodeApiError, NodeOperationError, type IDataObject, type INodeExecutionData, type INodeParameters } from 'n8n-workflow';
import { runNode } from '../../harness/runNode';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { GATEWAY_CASES, phones } from '../../harness/gatewayCases';

const RUNS = 260;
const ITEMS_PER_RUN = 8;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 1313;

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators();
});
afterAll(async () => {
	await env.close();
});

// ---- values ---------------------------------------------------------------------------------

const nastyScalars = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, 1e20, -375291234567, 0.5, 0, -1, true, false, null, '', ' ', 'true', 'maybe', '[object Object]', 'constructor', '__proto__');
const nastyObjects = fc.constantFrom<unknown>({}, { a: 1 }, [], ['+375291000001'], [{}], { phone: {} }, { toString: 'x' });
const controlText = fc.constantFrom('\u0000', '\u0001\u0002', '\u007f', '\u200e\u200f', '\u200b\u200b', '\u200d', '\ud800', 'a\udc00b', '\ufffd', '\u0000Hello', 'Hi\u0085');
const nasty = fc.oneof(nastyScalars, nastyObjects, fc.string({ maxLength: 12 }), fc.double(), fc.integer());
// For phone numbers and senders, the mistakes only: a random string can be a valid name or number
// that the gateway account simply does not have, which no client can know before sending.
const noDigits = fc.string({ maxLength: 12 }).filter((text) => !/\d/.test(text));
const nastyNonValues = fc.oneof(nastyObjects, fc.constantFrom<unknown>(NaN, Infinity, -Infinity, 1e20, -375291234567, 0.5, true, false, null), fc.double().filter((n) => !Number.isInteger(n)));

const goodPhone = fc.integer({ min: 0, max: 999_999 }).map((n) => phones(1, n)[0]);
const phoneValue = fc.oneof(
	{ weight: 4, arbitrary: goodPhone },
	{ weight: 1, arbitrary: goodPhone.map((p) => p.replace('+375', '8 0')) },
	{ weight: 1, arbitrary: goodPhone.map((p) => Number(p.slice(1))) },
	{ weight: 1, arbitrary: goodPhone.map((p) => `${p} ext. 12`) },
	{ weight: 1, arbitrary: fc.constantFrom('(', '--', 'tel:', '+', '00', '+999 1234567', '+375 17 123-45-67') },
	{ weight: 1, arbitrary: controlText },
	{ weight: 2, arbitrary: fc.oneof(nastyNonValues, noDigits) },
);

const goodText = fc.oneof(
	fc.constantFrom('Hello', 'Заказ готов', 'Price: 10€ {ok}', '👨\u200d👩\u200d👧 family', 'می\u200cخواهم', 'a\r\nb', '«Quotes» — dash…'),
	fc.string({ minLength: 1, maxLength: 200 }),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
);
const textValue = fc.oneof({ weight: 4, arbitrary: goodText }, { weight: 2, arbitrary: controlText }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) }, { weight: 2, arbitrary: nasty });

const senderValue = (gateway: string) =>
	fc.oneof({ weight: 5, arbitrary: fc.constant(GATEWAY_CASES.find((g) => g.id === gateway)!.sender) }, { weight: 1, arbitrary: fc.constantFrom('Far-too-long-sender', 'Bad\u0000', 'Шоп', 'a b c d e f g h') }, { weight: 1, arbitrary: fc.oneof(nastyObjects, fc.constantFrom<unknown>(NaN, Infinity, -Infinity, true, false)) });

const HOUR = 3_600_000;
const scheduleValue = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(undefined) },
	{ weight: 1, arbitrary: fc.integer({ min: 1, max: 24 * 365 }).map((h) => new Date(Date.now() + h * HOUR).toISOString()) },
	{ weight: 1, arbitrary: fc.integer({ min: 1, max: 24 * 30 }).map((h) => new Date(Date.now() + h * HOUR).toISOString().slice(0, 16)) },
	{ weight: 2, arbitrary: fc.constantFrom<unknown>('2030-02-30T10:00', '2030-01-01T25:00', '2030-13-01', '+010000-01-01T00:00:00Z', '2030-03-31T02:30', 'tomorrow', '2020-01-01T00:00:00Z', NaN, Infinity, 1e20, -1, {}) },
	{ weight: 1, arbitrary: nasty },
);
const validityValue = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 24 }) }, { weight: 2, arbitrary: fc.constantFrom<unknown>(1e6, 1e308, -5, 0.001, '12', 'x', NaN) }, { weight: 1, arbitrary: nasty });
const booleanValue = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constantFrom<unknown>(true, false, 'true', 'false', 1, 0, 'TRUE') }, { weight: 1, arbitrary: nasty });
const countryValue = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom<unknown>('BY', 'UA', 'by', 'XX', 'Belarus', 375) }, { weight: 1, arbitrary: nasty });
const idValue = fc.oneof(fc.constantFrom<unknown>('1000', '1001', 1000, '..', '.', '1000+1001', '', ' , ', 'abc', '1/2', '%2e%2e'), nasty);

const itemArbitrary = (gateway: string) =>
	fc.record({
		to: phoneValue,
		text: textValue,
		sender: senderValue(gateway),
		list: fc.oneof(phoneValue, fc.array(phoneValue, { maxLength: 3 }), fc.array(goodPhone, { minLength: 1, maxLength: 3 }).map((p) => p.join(', '))),
		id: idValue,
		options: fc.record(
			{
				dryRun: booleanValue,
				sanitize: booleanValue,
				deduplicate: booleanValue,
				checkBalanceFirst: booleanValue,
				includeInputFields: booleanValue,
				transliterate: fc.oneof(fc.constantFrom<unknown>(undefined, 'off', 'ru', 'be'), nasty),
				defaultCountry: countryValue,
				scheduleAt: scheduleValue,
				validityHours: validityValue,
				pricePerPart: fc.oneof(fc.constantFrom<unknown>(undefined, 0, 0.05, '0.1', -1), nasty),
				maxRetryWaitSeconds: fc.oneof(fc.constantFrom<unknown>(undefined, 0, 5, 60), nasty),
			},
			{ requiredKeys: [] },
		),
	});

const OPERATIONS = ['send', 'sendBatch', 'getStatus', 'getBalance', 'listSenders'];
const runArbitrary = fc
	.record({
		gateway: fc.constantFrom(...GATEWAY_CASES.map((g) => g.id)),
		operation: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...OPERATIONS) }, { weight: 1, arbitrary: fc.constantFrom<unknown>('constructor', '__proto__', 'valueOf', 'toString', '', 5, {}) }),
		source: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('items', 'list') }, { weight: 1, arbitrary: nasty }),
		phoneField: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('to', 'contact.to') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('', 5, {}, '__proto__', 'constructor') }),
		textField: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('', 'text') }, { weight: 1, arbitrary: fc.constantFrom<unknown>(7, {}, 'missing') }),
		continueOnFail: fc.boolean(),
	})
	.chain((run) => fc.record({ run: fc.constant(run), items: fc.array(itemArbitrary(run.gateway), { minLength: ITEMS_PER_RUN, maxLength: ITEMS_PER_RUN }) }));

// ---- checks ---------------------------------------------------------------------------------

/** Every expression reads the item's own value, so that each parameter has exactly the generated type. */
function parametersOf(run: { gateway: string; operation: unknown }): INodeParameters {
	return {
		gateway: run.gateway,
		operation: run.operation as string,
		to: '={{ $json.to }}',
		text: '={{ $json.text }}',
		sender: '={{ $json.sender }}',
		recipientsSource: '={{ $json.__source }}',
		phoneField: '={{ $json.__phoneField }}',
		textField: '={{ $json.__textField }}',
		recipientList: '={{ $json.list }}',
		messageIds: '={{ $json.id }}',
		options: '={{ $json.options }}',
	};
}

const ACCOUNT_OPERATIONS = new Set(['getBalance', 'listSenders']);
/** So that the suite cannot pass by refusing everything: some runs must get through and send. */
const tally = { inputs: 0, runsWithOutput: 0, messagesSent: 0 };

test(`${RUNS} generated runs (${RUNS * ITEMS_PER_RUN} input items) on every gateway and operation: no crash, errors name item and reason, nothing refused is sent`, async () => {
	await fc.assert(
		fc.asyncProperty(runArbitrary, async ({ run, items }) => {
			const emulator = env.emulators[run.gateway];
			emulator.reset();
			emulator.config.balance = 1_000_000;
			const json = items.map((item) => ({ ...item, contact: { to: item.to }, __operation: run.operation, __source: run.source, __phoneField: run.phoneField, __textField: run.textField }));
			tally.inputs += items.length;
			let output: INodeExecutionData[] | undefined;
			let thrown: unknown;
			try {
				output = await runNode({
					parameters: parametersOf(run),
					credentials: credentialsFor(emulator),
					items: json as unknown as IDataObject[],
					continueOnFail: run.continueOnFail,
				});
			} catch (error) {
				thrown = error;
			}
			tally.runsWithOutput += thrown === undefined ? 1 : 0;
			tally.messagesSent += emulator.ledger.messages.length;
			const sendRequests = emulator.ledger.requests.filter((r) => GATEWAY_CASES.find((g) => g.id === run.gateway)!.isSend(r));

			if (thrown !== undefined) {
				// Never a crash: a TypeError or RangeError from inside the node is a bug.
				if (!(thrown instanceof NodeOperationError || thrown instanceof NodeApiError)) throw thrown;
				const message = (thrown as Error).message;
				if (thrown instanceof NodeOperationError) {
					expect(message).toMatch(/^Item \d+: \S.{8,}/);
					expect(message).not.toMatch(/\[object Object\]|undefined is not|Cannot read/);
				} else if (!ACCOUNT_OPERATIONS.has(String(run.operation))) {
					// A gateway refusal while sending: the node let through something the gateway refused.
					throw new Error(`a gateway refused a generated input: ${message} (${(thrown as NodeApiError).description})`);
				}
				// A run that stops sends nothing (the input is checked before anything goes out).
				if (thrown instanceof NodeOperationError) expect(sendRequests).toHaveLength(0);
				return;
			}

			const result = output as INodeExecutionData[];
			const operation = String(run.operation);
			if (operation === 'send' || operation === 'sendBatch') {
				if (operation === 'send' || run.source === 'items') expect(result).toHaveLength(items.length);
				else expect(result.length).toBeGreaterThanOrEqual(items.length);
				const accepted = result.filter((item) => typeof item.json.messageId === 'string' && !item.json.skippedDuplicate && !item.json.dryRun);
				expect(emulator.ledger.messages).toHaveLength(accepted.length);
			}
			for (const item of result) {
				expect(typeof item.pairedItem === 'object' && item.pairedItem !== null).toBe(true);
				const error = item.json.error as IDataObject | undefined;
				if (!error) continue;
				expect(String(error.message)).toMatch(/\S.{8,}/);
				expect(String(error.message)).not.toMatch(/\[object Object\]/);
				// Refused by the node (no gateway code), or a status the gateway does not know: both fine.
				// Anything else came from a gateway that refused what the node let through.
				const fromGateway = error.gatewayCode !== null && error.gatewayCode !== undefined;
				if (fromGateway && !(operation === 'getStatus' && error.code === 'invalid_message_id')) {
					throw new Error(`a gateway refused a generated input: ${String(error.code)} ${String(error.message)}`);
				}
			}
		}),
		{ numRuns: RUNS, seed: SEED, endOnFailure: true },
	);
	expect(tally.inputs).toBeGreaterThanOrEqual(2000);
	expect(tally.runsWithOutput).toBeGreaterThan(RUNS / 4);
	expect(tally.messagesSent).toBeGreaterThan(RUNS / 10);
}, 240_000);
