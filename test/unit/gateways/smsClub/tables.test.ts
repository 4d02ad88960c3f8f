import { errorFromTable } from '../../../../nodes/core/errors/errorTable';
import { classifySmsClubReason, SMSCLUB_ERRORS, smsClubErrorKey } from '../../../../nodes/gateways/smsClub/errors';
import { normalizeStatus } from '../../../../nodes/core/status/normalizeStatus';
import { SMSCLUB_STATUSES } from '../../../../nodes/gateways/smsClub/statuses';

/** The codes https://smsclub.mobi/en/api lists ("500x" stands for every 5xx). */
const SMSCLUB_DOCUMENTED_ERROR_CODES = ['400', '401', '429', '453', '500', '502', '503', '504'] as const;

/** The words https://smsclub.mobi/en/api lists. */
const SMSCLUB_DOCUMENTED_STATUSES = ['ENROUTE', 'DELIVRD', 'EXPIRED', 'UNDELIV', 'REJECTD'] as const;

describe('SMSClub status table', () => {
	const expected: Record<(typeof SMSCLUB_DOCUMENTED_STATUSES)[number], string> = {
		ENROUTE: 'sent',
		DELIVRD: 'delivered',
		EXPIRED: 'expired',
		UNDELIV: 'undelivered',
		REJECTD: 'rejected',
	};

	it.each(SMSCLUB_DOCUMENTED_STATUSES)('maps the documented status %s', (word) => {
		const normalized = normalizeStatus(SMSCLUB_STATUSES, word);
		expect(normalized.status).toBe(expected[word]);
		expect(normalized.raw).toBe(word);
		expect(normalized.final).toBe(word !== 'ENROUTE');
	});

	it('maps words of older accounts and ignores case and spaces', () => {
		expect(normalizeStatus(SMSCLUB_STATUSES, 'Доставлено').status).toBe('delivered');
		expect(normalizeStatus(SMSCLUB_STATUSES, 'не доставлено').status).toBe('undelivered');
		expect(normalizeStatus(SMSCLUB_STATUSES, ' delivrd ').status).toBe('delivered');
	});

	it('keeps an unknown word as unknown with its raw value', () => {
		expect(normalizeStatus(SMSCLUB_STATUSES, 'SOMETHING')).toEqual({ status: 'unknown', final: false, raw: 'SOMETHING' });
	});
});

describe('SMSClub error table', () => {
	const expected: Record<string, { code: string; retryable: boolean }> = {
		'400': { code: 'bad_request', retryable: false },
		'401': { code: 'auth_failed', retryable: false },
		'429': { code: 'rate_limited', retryable: true },
		'453': { code: 'duplicate', retryable: false },
		'500': { code: 'unavailable', retryable: true },
		'502': { code: 'unavailable', retryable: true },
		'503': { code: 'unavailable', retryable: true },
		'504': { code: 'unavailable', retryable: true },
	};

	it.each(SMSCLUB_DOCUMENTED_ERROR_CODES)('maps the documented HTTP status %s', (status) => {
		const error = errorFromTable(SMSCLUB_ERRORS, 'SMSClub', smsClubErrorKey(Number(status)));
		expect({ code: error.code, retryable: error.retryable }).toEqual(expected[status]);
	});

	it('retries 429 like any gateway: after Retry-After when given, else the policy backoff', () => {
		expect(errorFromTable(SMSCLUB_ERRORS, 'SMSClub', '429')).toMatchObject({ code: 'rate_limited', retryable: true });
		expect(SMSCLUB_ERRORS['429'].retryAfterSeconds).toBeUndefined();
	});

	it('maps every other 5xx ("500x") to unavailable', () => {
		expect(smsClubErrorKey(599)).toBe('5xx');
		expect(errorFromTable(SMSCLUB_ERRORS, 'SMSClub', smsClubErrorKey(507)).code).toBe('unavailable');
	});

	it('keeps an undocumented code as unknown with its raw value', () => {
		const error = errorFromTable(SMSCLUB_ERRORS, 'SMSClub', smsClubErrorKey(418), 'teapot');
		expect(error).toMatchObject({ code: 'unknown', gatewayCode: '418', gatewayMessage: 'teapot' });
	});

	it.each([
		['Invalid phone number', 'invalid_number'],
		['Номер телефону невірний', 'invalid_number'],
		['Number is in the stop list', 'blocked'],
		['Insufficient funds on the balance', 'insufficient_funds'],
		['Alpha name "X" is not active for this account', 'invalid_sender'],
		['Duplicate message: the same text was sent to this number less than 2 minutes ago', 'duplicate'],
		['message is required', 'invalid_text'],
	])('classifies the reason "%s" as %s', (reason, code) => {
		expect(classifySmsClubReason(reason)).toBe(code);
	});

	it('leaves an unrecognizable reason unclassified', () => {
		expect(classifySmsClubReason('Something odd happened')).toBeUndefined();
	});
});
