import { errorFromTable } from '../../../../nodes/core/errors/errorTable';
import type { SmsErrorCode } from '../../../../nodes/core/errors/SmsError';
import { DEVINO_ERRORS } from '../../../../nodes/gateways/devino/errors';
import { combinePartStatuses } from '../../../../nodes/gateways/devino/combinePartStatuses';
import { assignPartIds, joinPartIds, splitMessageId } from '../../../../nodes/gateways/devino/devinoMessageId';
import { formEncode, parseBalance, parseSegmentIds, parseSessionId, parseState, toMoscowTime } from '../../../../nodes/gateways/devino/devinoWire';
import { DEVINO_STATUSES } from '../../../../nodes/gateways/devino/statuses';
import { normalizeStatus, statusOf } from '../../../../nodes/core/status/normalizeStatus';
import type { SmsStatus } from '../../../../nodes/core/status/SmsStatus';

/** The operation status that means success. */
const DEVINO_OPERATION_OK = 'OK_Operation_Completed';

/** REST codes and their HTTP statuses, as the integrationapi.net REST description gives them. */
const DEVINO_ERROR_HTTP_STATUS: Readonly<Record<number, number>> = {
	1: 400,
	2: 400,
	3: 400,
	4: 401,
	5: 403,
	6: 400,
	7: 403,
	8: 500,
	9: 500,
};

/** Every operation status the integrationapi.net 1C module lists, in its order. */
const DEVINO_1C_OPERATION_STATUSES = [
	'OK_Operation_Completed',
	'Error_Not_Enough_Credits',
	'Error_Message_Rejected',
	'Error_Invalid_Source_Address',
	'Error_Invalid_Destination_Address',
	'Error_SMS_User_Disabled',
	'Error_Invalid_MessageID',
	'Error_Invalid_Header',
	'Error_Invalid_Login',
	'Error_Invalid_Password',
	'Error_Unauthorised_IP_Address',
	'Error_SMS_User_Not_Activated',
	'Error_Message_Queue_Full',
	'Error_Gateway_Offline',
	'Error_Gateway_Busy',
	'Error_Database_Offline',
] as const;

/** The REST states the integrationapi.net REST description lists. */
const DEVINO_DOCUMENTED_STATES = [-98, -2, -1, 0, 10, 11, 41, 42, 46, 47, 48, 69, 99, 255] as const;

/** The message statuses the integrationapi.net 1C module lists. */
const DEVINO_1C_MESSAGE_STATUSES = [
	'Enqueued',
	'Delivered_To_Gateway',
	'Sent',
	'Delivered_To_Recipient',
	'Error_Invalid_Destination_Address',
	'Error_Invalid_Source_Address',
	'Error_Rejected',
	'Error_Expired',
] as const;

describe('Devino status table', () => {
	// The REST description: -2 queued, -1 sent, 0 delivered, 10 bad sender, 11 bad recipient,
	// 41 recipient not allowed, 42 rejected by SMSC, 46 expired, 47 deleted, 48 rejected by platform,
	// 69 rejected, 99 unknown, 255 not found yet / older than 48 h, -98 stopped.
	const expected: Record<number, SmsStatus> = {
		[-98]: 'failed',
		[-2]: 'queued',
		[-1]: 'sent',
		0: 'delivered',
		10: 'rejected',
		11: 'undelivered',
		41: 'rejected',
		42: 'rejected',
		46: 'expired',
		47: 'failed',
		48: 'rejected',
		69: 'rejected',
		99: 'unknown',
		255: 'unknown',
	};

	test.each(DEVINO_DOCUMENTED_STATES.map((state) => [state]))('REST state %d', (state) => {
		expect(normalizeStatus(DEVINO_STATUSES, state)).toEqual(statusOf(expected[state], String(state)));
	});

	test('the documented list is the whole list', () => {
		expect([...DEVINO_DOCUMENTED_STATES].sort((a, b) => a - b)).toEqual(Object.keys(expected).map(Number).sort((a, b) => a - b));
	});

	const expected1C: Record<string, SmsStatus> = {
		Enqueued: 'queued',
		Delivered_To_Gateway: 'sent',
		Sent: 'sent',
		Delivered_To_Recipient: 'delivered',
		Error_Invalid_Destination_Address: 'undelivered',
		Error_Invalid_Source_Address: 'rejected',
		Error_Rejected: 'rejected',
		Error_Expired: 'expired',
	};

	test.each(DEVINO_1C_MESSAGE_STATUSES.map((word) => [word]))('1C message status %s', (word) => {
		expect(normalizeStatus(DEVINO_STATUSES, word).status).toBe(expected1C[word]);
		expect(normalizeStatus(DEVINO_STATUSES, word.toLowerCase()).status).toBe(expected1C[word]);
	});

	test('anything else is unknown and keeps its raw value', () => {
		expect(normalizeStatus(DEVINO_STATUSES, 12)).toEqual({ status: 'unknown', final: false, raw: '12' });
		expect(normalizeStatus(DEVINO_STATUSES, 'Something_Else')).toEqual({ status: 'unknown', final: false, raw: 'Something_Else' });
	});
});

describe('Devino error table', () => {
	const expected: Record<number, [SmsErrorCode, boolean, number]> = {
		1: ['bad_request', false, 400],
		2: ['bad_request', false, 400],
		3: ['auth_failed', false, 400],
		4: ['auth_failed', false, 401],
		5: ['insufficient_funds', false, 403],
		6: ['bad_request', false, 400],
		7: ['blocked', false, 403],
		8: ['unavailable', true, 500],
		9: ['unavailable', true, 500],
	};

	test.each(Object.keys(expected).map((code) => [Number(code)]))('REST code %d', (code) => {
		const [smsCode, retryable, httpStatus] = expected[code];
		const error = errorFromTable(DEVINO_ERRORS, 'Devino', code, 'desc');
		expect(error).toMatchObject({ code: smsCode, retryable, gatewayCode: code, gatewayMessage: 'desc' });
		expect(error.message).toMatch(/^Devino: /);
		expect(DEVINO_ERROR_HTTP_STATUS[code]).toBe(httpStatus);
	});

	const expected1C: Record<string, SmsErrorCode | 'ok'> = {
		OK_Operation_Completed: 'ok',
		Error_Not_Enough_Credits: 'insufficient_funds',
		Error_Message_Rejected: 'blocked',
		Error_Invalid_Source_Address: 'invalid_sender',
		Error_Invalid_Destination_Address: 'invalid_number',
		Error_SMS_User_Disabled: 'blocked',
		Error_Invalid_MessageID: 'invalid_message_id',
		Error_Invalid_Header: 'bad_request',
		Error_Invalid_Login: 'auth_failed',
		Error_Invalid_Password: 'auth_failed',
		Error_Unauthorised_IP_Address: 'auth_failed',
		Error_SMS_User_Not_Activated: 'auth_failed',
		Error_Message_Queue_Full: 'rate_limited',
		Error_Gateway_Offline: 'unavailable',
		Error_Gateway_Busy: 'unavailable',
		Error_Database_Offline: 'unavailable',
	};

	test('the 1C module lists sixteen operation statuses, all covered', () => {
		expect(DEVINO_1C_OPERATION_STATUSES).toHaveLength(16);
		expect([...DEVINO_1C_OPERATION_STATUSES].sort()).toEqual(Object.keys(expected1C).sort());
	});

	test.each(DEVINO_1C_OPERATION_STATUSES.map((status) => [status]))('1C operation status %s', (status) => {
		if (expected1C[status] === 'ok') {
			expect(status).toBe(DEVINO_OPERATION_OK);
			expect(DEVINO_ERRORS[status]).toBeUndefined();
			return;
		}
		expect(errorFromTable(DEVINO_ERRORS, 'Devino', status).code).toBe(expected1C[status]);
	});

	test('an unlisted code is unknown and keeps its raw value', () => {
		expect(errorFromTable(DEVINO_ERRORS, 'Devino', 42, 'odd')).toMatchObject({ code: 'unknown', gatewayCode: 42, gatewayMessage: 'odd' });
	});
});

describe('combining the statuses of a message’s parts', () => {
	const s = (status: SmsStatus, raw: string) => statusOf(status, raw);

	test.each<[string, SmsStatus[], SmsStatus]>([
		['all delivered', ['delivered', 'delivered', 'delivered'], 'delivered'],
		['one failed, others delivered', ['delivered', 'undelivered'], 'undelivered'],
		['the first failure wins', ['sent', 'expired', 'rejected'], 'expired'],
		['a failure beats progress', ['queued', 'failed'], 'failed'],
		['least advanced: queued', ['sent', 'queued', 'delivered'], 'queued'],
		['least advanced: scheduled before sent', ['sent', 'scheduled'], 'scheduled'],
		['least advanced: sent', ['delivered', 'sent'], 'sent'],
		['a part not found yet makes it unknown', ['delivered', 'unknown'], 'unknown'],
	])('%s', (_name, parts, expected) => {
		const combined = combinePartStatuses(parts.map((status, i) => s(status, String(i))));
		expect(combined.status).toBe(expected);
		expect(combined.raw).toBe(parts.map((_, i) => String(i)).join(','));
	});

	test('a one-part message is its part', () => {
		expect(combinePartStatuses([s('sent', '-1')])).toEqual(s('sent', '-1'));
	});
});

describe('Devino ids and wire format', () => {
	test('part ids are split per recipient, in order', () => {
		expect(assignPartIds(['1', '2', '3', '4', '5', '6'], 3, 2)).toEqual([['1', '2'], ['3', '4'], ['5', '6']]);
		// Devino counted one part where we counted two: its ids still divide evenly, so its count wins.
		expect(assignPartIds(['1', '2', '3'], 3, 2)).toEqual([['1'], ['2'], ['3']]);
		expect(assignPartIds(['1', '2', '3'], 2, 1)).toBeUndefined();
		expect(assignPartIds([], 1, 1)).toBeUndefined();
	});

	test('composite ids round-trip; anything else is refused', () => {
		expect(joinPartIds(['4259367936', '4259367937'])).toBe('4259367936+4259367937');
		expect(splitMessageId('4259367936+4259367937')).toEqual(['4259367936', '4259367937']);
		expect(splitMessageId('4259367936')).toEqual(['4259367936']);
		for (const bad of ['', 'abc', '1+', '+1', '1,2', '-5']) expect(splitMessageId(bad)).toBeUndefined();
	});

	test('segment ids keep every digit, as strings or numbers', () => {
		expect(parseSegmentIds('["4259367936","4259367937"]')).toEqual(['4259367936', '4259367937']);
		expect(parseSegmentIds('[98765432109876543210, 1]')).toEqual(['98765432109876543210', '1']);
		for (const bad of ['[]', '{}', '["a"]', '[1.5]', '["1",', '"1"']) expect(parseSegmentIds(bad)).toBeUndefined();
	});

	test('session, balance and state answers', () => {
		expect(parseSessionId('"2c4b6f0e-9a1d-4e55-8f3a-0b7c1d2e3f40"')).toBe('2c4b6f0e-9a1d-4e55-8f3a-0b7c1d2e3f40');
		expect(parseSessionId('"short"')).toBeUndefined();
		expect(parseSessionId('{"Code":4}')).toBeUndefined();
		expect(parseBalance('12.5')).toBe(12.5);
		expect(parseBalance('"12.5"')).toBe(12.5);
		expect(parseBalance('"abc"')).toBeUndefined();
		expect(parseState('{"State":-1,"StateDescription":"Sent"}')).toEqual({ state: '-1', description: 'Sent' });
		expect(parseState('{"State":"x"}')).toBeUndefined();
		expect(parseState('[1]')).toBeUndefined();
	});

	test('sendDate is Moscow wall-clock time without an offset', () => {
		expect(toMoscowTime(new Date('2030-06-30T22:15:00Z'))).toBe('2030-07-01T01:15:00');
	});

	test('repeated fields stay repeated in the form body', () => {
		expect(formEncode([['destinationAddresses', '1'], ['destinationAddresses', '2'], ['data', 'Привет & +']])).toBe(
			'destinationAddresses=1&destinationAddresses=2&data=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82+%26+%2B',
		);
	});
});
