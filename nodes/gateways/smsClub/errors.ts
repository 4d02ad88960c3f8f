import type { SmsErrorCode } from '../../core/errors/SmsError';
import type { ErrorTable } from '../../core/errors/errorTable';

/**
 * SMSClub answers errors with HTTP status codes (https://smsclub.mobi/en/api). "500x" there means any 5xx;
 * `5xx` is the entry for those not listed one by one.
 */
export const SMSCLUB_ERRORS: ErrorTable = {
	'400': { code: 'bad_request', message: 'the request failed input validation' },
	'401': { code: 'auth_failed', message: 'the token was not accepted (check the bearer token in the credential)' },
	// Waits as for any gateway's 429: Retry-After when given, else the retry policy's backoff.
	'429': { code: 'rate_limited', message: 'too many requests per unit of time' },
	// Re-sending would be refused again for two minutes and would be a duplicate anyway.
	'453': { code: 'duplicate', message: 'the same message was sent to this number less than 2 minutes ago', retryable: false },
	'500': { code: 'unavailable', message: 'the service is temporarily unavailable' },
	'502': { code: 'unavailable', message: 'the service is temporarily unavailable' },
	'503': { code: 'unavailable', message: 'the service is temporarily unavailable' },
	'504': { code: 'unavailable', message: 'the service is temporarily unavailable' },
	'5xx': { code: 'unavailable', message: 'the service is temporarily unavailable' },
};

/** Table key for an HTTP status: its own entry, or the 5xx catch-all. */
export function smsClubErrorKey(httpStatus: number): string {
	if (SMSCLUB_ERRORS[String(httpStatus)]) return String(httpStatus);
	return httpStatus >= 500 && httpStatus <= 599 ? '5xx' : String(httpStatus);
}

/**
 * The gateway explains per-recipient failures (`add_info`) and validation errors (400) in free
 * text that is not documented, so they are classified by keywords; the raw text is always kept.
 * Order matters: a "blocked number" is `blocked`, not `invalid_number`. [guess] for all words.
 */
export const SMSCLUB_REASON_KEYWORDS: ReadonlyArray<{ pattern: RegExp; code: SmsErrorCode }> = [
	{ pattern: /duplicat|дубл|повтор/i, code: 'duplicate' },
	{ pattern: /black ?list|stop ?list|block|заблок|блок|чорн|черн/i, code: 'blocked' },
	{ pattern: /balance|money|funds|credit|баланс|кошт|средств|грош|денег/i, code: 'insufficient_funds' },
	{ pattern: /alpha|sender|originator|src_addr|альфа|відправник|отправител/i, code: 'invalid_sender' },
	{ pattern: /phone|number|recipient|номер|телефон|абонент/i, code: 'invalid_number' },
	{ pattern: /text|message|текст|повідомлен|сообщени/i, code: 'invalid_text' },
];

export function classifySmsClubReason(reason: string): SmsErrorCode | undefined {
	return SMSCLUB_REASON_KEYWORDS.find(({ pattern }) => pattern.test(reason))?.code;
}
