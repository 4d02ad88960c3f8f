import { SMS_ERROR_CODES } from '../../../../nodes/core/errors/SmsError';
import { errorFromTable } from '../../../../nodes/core/errors/errorTable';
import { SMS_ASSISTENT_ERRORS } from '../../../../nodes/gateways/smsAssistent/errors';
import { formatDateSend } from '../../../../nodes/gateways/smsAssistent/minskTime';
import { validityHours, validitySeconds } from '../../../../nodes/gateways/smsAssistent/smsAssistentPackage';
import { normalizeStatus } from '../../../../nodes/core/status/normalizeStatus';
import { SMS_ASSISTENT_STATUSES } from '../../../../nodes/gateways/smsAssistent/statuses';

/** Belarus keeps UTC+3 all year. */
const MINSK_OFFSET_MS = 3 * 60 * 60_000;

/** The instant a `date_send` value stands for; undefined when it is not a real YYYYMMDDHHMM. */
function parseDateSend(value: string): Date | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
	if (!match) return undefined;
	const [y, mo, d, h, mi] = match.slice(1).map(Number);
	const wallClock = Date.UTC(y, mo - 1, d, h, mi);
	const check = new Date(wallClock);
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || check.getUTCMinutes() !== mi) {
		return undefined;
	}
	return new Date(wallClock - MINSK_OFFSET_MS);
}

/** The English words the API documents, for tests and the emulator. */
const SMS_ASSISTENT_STATUS_WORDS = ['Queued', 'Sent', 'Delivered', 'Expired', 'Rejected', 'Unknown', 'Failed'] as const;

describe('SMS-assistent status table', () => {
	// SMS-assistent's API description, section 1.3.
	const expected: Record<(typeof SMS_ASSISTENT_STATUS_WORDS)[number], string> = {
		Queued: 'queued',
		Sent: 'sent',
		Delivered: 'delivered',
		Expired: 'expired',
		Rejected: 'undelivered',
		Unknown: 'unknown',
		Failed: 'failed',
	};

	it.each(SMS_ASSISTENT_STATUS_WORDS.map((word) => [word, expected[word]]))('%s → %s', (word, status) => {
		expect(normalizeStatus(SMS_ASSISTENT_STATUSES, word)).toMatchObject({ status, raw: word });
	});

	it('maps the Russian API descriptions the same way as the English words', () => {
		const russian: Record<string, string> = {
			'В очереди': 'Queued',
			'Отправлено': 'Sent',
			'Доставлено': 'Delivered',
			'Просрочено': 'Expired',
			'Не доставлено': 'Rejected',
			'Неизвестен': 'Unknown',
			'Не отправлено': 'Failed',
		};
		for (const [word, english] of Object.entries(russian)) {
			expect(normalizeStatus(SMS_ASSISTENT_STATUSES, word).status).toBe(normalizeStatus(SMS_ASSISTENT_STATUSES, english).status);
		}
	});

	it('keeps an unlisted word as raw with status unknown', () => {
		expect(normalizeStatus(SMS_ASSISTENT_STATUSES, 'Moderation')).toEqual({ status: 'unknown', final: false, raw: 'Moderation' });
	});
});

describe('SMS-assistent error table', () => {
	// SMS-assistent's API description, section 1.2, then the newer codes of API v1.2.
	const documentedCodes: Array<[number, string]> = [
		[-1, 'insufficient_funds'],
		[-2, 'auth_failed'],
		[-3, 'invalid_text'],
		[-4, 'invalid_number'],
		[-5, 'invalid_sender'],
		[-6, 'auth_failed'],
		[-7, 'auth_failed'],
		[-10, 'unavailable'],
		[-11, 'invalid_message_id'],
		[-12, 'bad_request'],
		[-13, 'blocked'],
		[-14, 'outside_allowed_hours'],
		[-15, 'invalid_schedule'],
		[-24, 'bad_request'],
		[-27, 'blocked'],
	];

	it.each(documentedCodes)('%i → %s', (code, expected) => {
		const error = errorFromTable(SMS_ASSISTENT_ERRORS, 'SMS-assistent', code);
		expect(error.code).toBe(expected);
		expect(error.gatewayCode).toBe(code);
		expect(error.message).toMatch(/^SMS-assistent: \S/);
	});

	it('covers every code from -1 to -27 except the unused -8 and -9', () => {
		const listed = Object.keys(SMS_ASSISTENT_ERRORS).map(Number).sort((a, b) => b - a);
		const expected = Array.from({ length: 27 }, (_, i) => -(i + 1)).filter((c) => c !== -8 && c !== -9);
		expect(listed).toEqual(expected);
		for (const entry of Object.values(SMS_ASSISTENT_ERRORS)) expect(SMS_ERROR_CODES).toContain(entry.code);
	});

	it('retries only "service temporarily unavailable"', () => {
		const retryable = Object.keys(SMS_ASSISTENT_ERRORS).filter((c) => errorFromTable(SMS_ASSISTENT_ERRORS, 'x', c).retryable);
		expect(retryable).toEqual(['-10']);
	});

	it('says when the meaning of a newer code is a guess', () => {
		for (const code of ['-16', '-20', '-23', '-26']) expect(SMS_ASSISTENT_ERRORS[code].message).toMatch(/not confirmed/);
		for (const code of ['-24', '-27']) expect(SMS_ASSISTENT_ERRORS[code].message).not.toMatch(/not confirmed/);
	});

	it('maps an unknown code to unknown and keeps it', () => {
		expect(errorFromTable(SMS_ASSISTENT_ERRORS, 'SMS-assistent', -99)).toMatchObject({ code: 'unknown', gatewayCode: -99, retryable: false });
	});
});

describe('date_send in Minsk time', () => {
	it('formats an instant as YYYYMMDDHHMM at UTC+3', () => {
		expect(formatDateSend(new Date('2016-12-24T22:59:00Z'))).toBe('201612250159');
	});

	it('rounds seconds up to the next minute, never earlier than asked', () => {
		expect(formatDateSend(new Date('2024-03-31T20:59:01Z'))).toBe('202404010000');
		expect(formatDateSend(new Date('2024-06-01T09:15:00.000Z'))).toBe('202406011215');
	});

	it('parses back to the same instant and refuses impossible dates', () => {
		expect(parseDateSend('201612250159')?.toISOString()).toBe('2016-12-24T22:59:00.000Z');
		expect(parseDateSend('201602300100')).toBeUndefined();
		expect(parseDateSend('2016122501')).toBeUndefined();
	});
});

describe('validity units', () => {
	it('JSON takes whole hours, at least 1 and at most 48', () => {
		expect(validityHours(30)).toBe(1);
		expect(validityHours(24 * 60)).toBe(24);
		expect(validityHours(72 * 60)).toBe(48);
	});

	it('XML takes seconds, at most 172800', () => {
		expect(validitySeconds(90)).toBe(5400);
		expect(validitySeconds(72 * 60)).toBe(172800);
	});
});
