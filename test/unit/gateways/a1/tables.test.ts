import { A1_ERRORS, A1_SUCCESS_CODE } from '../../../../nodes/gateways/a1/errors';
import { errorFromTable } from '../../../../nodes/core/errors/errorTable';
import { SmsGatewayError } from '../../../../nodes/core/errors/SmsError';
import { readA1Answer } from '../../../../nodes/gateways/a1/a1Answer';
import { checkA1Response } from '../../../../nodes/gateways/a1/a1Response';
import type { HttpResponse } from '../../../../nodes/core/adapter/http';
import { A1_STATUSES } from '../../../../nodes/gateways/a1/statuses';
import { normalizeStatus } from '../../../../nodes/core/status/normalizeStatus';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { STATUS_WORDS } = require('../../../emulators/a1');

const NOW = new Date('2025-01-01T00:00:00Z');

describe('A1 error table', () => {
	// A1's public API description: 0 success, 1 invalid number, 2 insufficient funds, 3 limit exceeded, 5 service unavailable.
	const documented: Array<[number, string, boolean, number | undefined, number | undefined]> = [
		[1, 'invalid_number', false, undefined, undefined],
		[2, 'insufficient_funds', false, undefined, undefined],
		[3, 'rate_limited', true, 60, undefined],
		[5, 'unavailable', true, 300, 3],
	];

	it.each(documented)('code %i maps to %s with the documented policy', (gatewayCode, code, retryable, retryAfterSeconds, maxAttempts) => {
		const error = errorFromTable(A1_ERRORS, 'A1', gatewayCode, 'text');
		expect(error).toMatchObject({ code, retryable, gatewayCode, gatewayMessage: 'text' });
		expect(error.retryAfterSeconds).toBe(retryAfterSeconds);
		expect(error.maxAttempts).toBe(maxAttempts);
		expect(error.message).toMatch(/^A1: /);
	});

	it('lists exactly the documented error codes, code 0 being success', () => {
		expect(Object.keys(A1_ERRORS).sort()).toEqual(['1', '2', '3', '5']);
		expect(A1_SUCCESS_CODE).toBe('0');
	});

	it('maps an undocumented code to unknown and keeps it', () => {
		const error = errorFromTable(A1_ERRORS, 'A1', 4, 'odd');
		expect(error).toMatchObject({ code: 'unknown', gatewayCode: 4, gatewayMessage: 'odd', retryable: false });
	});
});

describe('A1 status table', () => {
	it('maps every word the emulator uses to the state it stands for', () => {
		for (const [state, word] of Object.entries(STATUS_WORDS as Record<string, string>)) {
			expect(normalizeStatus(A1_STATUSES, word)).toMatchObject({ status: state, raw: word });
		}
	});

	it.each([
		['SCHEDULED', 'scheduled', false],
		['ACCEPTED', 'sent', false],
		['QUEUED', 'queued', false],
		['ENROUTE', 'sent', false],
		['DELIVERED', 'delivered', true],
		['EXPIRED', 'expired', true],
		['DELETED', 'undelivered', true],
		['UNDELIVERABLE', 'undelivered', true],
		['REJECTED', 'rejected', true],
		['SKIPPED', 'rejected', true],
		['UNKNOWN', 'unknown', false],
		['ACCEPTD', 'sent', false],
		['DELIVRD', 'delivered', true],
		['UNDELIV', 'undelivered', true],
		['REJECTD', 'rejected', true],
		['delivrd', 'delivered', true],
	])('SMPP word %s is %s', (word, status, final) => {
		expect(normalizeStatus(A1_STATUSES, word)).toEqual({ status, final, raw: word });
	});

	it.each([
		[0, 'scheduled'],
		[1, 'sent'],
		[2, 'delivered'],
		[3, 'expired'],
		[4, 'undelivered'],
		[5, 'undelivered'],
		[6, 'sent'],
		[7, 'unknown'],
		[8, 'rejected'],
		[9, 'rejected'],
	])('SMPP message_state %i is %s', (state, status) => {
		expect(normalizeStatus(A1_STATUSES, state)).toMatchObject({ status, raw: String(state) });
	});

	it('keeps an unknown word as raw', () => {
		expect(normalizeStatus(A1_STATUSES, 'WHATEVER')).toEqual({ status: 'unknown', final: false, raw: 'WHATEVER' });
	});
});

describe('reading A1 answers', () => {
	it.each([
		['{"code":0,"messageId":"1000"}', { code: '0', messageId: '1000' }],
		['{"result":"5","message":"down"}', { code: '5', message: 'down' }],
		['{"errorCode":3}', { code: '3' }],
		['{"result":"ok","errorCode":"2"}', { code: '2' }],
		['{"code":"0","message_id":123,"parts":"2"}', { code: '0', messageId: '123', parts: 2 }],
		['{"id":"abc"}', { messageId: 'abc' }],
		['{"data":{"messageId":"9","status":"DELIVRD"}}', { messageId: '9', status: 'DELIVRD' }],
		['{"code":0,"state":2}', { code: '0', status: '2' }],
		['{"code":0,"balance":"12,50","currency":"BYN"}', { balance: 12.5, currency: 'BYN' }],
		['{"amount":3}', { balance: 3 }],
		['{"error":{"code":5,"message":"maintenance"}}', { code: '5', message: 'maintenance' }],
	])('%s', (body, expected) => {
		expect(readA1Answer(body)).toMatchObject(expected);
	});

	it.each(['', '<html></html>', '{"code":0,"mess', '[1,2]', 'null', '"text"'])('%j is not an answer', (body) => {
		expect(readA1Answer(body)).toBeUndefined();
	});
});

describe('checking A1 responses', () => {
	const response = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({ status, body, headers });
	const errorOf = (fn: () => unknown) => {
		try {
			fn();
		} catch (error) {
			if (error instanceof SmsGatewayError) return error.error;
			throw error;
		}
		throw new Error('expected an SmsGatewayError');
	};

	it('prefers the result code in the body over the HTTP status', () => {
		expect(errorOf(() => checkA1Response(response(503, '{"result":5}'), 'send', NOW))).toMatchObject({ code: 'unavailable', retryAfterSeconds: 300 });
	});

	it('lets an explicit Retry-After override the document delay', () => {
		const error = errorOf(() => checkA1Response(response(200, '{"code":3}', { 'retry-after': '12' }), 'send', NOW));
		expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 12 });
	});

	it('reports 401 and 403 as auth_failed', () => {
		expect(errorOf(() => checkA1Response(response(401, ''), 'balance', NOW)).code).toBe('auth_failed');
		expect(errorOf(() => checkA1Response(response(403, '{"code":0}'), 'send', NOW)).code).toBe('auth_failed');
	});

	it('treats an unreadable 2xx send answer as outcome_unknown but a status answer as retryable', () => {
		expect(errorOf(() => checkA1Response(response(200, 'OK'), 'send', NOW))).toMatchObject({ code: 'outcome_unknown', retryable: false });
		expect(errorOf(() => checkA1Response(response(200, '{"code":0}'), 'status', NOW))).toMatchObject({ code: 'unavailable', retryable: true });
	});

	it('treats 504 on a send as outcome_unknown and on a read as unavailable', () => {
		expect(errorOf(() => checkA1Response(response(504, ''), 'send', NOW)).code).toBe('outcome_unknown');
		expect(errorOf(() => checkA1Response(response(504, ''), 'balance', NOW)).code).toBe('unavailable');
	});

	it('accepts code 0 without an id as sent', () => {
		expect(checkA1Response(response(200, '{"code":0}'), 'send', NOW)).toMatchObject({ code: '0' });
	});

	it('maps 404 on a status read to invalid_message_id', () => {
		expect(errorOf(() => checkA1Response(response(404, '{"message":"not found"}'), 'status', NOW))).toMatchObject({
			code: 'invalid_message_id',
			gatewayMessage: 'not found',
		});
	});
});
