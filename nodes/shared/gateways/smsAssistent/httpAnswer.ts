import { SmsGatewayError } from '../../errors/SmsError';
import { smsError } from '../../errors/errorTable';
import type { HttpResponse } from '../../http';
import { describeBody, parseRetryAfter } from '../callGateway';

export const SMS_ASSISTENT_LABEL = 'SMS-assistent';

/**
 * The API answers 200 with its own codes; any other HTTP status comes from a proxy or the web
 * server in front of it, so it means the request was refused or never processed.
 */
export function assertHttpOk(response: HttpResponse, now: Date): void {
	const { status } = response;
	if (status >= 200 && status < 300) return;
	const detail = `${SMS_ASSISTENT_LABEL} answered ${describeBody(response)}`;
	const retryAfterSeconds = parseRetryAfter(response.headers, now);
	if (status === 429) throw new SmsGatewayError(smsError('rate_limited', `${detail} (too many requests)`, { gatewayCode: status, retryAfterSeconds }));
	if (status >= 500) throw new SmsGatewayError(smsError('unavailable', detail, { gatewayCode: status, retryAfterSeconds }));
	if (status === 401 || status === 403) throw new SmsGatewayError(smsError('auth_failed', detail, { gatewayCode: status }));
	throw new SmsGatewayError(smsError('bad_request', detail, { gatewayCode: status }));
}

/**
 * A 2xx answer in neither documented shape. After a send the gateway may well have accepted the
 * package (a proxy can mangle a good answer), so repeating it could send everything twice: the
 * outcome is unknown. Reads change nothing, and a garbled answer is most often transient, so they
 * are worth a bounded retry.
 */
export function unexpectedAnswer(response: HttpResponse, reason: string, idempotent: boolean): SmsGatewayError {
	const detail = `${SMS_ASSISTENT_LABEL} gave an unexpected answer (${reason}; ${describeBody(response)})`;
	if (idempotent) return new SmsGatewayError(smsError('unavailable', detail));
	return new SmsGatewayError(
		smsError('outcome_unknown', `${detail}; the messages may or may not have been accepted, so they were not sent again. Check their status before re-sending.`),
	);
}
