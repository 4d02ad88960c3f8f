import { SmsGatewayError, type SmsError } from './SmsError';
import { smsError } from './errorTable';

/**
 * The kind of an unexpected error, never its text: a bug's message can quote a request or an
 * answer, and requests carry secrets that only SmsGatewayError messages are scrubbed of.
 */
export function errorKind(error: unknown): string {
	return error instanceof Error ? error.name : typeof error;
}

/**
 * Any failure as an SmsError, the one conversion every adapter and node uses. An SmsGatewayError
 * carries its own; anything else is a bug, named by its kind only. A bug while sending may have
 * struck mid-batch, so there it is `outcome_unknown`: some messages may have gone out, and the
 * error must not read as a plain failure that invites a re-send.
 */
export function toSmsError(error: unknown, during: 'send' | 'request' = 'request'): SmsError {
	if (error instanceof SmsGatewayError) return error.error;
	if (during === 'send') {
		return smsError(
			'outcome_unknown',
			`Sending stopped unexpectedly (${errorKind(error)}); some messages may have been sent, so check the gateway before re-sending`,
		);
	}
	return smsError('unknown', `The gateway adapter failed unexpectedly (${errorKind(error)})`);
}
