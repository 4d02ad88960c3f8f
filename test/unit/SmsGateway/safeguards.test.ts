import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { DevinoAdapter } from '../../../nodes/gateways/devino/DevinoAdapter';
import { SmsClubAdapter } from '../../../nodes/gateways/smsClub/SmsClubAdapter';
import { smsClubDefinition } from '../../../nodes/gateways/smsClub/definition';
import { loadOptions, runNode, runNodeWithHints } from '../../harness/runNode';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { GATEWAY_CASES, phones } from '../../harness/gatewayCases';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators();
});
afterAll(async () => {
	await env.close();
});

const RECIPIENT_KEYS = ['gateway', 'messageId', 'partIds', 'to', 'status', 'final', 'gatewayStatus', 'parts', 'encoding', 'characters', 'scheduledAt', 'dryRun'];
const STATUS_KEYS = ['gateway', 'messageId', 'partIds', 'status', 'final', 'gatewayStatus', 'parts'];
const ERROR_KEYS = ['code', 'gatewayCode', 'message', 'retryable'];

function fresh(id: string): Emulator {
	const emulator = env.emulators[id];
	emulator.reset();
	return emulator;
}

describe.each(GATEWAY_CASES)('safeguards on $id', (gateway) => {
	test('Check Balance First without a price is refused before anything is sent', async () => {
		const emulator = fresh(gateway.id);
		const parameters = { gateway: gateway.id, operation: 'sendBatch', recipientsSource: 'list', recipientList: phones(2).join(','), text: 'Promo', sender: gateway.sender, options: { checkBalanceFirst: true } };
		const error = await runNode({ parameters, credentials: credentialsFor(emulator) }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(/Check Balance First needs a Price Per Part/);
		expect((error as NodeOperationError).description).toMatch(/Price Per Part/);
		const output = await runNode({ parameters, credentials: credentialsFor(emulator), continueOnFail: true });
		expect(output.map((o) => (o.json.error as IDataObject).code)).toEqual(['bad_request', 'bad_request']);
		expect(emulator.ledger.messages).toHaveLength(0);
	});

	test('a Continue On Fail error item has every output field, the recipient and the whole error', async () => {
		const emulator = fresh(gateway.id);
		const output = await runNode({
			parameters: { gateway: gateway.id, operation: 'send', to: '={{ $json.phone }}', text: 'Hi', sender: gateway.sender, options: { includeInputFields: true } },
			credentials: credentialsFor(emulator),
			items: [{ phone: '12345', customer: 7 }],
			continueOnFail: true,
		});
		expect(Object.keys(output[0].json)).toEqual(expect.arrayContaining([...RECIPIENT_KEYS, 'error', 'customer']));
		expect(Object.keys(output[0].json.error as IDataObject).sort()).toEqual(ERROR_KEYS);
		expect(output[0].json).toMatchObject({ to: '12345', customer: 7, error: { code: 'invalid_number', retryable: false, gatewayCode: null } });
		expect(String((output[0].json.error as IDataObject).message)).toMatch(/"12345"/);
	});

	test('Get Status: an item without an ID fails up front, or becomes an error item of the same shape', async () => {
		const emulator = fresh(gateway.id);
		const parameters = { gateway: gateway.id, operation: 'getStatus', messageIds: '={{ $json.id }}', options: { includeInputFields: true } };
		const items = [{ id: '' }, { id: '1001' }];
		const error = await runNode({ parameters, credentials: credentialsFor(emulator), items }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(/^Item 0: No message ID/);
		expect(emulator.ledger.requests).toHaveLength(0);
		const output = await runNode({ parameters, credentials: credentialsFor(emulator), items, continueOnFail: true });
		expect(output[0]).toMatchObject({ pairedItem: { item: 0 }, json: { id: '', messageId: null, error: { code: 'invalid_message_id' } } });
		expect(Object.keys(output[0].json)).toEqual(expect.arrayContaining(STATUS_KEYS));
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('Retry On Fail never sends a message twice', () => {
	// A1 takes one recipient per request, so one lost answer leaves the other message accepted.
	const parameters = { gateway: 'a1', operation: 'send', to: '={{ $json.phone }}', text: 'Once only', sender: 'MyShop', options: {} };
	const items = [{ phone: '+375291000001' }, { phone: '+375291000002' }];

	test('with it on, a partly sent run returns its items with a warning instead of failing (which would re-run the node)', async () => {
		const emulator = fresh('a1');
		emulator.faults.inject({ kind: 'resetAfterProcessing', method: 'POST' });
		const { output, hints } = await runNodeWithHints({ parameters, credentials: credentialsFor(emulator), items, retryOnFail: true });
		const codes = output.map((o) => (o.json.error as IDataObject | undefined)?.code);
		expect(codes.sort()).toEqual(['outcome_unknown', undefined]);
		expect(output.filter((o) => typeof o.json.messageId === 'string')).toHaveLength(1);
		expect(hints).toEqual([expect.objectContaining({ type: 'warning', message: expect.stringMatching(/Retry On Fail/) })]);
		expect(emulator.ledger.messages).toHaveLength(2);
	});

	test('with it off, the same run stops with a NodeApiError that says what was accepted', async () => {
		const emulator = fresh('a1');
		emulator.faults.inject({ kind: 'resetAfterProcessing', method: 'POST' });
		const error = await runNode({ parameters, credentials: credentialsFor(emulator), items }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toMatch(/outcome_unknown.*1 other message\(s\) of this run were accepted/);
	});

	test('with it on, a run where nothing was sent still fails, so that n8n may safely retry it', async () => {
		const emulator = fresh('a1');
		emulator.faults.inject({ kind: 'http', status: 401, method: 'POST', times: 2 });
		const error = await runNode({ parameters, credentials: credentialsFor(emulator), items, retryOnFail: true }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(emulator.ledger.messages).toHaveLength(0);
	});
});

describe('an adapter that breaks while sending', () => {
	afterEach(() => jest.restoreAllMocks());

	test('is reported as outcome_unknown, never as a plain failure, and quotes nothing from the error', async () => {
		const emulator = fresh('devino');
		jest.spyOn(DevinoAdapter.prototype, 'sendEach').mockRejectedValueOnce(new TypeError('boom password=Top-Secret'));
		const output = await runNode({
			parameters: { gateway: 'devino', operation: 'send', to: '+375291000001', text: 'Hi', sender: 'DTSMS', options: {} },
			credentials: credentialsFor(emulator),
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ status: 'unknown', error: { code: 'outcome_unknown', retryable: false } });
		expect(JSON.stringify(output)).not.toContain('Top-Secret');
	});
});

describe('an adapter that breaks outside a send quotes nothing from the error', () => {
	afterEach(() => jest.restoreAllMocks());
	const bug = () => new TypeError('boom password=Top-Secret');
	const base = { gateway: 'smsClub', sender: 'SmsClubTest' };
	const seen = (error: unknown) => [String((error as Error).message), String((error as NodeApiError).description), JSON.stringify(error)].join('\n');

	test.each([
		['getBalance', 'getBalance', { operation: 'getBalance' }],
		['listSenders', 'listSenders', { operation: 'listSenders' }],
		['getStatus', 'getStatuses', { operation: 'getStatus', messageIds: '1001' }],
		['a dry run\'s balance', 'getBalance', { operation: 'send', to: '+375291000001', text: 'Hi', options: { dryRun: true } }],
		['Check Balance First', 'getBalance', { operation: 'sendBatch', recipientsSource: 'list', recipientList: '+375291000001', text: 'Hi', options: { checkBalanceFirst: true, pricePerPart: 0.1 } }],
	] as const)('%s', async (_, method, parameters) => {
		const emulator = fresh('smsClub');
		const run = (continueOnFail: boolean) =>
			runNode({ parameters: { ...base, ...parameters }, credentials: credentialsFor(emulator), continueOnFail }).catch((e: unknown) => e);
		jest.spyOn(SmsClubAdapter.prototype, method).mockRejectedValue(bug());
		const output = await run(true);
		expect(JSON.stringify(output)).toMatch(/TypeError/);
		expect(JSON.stringify(output)).not.toContain('Top-Secret');
		if (parameters.operation === 'send') return; // a dry run survives a failing balance request
		const error = await run(false);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(seen(error)).not.toContain('Top-Secret');
		expect(emulator.ledger.messages).toHaveLength(0);
	});

	test('building the adapter', async () => {
		const emulator = fresh('smsClub');
		jest.spyOn(smsClubDefinition, 'create').mockImplementation(() => {
			throw bug();
		});
		const error = await runNode({ parameters: { ...base, operation: 'getBalance' }, credentials: credentialsFor(emulator) }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(seen(error)).not.toContain('Top-Secret');
	});

	test('loading the Sender options', async () => {
		const emulator = fresh('smsClub');
		jest.spyOn(SmsClubAdapter.prototype, 'listSenders').mockRejectedValue(bug());
		const error = await loadOptions('getSenders', { parameters: base, credentials: credentialsFor(emulator) }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(seen(error)).not.toContain('Top-Secret');
	});
});

describe('Devino multi-part messages', () => {
	const longText = 'Your order is ready for pickup at the store on Main Street. '.repeat(3);
	const send = (emulator: Emulator, to: string) =>
		runNode({ parameters: { gateway: 'devino', operation: 'send', to, text: longText, sender: 'DTSMS', options: {} }, credentials: credentialsFor(emulator) });
	const status = (emulator: Emulator, messageIds: string) =>
		runNode({ parameters: { gateway: 'devino', operation: 'getStatus', messageIds }, credentials: credentialsFor(emulator) });

	test('one message ID per message, its part IDs, and one status for the whole message', async () => {
		const emulator = fresh('devino');
		const [sent] = await send(emulator, '+375291000001');
		expect(sent.json).toMatchObject({ parts: 2, encoding: 'GSM-7' });
		expect(sent.json.partIds).toHaveLength(2);
		expect(sent.json.messageId).toBe((sent.json.partIds as string[]).join('+'));
		emulator.advance(60_000);
		const output = await status(emulator, String(sent.json.messageId));
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ messageId: sent.json.messageId, partIds: sent.json.partIds, status: 'delivered', final: true });
		expect(String(output[0].json.gatewayStatus).split(',')).toHaveLength(2);
	});

	test('a message whose parts failed is reported failed as a whole', async () => {
		const emulator = fresh('devino');
		emulator.setOutcome('375291000002', 'undelivered');
		const [sent] = await send(emulator, '+375291000002');
		emulator.advance(60_000);
		const [item] = await status(emulator, String(sent.json.messageId));
		expect(item.json).toMatchObject({ status: 'undelivered', final: true });
	});
});
