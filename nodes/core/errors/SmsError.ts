/**
 * One error model for every gateway. Tables in this folder map each documented gateway code to
 * one of these; the raw code and text are always kept.
 */
export const SMS_ERROR_CODES = [
	'invalid_number',
	'invalid_sender',
	'invalid_text',
	'invalid_schedule',
	'insufficient_funds',
	'auth_failed',
	'rate_limited',
	'unavailable',
	'duplicate',
	'blocked',
	'outside_allowed_hours',
	'invalid_message_id',
	'bad_request',
	'outcome_unknown',
	'unknown',
] as const;

export type SmsErrorCode = (typeof SMS_ERROR_CODES)[number];

export interface SmsError {
	code: SmsErrorCode;
	/** English, for people; never contains a credential. */
	message: string;
	/** True when the same request may succeed later without a change by the user. */
	retryable: boolean;
	/** How long the gateway (or its document) asks us to wait before trying again. */
	retryAfterSeconds?: number;
	/** Upper bound on attempts where the gateway's document sets one (A1: code 5, three times). */
	maxAttempts?: number;
	/** The gateway's own code (number, string or HTTP status) and text, untouched. */
	gatewayCode?: string | number;
	gatewayMessage?: string;
}

/**
 * Thrown for a failure of a whole request or operation (bad credentials, gateway down, malformed
 * answer). Failures of single recipients are returned in results instead.
 */
export class SmsGatewayError extends Error {
	readonly error: SmsError;

	constructor(error: SmsError) {
		super(error.message);
		this.name = 'SmsGatewayError';
		this.error = error;
	}
}
