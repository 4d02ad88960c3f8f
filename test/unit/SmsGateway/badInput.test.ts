/**
 * Issue 13 reproductions: each test states the behaviour the issue asks for, through the node
 * (n8n-core's ExecuteContext against the emulators) or through the core. Written before the fix.
 */
import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { runNode } from '../../harness/runNode';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { GATEWAY_CASES } from '../../harness/gatewayCases';
import { redactSecrets } from '../../../nodes/core/adapter/redactSecrets';
import { sanitizeText } from '../../../nodes/core/text/sanitizeText';
import { resolveBaseUrl } from '../../../nodes/core/adapter/baseUrl';
import { splitRecipientList } from '../../../nodes/core/batch/splitRecipientList';
import { normalizePhone } from '../../../nodes/core/phone/normalizePhone';
import { validateSchedule } from '../../../nodes/core/message/schedule';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators();
});
afterAll(async () => {
	await env.close();
});

function fresh(id: string): Emulator {
	const emulator = env.emulators[id];
	emulator.reset();
	return emulator;
}
const senderOf = (id: string) => GATEWAY_CASES.find((g) => g.id === id)!.sender;
const sendRequests = (id: string, emulator: Emulator) => emulator.ledger.requests.filter((r) => GATEWAY_CASES.find((g) => g.id === id)!.isSend(r));

async function outcome(p: Promise<unknown>): Promise<{ error?: Error; output?: unknown }> {
	try {
		return { output: await p };
	} catch (error) {
		return { error: error as Error };
	}
}

/** The node's answer must be a node error naming the item (or an output), never a crash. */
function expectNodeErrorNamingItem(error: Error | undefined, itemIndex: number) {
	expect(error).toBeDefined();
	expect(error instanceof NodeOperationError || error instanceof NodeApiError).toBe(true);
	expect(error!.message).toMatch(new RegExp(`^Item ${itemIndex}\\b`));
}

describe('booleans given by expression', () => {
	test.each(['true', 1, 'TRUE'])('Dry Run = %p does not send', async (value) => {
		const emulator = fresh('smsClub');
		const result = await outcome(
			runNode({
				parameters: { gateway: 'smsClub', operation: 'send', to: '+375291000001', text: 'Hi', sender: senderOf('smsClub'), options: { dryRun: `={{ ${JSON.stringify(value)} }}` } },
				credentials: credentialsFor(emulator),
			}),
		);
		expect(sendRequests('smsClub', emulator)).toHaveLength(0);
		expect(result.error).toBeUndefined();
	});

	test('Check Balance First = "true" checks the balance', async () => {
		const emulator = fresh('smsClub');
		emulator.config.balance = 0;
		const result = await outcome(
			runNode({
				parameters: { gateway: 'smsClub', operation: 'sendBatch', recipientsSource: 'list', recipientList: '+375291000001', text: 'Hi', sender: senderOf('smsClub'), options: { checkBalanceFirst: '={{ "true" }}', pricePerPart: 1 } },
				credentials: credentialsFor(emulator),
			}),
		);
		expect(sendRequests('smsClub', emulator)).toHaveLength(0);
		expect(result.error?.message).toMatch(/balance/i);
	});

	test('Dry Run = "maybe" is refused naming the parameter', async () => {
		const emulator = fresh('smsClub');
		const result = await outcome(
			runNode({
				parameters: { gateway: 'smsClub', operation: 'send', to: '+375291000001', text: 'Hi', sender: senderOf('smsClub'), options: { dryRun: '={{ "maybe" }}' } },
				credentials: credentialsFor(emulator),
			}),
		);
		expect(sendRequests('smsClub', emulator)).toHaveLength(0);
		expectNodeErrorNamingItem(result.error, 0);
		expect(result.error!.message).toMatch(/Dry Run/);
	});
});

describe('texts no handset can show are refused', () => {
	const texts: Array<[string, string]> = [
		['NUL/control only', '\u0000\u0001\u0007'],
		['DEL only', '\u007f\u007f'],
		['direction marks only', '\u200e\u200f'],
		['zero-width spaces only', '\u200b\u200b'],
		['a lone surrogate', 'Hello \ud800 world'],
		['U+FFFD', 'Hello \ufffd'],
	];
	test.each(texts)('%s', async (_, text) => {
		const emulator = fresh('devino');
		const result = await outcome(
			runNode({
				parameters: { gateway: 'devino', operation: 'send', to: '+375291000001', text: '={{ $json.text }}', sender: 'DTSMS', options: { sanitize: false } },
				credentials: credentialsFor(emulator),
				items: [{ text }],
			}),
		);
		expect(emulator.ledger.messages).toHaveLength(0);
		expectNodeErrorNamingItem(result.error, 0);
	});

	test.each([
		['an object', '={{ { a: 1 } }}'],
		['NaN', '={{ NaN }}'],
	])('%s as text is refused, not sent as its String()', async (_, text) => {
		const emulator = fresh('devino');
		const result = await outcome(
			runNode({ parameters: { gateway: 'devino', operation: 'send', to: '+375291000001', text, sender: 'DTSMS' }, credentials: credentialsFor(emulator) }),
		);
		expect(emulator.ledger.messages).toHaveLength(0);
		expectNodeErrorNamingItem(result.error, 0);
		expect(result.error!.message).not.toMatch(/object Object/);
	});
});

describe('dates', () => {
	test.each([
		['NaN', '={{ NaN }}'],
		['Infinity', '={{ Infinity }}'],
		['1e20', '={{ 1e20 }}'],
	])('Schedule At %s on Devino is refused before anything is sent', async (_, scheduleAt) => {
		const emulator = fresh('devino');
		const result = await outcome(
			runNode({
				parameters: { gateway: 'devino', operation: 'sendBatch', recipientsSource: 'list', recipientList: '={{ $json.list }}', text: 'Hi', sender: 'DTSMS', options: { scheduleAt: '={{ $json.at }}' } },
				credentials: credentialsFor(emulator),
				items: [{ list: '+375291000001' }, { list: '+375291000002', at: undefined }],
			}).then(() =>
				runNode({
					parameters: { gateway: 'devino', operation: 'send', to: '={{ $json.to }}', text: 'Hi', sender: 'DTSMS', options: { scheduleAt } },
					credentials: credentialsFor(fresh('devino')),
					items: [{ to: '+375291000001' }],
				}),
			),
		);
		expect(emulator.ledger.messages).toHaveLength(0);
		expectNodeErrorNamingItem(result.error, 0);
		expect(result.error).not.toBeInstanceOf(RangeError);
	});

	test.each(['2030-02-30T10:00', '2030-01-01T25:00', '2030-13-01T10:00', '2030-02-30', '2030-04-31T10:00:00Z'])('impossible date %s is refused', (value) => {
		const check = validateSchedule(value, { minScheduleLeadMinutes: 1 }, 'Devino', new Date('2026-01-01T00:00:00Z'), 'Europe/Minsk');
		expect(check.ok).toBe(false);
	});

	test('a date-only value is midnight in the workflow time zone', () => {
		const check = validateSchedule('2030-01-01', { minScheduleLeadMinutes: 1 }, 'Devino', new Date('2026-01-01T00:00:00Z'), 'Europe/Minsk');
		expect(check).toEqual({ ok: true, sendAt: new Date('2029-12-31T21:00:00Z') });
	});

	test('a time in a DST gap moves forward by the gap in every zone', () => {
		const now = new Date('2026-01-01T00:00:00Z');
		// Berlin: 2030-03-31 02:30 does not exist (02:00 → 03:00); New York: 2030-03-10 02:30 does not exist.
		const berlin = validateSchedule('2030-03-31T02:30', { minScheduleLeadMinutes: 1 }, 'X', now, 'Europe/Berlin');
		const newYork = validateSchedule('2030-03-10T02:30', { minScheduleLeadMinutes: 1 }, 'X', now, 'America/New_York');
		expect(berlin).toEqual({ ok: true, sendAt: new Date('2030-03-31T01:30:00Z') });
		expect(newYork).toEqual({ ok: true, sendAt: new Date('2030-03-10T07:30:00Z') });
	});

	test('year beyond 9999 never reaches Devino and is not outcome_unknown', async () => {
		const emulator = fresh('devino');
		const result = await outcome(
			runNode({
				parameters: { gateway: 'devino', operation: 'send', to: '+375291000001', text: 'Hi', sender: 'DTSMS', options: { scheduleAt: '+010000-01-01T00:00:00Z' } },
				credentials: credentialsFor(emulator),
			}),
		);
		expect(emulator.ledger.requests.filter((r) => r.path.includes('/sms/'))).toHaveLength(0);
		expectNodeErrorNamingItem(result.error, 0);
		expect(result.error!.message + String((result.error as NodeApiError).description)).not.toMatch(/outcome_unknown|may have been sent/);
	});

	test.each([1e6, 1e308 * 10])('Devino validity %p hours is refused', async (hours) => {
		const emulator = fresh('devino');
		const result = await outcome(
			runNode({
				parameters: { gateway: 'devino', operation: 'send', to: '+375291000001', text: 'Hi', sender: 'DTSMS', options: { validityHours: hours } },
				credentials: credentialsFor(emulator),
			}),
		);
		expect(emulator.ledger.messages).toHaveLength(0);
		expectNodeErrorNamingItem(result.error, 0);
	});

	test('an invalid workflow time zone is named as such', () => {
		const check = validateSchedule('2030-01-01T10:00', { minScheduleLeadMinutes: 1 }, 'Devino', new Date('2026-01-01T00:00:00Z'), 'Mars/Olympus');
		expect(check.ok).toBe(false);
		expect(!check.ok && check.message).toMatch(/time zone/i);
	});
});

describe('crashes instead of node errors', () => {
	test.each([
		['phoneField', { phoneField: '={{ 5 }}' }],
		['textField', { textField: '={{ { a: 1 } }}' }],
	])('%s evaluating to a non-string', async (_, extra) => {
		const emulator = fresh('smsClub');
		const result = await outcome(
			runNode({
				parameters: { gateway: 'smsClub', operation: 'sendBatch', recipientsSource: 'items', text: 'Hi', sender: senderOf('smsClub'), ...extra },
				credentials: credentialsFor(emulator),
				items: [{ phone: '+375291000001' }],
			}),
		);
		expect(sendRequests('smsClub', emulator)).toHaveLength(0);
		expectNodeErrorNamingItem(result.error, 0);
	});

	test.each(['constructor', 'valueOf', '__proto__', 'toString', 'hasOwnProperty'])('operation %s', async (operation) => {
		const emulator = fresh('smsClub');
		const result = await outcome(runNode({ parameters: { gateway: 'smsClub', operation }, credentials: credentialsFor(emulator) }));
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/operation/i);
		expect(emulator.ledger.requests).toHaveLength(0);
	});

	test.each(['constructor', '__proto__'])('gateway %s', async (gateway) => {
		const result = await outcome(runNode({ parameters: { gateway, operation: 'send' }, credentials: {} }));
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/gateway/i);
	});
});

describe('A1 body codes', () => {
	test('{"code":500} with HTTP 500 is unavailable and retried', async () => {
		const emulator = fresh('a1');
		emulator.faults.inject({ kind: 'http', status: 500, body: '{"code":500}', contentType: 'application/json', path: '/api/sms/balance' });
		const output = await runNode({ parameters: { gateway: 'a1', operation: 'getBalance' }, credentials: credentialsFor(emulator) });
		expect(output[0].json.amount).toEqual(expect.any(Number));
		expect(emulator.ledger.requests.filter((r) => r.path === '/api/sms/balance')).toHaveLength(2);
	});

	test('{"code":404} with HTTP 404 on status is invalid_message_id', async () => {
		const emulator = fresh('a1');
		emulator.faults.inject({ kind: 'http', status: 404, body: '{"code":404,"message":"not found"}', contentType: 'application/json' });
		const output = await runNode({ parameters: { gateway: 'a1', operation: 'getStatus', messageIds: '777' }, credentials: credentialsFor(emulator), continueOnFail: true });
		expect((output[0].json.error as IDataObject).code).toBe('invalid_message_id');
	});

	test('a status id ".." is refused, never GET /api/sms/', async () => {
		const emulator = fresh('a1');
		const output = await runNode({ parameters: { gateway: 'a1', operation: 'getStatus', messageIds: '..' }, credentials: credentialsFor(emulator), continueOnFail: true });
		expect((output[0].json.error as IDataObject).code).toBe('invalid_message_id');
		expect(emulator.ledger.requests).toHaveLength(0);
	});
});

describe('redaction echo forms', () => {
	const secret = "p@ss'wörd/+=\"x";
	const forms: Array<[string, string]> = [
		['lower-case percent-encoding', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
		['base64 of the bare secret', Buffer.from(secret).toString('base64')],
		['decimal HTML entities', secret.replace(/['"&<>]/g, (c) => `&#${c.charCodeAt(0)};`)],
		['hex HTML entities', secret.replace(/['"&<>]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)],
		['JSON inside JSON', JSON.stringify(JSON.stringify(secret)).slice(1, -1)],
	];
	test.each(forms)('%s', (_, echoed) => {
		expect(redactSecrets(`echo: ${echoed} end`, [secret])).not.toContain(echoed);
	});
});

describe('altered silently', () => {
	test('Sanitize keeps ZWJ and ZWNJ', () => {
		expect(sanitizeText('👨\u200d👩\u200d👧')).toBe('👨\u200d👩\u200d👧');
		expect(sanitizeText('می\u200cخواهم')).toBe('می\u200cخواهم');
	});

	test('XML sends keep CR and CRLF', async () => {
		const emulator = fresh('smsAssistent');
		const credentials = credentialsFor(emulator);
		const [type] = Object.keys(credentials);
		credentials[type] = { ...credentials[type], apiFormat: 'xml' };
		await runNode({ parameters: { gateway: 'smsAssistent', operation: 'send', to: '+375291000001', text: '={{ "a\\r\\nb\\rc" }}', sender: 'MyShop' }, credentials });
		expect(emulator.ledger.messages[0]?.text).toBe('a\r\nb\rc');
	});

	test('the number -375291234567 is refused', () => {
		expect(splitRecipientList(-375291234567).every((r) => !normalizePhone(r).ok)).toBe(true);
	});

	test.each(['+375291234567 ext. 123', '+375 29 123 45 67 ext 123', '+375291234567 доб. 123'])('an extension in a list (%s) is one refused entry, not a number sent without it', (entry) => {
		const list = splitRecipientList(`${entry}, +375291234568`);
		expect(list).toEqual([entry, '+375291234568']);
		expect(normalizePhone(list[0]).ok).toBe(false);
	});

	test.each(['https://example.com/api?x=1', 'https://example.com/api#frag'])('base URL %s is refused', (url) => {
		expect(() => resolveBaseUrl(url, 'https://default', 'X')).toThrow(/base URL/);
	});
});

describe('messages to fix', () => {
	test('Default Country XX is named as an unknown country', () => {
		const result = normalizePhone('291234567', { defaultCountry: 'XX' });
		expect(!result.ok && result.message).not.toMatch(/number of ER/);
		expect(!result.ok && result.message).toMatch(/Default Country/);
	});

	test('"(" is not "empty"', () => {
		const result = normalizePhone('(');
		expect(!result.ok && result.message).not.toMatch(/is empty/);
	});

	test('an empty Phone Field setting says so', async () => {
		const emulator = fresh('smsClub');
		const result = await outcome(
			runNode({
				parameters: { gateway: 'smsClub', operation: 'sendBatch', recipientsSource: 'items', phoneField: '', text: 'Hi', sender: senderOf('smsClub') },
				credentials: credentialsFor(emulator),
				items: [{ phone: '+375291000001' }],
			}),
		);
		expectNodeErrorNamingItem(result.error, 0);
		expect(result.error!.message).toMatch(/Phone Field/);
	});

	test('a non-ASCII API token is named as such, not as a missing password', async () => {
		const emulator = fresh('smsAssistent');
		const credentials = credentialsFor(emulator);
		const [type] = Object.keys(credentials);
		credentials[type] = { ...credentials[type], authMethod: 'token', token: 'токен' };
		const result = await outcome(runNode({ parameters: { gateway: 'smsAssistent', operation: 'getBalance' }, credentials }));
		expect(result.error?.message).not.toMatch(/missing/);
		expect(result.error?.message).toMatch(/API Token/);
		expect(emulator.ledger.requests).toHaveLength(0);
	});

	test.each(GATEWAY_CASES.map((g) => g.id))('a 503 HTML page on %s neither doubles the status nor quotes the HTML', async (id) => {
		const emulator = fresh(id);
		emulator.faults.inject({ kind: 'html', status: 503, times: 5 });
		const result = await outcome(runNode({ parameters: { gateway: id, operation: 'getBalance' }, credentials: credentialsFor(emulator) }));
		expect(result.error?.message).toMatch(/HTTP 503/);
		expect(result.error?.message).not.toMatch(/HTTP 503\).*HTTP 503/);
		expect(result.error?.message).not.toMatch(/<html|<head|<center|<\/|<h1/i);
	});
});
