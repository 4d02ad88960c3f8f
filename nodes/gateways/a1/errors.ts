import type { ErrorTable } from '../../core/errors/errorTable';

/**
 * A1 (Belarus) result codes, from the only public description of the API (integration guides for 1C-Bitrix); the vendor's
 * own documentation comes with the contract. The retry policy is the document's own advice.
 */

/** Code 0: accepted; keep the messageId for status tracking. */
export const A1_SUCCESS_CODE = '0';

export const A1_ERRORS: ErrorTable = {
	'1': {
		code: 'invalid_number',
		message: 'invalid phone number (code 1); check the number, the message was not sent',
		retryable: false,
	},
	'2': {
		code: 'insufficient_funds',
		message: 'insufficient funds on the account (code 2); top up the A1 balance',
		retryable: false,
	},
	'3': {
		code: 'rate_limited',
		message: 'sending limit exceeded (code 3); A1 advises to retry in 60 seconds',
		retryable: true,
		retryAfterSeconds: 60,
	},
	'5': {
		code: 'unavailable',
		message: 'service unavailable (code 5); A1 advises to retry in 300 seconds, at most 3 attempts',
		retryable: true,
		retryAfterSeconds: 300,
		maxAttempts: 3,
	},
};
