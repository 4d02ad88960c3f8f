import type { SmsError } from '../errors/SmsError';
import { smsError } from '../errors/errorTable';
import type { HttpResponse } from './http';
import { statusOf } from '../status/normalizeStatus';
import { describeBody, parseRetryAfter } from './callGateway';
import type { OutgoingSms, SendResult } from './GatewayAdapter';

/**
 * The errors every adapter meets the same way, so the same situation reads the same whatever the
 * gateway: a send that may have gone out, a 2xx answer in no documented shape, and an HTTP error
 * status that carries none of the gateway's own codes.
 */

/** A send whose outcome we cannot know; it is never repeated (outcome_unknown is not retryable). */
export function outcomeUnknownError(gatewayName: string, what: string, extra: Partial<SmsError> = {}): SmsError {
	return smsError(
		'outcome_unknown',
		`${gatewayName} ${what}; the message may or may not have been sent, so it was not sent again. Check its status or the gateway's dashboard before re-sending.`,
		extra,
	);
}

/**
 * A 2xx answer in no documented shape. After a send the gateway processed the request and may
 * have accepted the message (a proxy can mangle a good answer), so the outcome is unknown. Reads
 * change nothing and a garbled answer is most often a passing fault, so they are worth a retry.
 */
export function unexpectedAnswerError(gatewayName: string, response: HttpResponse, idempotent: boolean, reason?: string): SmsError {
	const detail = `${reason ? `${reason}; ` : ''}${describeBody(response)}`;
	if (!idempotent) return outcomeUnknownError(gatewayName, `gave an unreadable answer to the send (${detail})`);
	return smsError('unavailable', `${gatewayName} gave an unreadable answer (${detail})`);
}

/**
 * An HTTP error status without a documented gateway code (a proxy, a web server, an HTML page).
 * A 504 on a send is the one 5xx that says the request went on to the gateway and was not
 * answered in time, so the message may have gone out; other 5xx say the request was not served.
 */
export function httpStatusError(gatewayName: string, response: HttpResponse, idempotent: boolean, now: Date): SmsError {
	const { status } = response;
	const detail = describeBody(response);
	const extra = { gatewayCode: status };
	const retryAfterSeconds = parseRetryAfter(response.headers, now);
	const hint = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
	if (status === 429) return smsError('rate_limited', `${gatewayName} is limiting the request rate (${detail})`, { ...extra, ...hint });
	if (status === 401 || status === 403) return smsError('auth_failed', `${gatewayName} refused the credentials (${detail})`, extra);
	if (status === 404 || status === 405) return smsError('bad_request', `${gatewayName} has no such endpoint (${detail}); check the base URL`, extra);
	if (status === 504 && !idempotent) return outcomeUnknownError(gatewayName, `timed out behind its proxy (${detail})`, extra);
	if (status >= 500) return smsError('unavailable', `${gatewayName} is unavailable (${detail})`, { ...extra, ...hint });
	return smsError('bad_request', `${gatewayName} refused the request (${detail})`, extra);
}

/** A message that was not accepted. Whether an outcome_unknown message went out is exactly what we do not know. */
export function failedSendResult(message: OutgoingSms, error: SmsError): SendResult {
	return { ref: message.ref, to: message.to, status: statusOf(error.code === 'outcome_unknown' ? 'unknown' : 'failed'), error };
}
