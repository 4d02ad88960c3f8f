import { SmsGatewayError, type SmsError } from '../../errors/SmsError';
import { errorFromTable, smsError } from '../../errors/errorTable';
import { DEVINO_ERRORS } from '../../errors/devinoErrors';
import type { HttpResponse } from '../../http';
import { describeBody, parseRetryAfter } from '../callGateway';
import { isJson, parseErrorBody } from './devinoWire';

export const DEVINO_NAME = 'Devino';

/** Codes that mean the session id was not accepted; nothing was processed, so a new session and one repeat are safe. */
const SESSION_REJECTED_CODES = new Set(['3', '4', '401']);

/** Throws the error a non-2xx answer stands for. */
export function checkStatus(response: HttpResponse, idempotent: boolean, now: Date): void {
	if (response.status >= 200 && response.status < 300) return;
	throw new SmsGatewayError(errorOfAnswer(response, idempotent, now));
}

function errorOfAnswer(response: HttpResponse, idempotent: boolean, now: Date): SmsError {
	const retryAfterSeconds = parseRetryAfter(response.headers, now);
	const hint = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
	const answer = parseErrorBody(response.body);
	if (answer) {
		const error = errorFromTable(DEVINO_ERRORS, DEVINO_NAME, answer.code, answer.desc);
		const detail = answer.desc ? ` (${answer.desc})` : '';
		return { ...error, ...hint, message: `${error.message}${detail}` };
	}
	const status = response.status;
	if (status === 429) {
		return smsError('rate_limited', `${DEVINO_NAME} is limiting the request rate (HTTP 429)`, { ...hint, gatewayCode: status });
	}
	if (status === 401) {
		return smsError('auth_failed', `${DEVINO_NAME} refused the login or session (HTTP 401)`, { gatewayCode: status });
	}
	// A proxy that timed out waiting for Devino cannot tell whether Devino processed the send.
	if (status === 504 && !idempotent) {
		return smsError('outcome_unknown', `${DEVINO_NAME} timed out behind its proxy (${describeBody(response)}); the message may or may not have been sent, so it was not sent again`, { gatewayCode: status });
	}
	if (status >= 500) {
		return smsError('unavailable', `${DEVINO_NAME} is unavailable (${describeBody(response)})`, { ...hint, gatewayCode: status });
	}
	return smsError('bad_request', `${DEVINO_NAME} refused the request (${describeBody(response)})`, { gatewayCode: status });
}

/**
 * A 2xx answer of the wrong shape. After a send the gateway may well have accepted the message,
 * so it must not be repeated (outcome_unknown). For a read, an answer that is not even JSON is
 * most likely cut short on the way (unavailable, retried); well-formed JSON of another shape
 * means the base URL points at something else (bad_request).
 */
export function unexpectedAnswer(response: HttpResponse, idempotent: boolean, what: string): SmsGatewayError {
	const description = describeBody(response);
	if (!idempotent) {
		return new SmsGatewayError(
			smsError('outcome_unknown', `${DEVINO_NAME} answered the send with something unexpected (${description}); the message may or may not have been sent, so it was not sent again`),
		);
	}
	if (!isJson(response.body)) {
		return new SmsGatewayError(smsError('unavailable', `${DEVINO_NAME} sent an unreadable answer to ${what} (${description})`));
	}
	return new SmsGatewayError(smsError('bad_request', `${DEVINO_NAME} answered ${what} with something unexpected (${description}); check the base URL`));
}

export function isSessionRejected(error: unknown): boolean {
	return error instanceof SmsGatewayError && SESSION_REJECTED_CODES.has(String(error.error.gatewayCode));
}
