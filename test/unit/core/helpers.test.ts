import { NodeApiError } from 'n8n-workflow';
import { TransportError } from '../../../nodes/core/adapter/http';
import { toTransportError } from '../../../nodes/glue/n8nTransport';
import { validateSchedule, validateValidity } from '../../../nodes/core/message/schedule';
import { splitRecipientList } from '../../../nodes/core/batch/splitRecipientList';
import { findDuplicates } from '../../../nodes/core/batch/findDuplicates';
import { balanceCovers, estimateCost } from '../../../nodes/core/batch/costEstimate';

const node = { id: '1', name: 'SMS Gateway', type: 'smsGateway', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

/** The secrets sit in the config and in every text, as n8n's wrappers may quote the request. */
function axiosLikeError(code: string) {
	const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:1 password=Top-Secret-0`), { code });
	return Object.assign(new Error(`request failed: ${code} (body password=Top-Secret-1)`), {
		name: 'AxiosError',
		isAxiosError: true,
		code,
		config: { body: 'password=Top-Secret-1', headers: { Authorization: 'Bearer Top-Secret-2' } },
		cause,
	});
}

describe('toTransportError', () => {
	test.each([
		['ECONNREFUSED', 'not_sent'],
		['ENOTFOUND', 'not_sent'],
		['EAI_AGAIN', 'not_sent'],
		['ECONNRESET', 'no_response'],
		['ECONNABORTED', 'no_response'],
		['ETIMEDOUT', 'no_response'],
		['EPIPE', 'no_response'],
	])('%s → %s, also when n8n wraps it in a NodeApiError', (code, failure) => {
		for (const error of [axiosLikeError(code), new NodeApiError(node, axiosLikeError(code) as never)]) {
			const converted = toTransportError(error);
			expect(converted).toBeInstanceOf(TransportError);
			expect(converted.failure).toBe(failure);
			expect(converted.message).toContain(code);
			expect(converted.message).not.toMatch(/Top-Secret/);
		}
	});

	test('an error without a code may have reached the server', () => {
		const converted = toTransportError(new Error('socket hang up, token=Top-Secret-3'));
		expect(converted.failure).toBe('no_response');
		expect(converted.message).not.toMatch(/Top-Secret/);
	});
});

describe('validateSchedule', () => {
	const now = new Date('2030-06-01T12:00:00Z');
	const limits = { minScheduleLeadMinutes: 10 };

	test('empty means now', () => {
		expect(validateSchedule('', limits, 'X', now)).toEqual({ ok: true });
		expect(validateSchedule(undefined, limits, 'X', now)).toEqual({ ok: true });
	});

	test('refuses the past, too little lead time, nonsense and gateways without scheduling', () => {
		expect(validateSchedule('2030-06-01T11:00:00Z', limits, 'X', now)).toMatchObject({ ok: false, message: expect.stringMatching(/past/) });
		expect(validateSchedule('2030-06-01T12:05:00Z', limits, 'X', now)).toMatchObject({ ok: false, message: expect.stringMatching(/at least 10 minutes/) });
		expect(validateSchedule('tomorrow-ish', limits, 'X', now)).toMatchObject({ ok: false });
		expect(validateSchedule('2030-06-02T12:00:00Z', {}, 'A1', now)).toMatchObject({ ok: false, message: expect.stringMatching(/A1 does not support/) });
	});

	test("reads a date-picker value without offset in the workflow's time zone", () => {
		const check = validateSchedule('2030-06-01T18:30:00', limits, 'X', now, 'Europe/Minsk');
		expect(check).toEqual({ ok: true, sendAt: new Date('2030-06-01T15:30:00Z') });
		const kyiv = validateSchedule('2030-01-15T09:00', limits, 'X', new Date('2030-01-01T00:00:00Z'), 'Europe/Kyiv');
		expect(kyiv).toEqual({ ok: true, sendAt: new Date('2030-01-15T07:00:00Z') });
		expect(validateSchedule('2030-06-01T18:30:00+03:00', limits, 'X', now, 'UTC')).toEqual({ ok: true, sendAt: new Date('2030-06-01T15:30:00Z') });
	});
});

describe('validateValidity', () => {
	test('hours to minutes within the gateway cap', () => {
		expect(validateValidity(0, { maxValidityMinutes: 2880, offersValidity: true }, 'X')).toEqual({ ok: true });
		expect(validateValidity(24, { maxValidityMinutes: 2880, offersValidity: true }, 'X')).toEqual({ ok: true, validityMinutes: 1440 });
		expect(validateValidity(49, { maxValidityMinutes: 2880, offersValidity: true }, 'SMS-assistent')).toMatchObject({ ok: false, message: expect.stringMatching(/at most 48 hours/) });
		expect(validateValidity(-1, { offersValidity: true }, 'X')).toMatchObject({ ok: false });
	});
});

describe('splitRecipientList', () => {
	test('separators, spaced numbers and arrays', () => {
		expect(splitRecipientList('+375291000001, +375 29 100 00 02;+375291000003\n8 029 100-00-04')).toEqual([
			'+375291000001',
			'+375 29 100 00 02',
			'+375291000003',
			'8 029 100-00-04',
		]);
		expect(splitRecipientList('+375291000001 +375291000002')).toEqual(['+375291000001', '+375291000002']);
		expect(splitRecipientList(['+375291000001', 375291000002, { phone: '+375291000003' }])).toEqual(['+375291000001', '375291000002', '+375291000003']);
		expect(splitRecipientList('  ,; \n')).toEqual([]);
	});
});

describe('batch planning', () => {
	test('findDuplicates points at the first occurrence and ignores invalid entries', () => {
		expect(findDuplicates(['a', 'b', 'a', undefined, undefined, 'b', 'a'])).toEqual([undefined, undefined, 0, undefined, undefined, 1, 0]);
	});

	test('estimateCost sums parts, prices them and tells the balance after', () => {
		expect(estimateCost([1, 2, 3])).toEqual({ messages: 3, parts: 6, cost: undefined, pricePerPart: undefined, balanceBefore: undefined, balanceAfter: undefined, unit: undefined });
		const estimate = estimateCost([1, 2], 0.1, { amount: 1, unit: 'BYN' });
		expect(estimate).toMatchObject({ parts: 3, cost: 0.3, balanceBefore: 1, balanceAfter: 0.7, unit: 'BYN' });
		expect(balanceCovers(estimate)).toBe(true);
		expect(balanceCovers(estimateCost([20], 0.1, { amount: 1, unit: 'BYN' }))).toBe(false);
		expect(balanceCovers(estimateCost([20], undefined, { amount: 1, unit: 'BYN' }))).toBeUndefined();
	});
});
