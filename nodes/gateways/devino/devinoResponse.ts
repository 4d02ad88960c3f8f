import { SmsGatewayError, type SmsError } from '../../core/errors/SmsError';
import { errorFromTable } from '../../core/errors/errorTable';
import { DEVINO_ERRORS } from './errors';
import type { HttpResponse } from '../../core/adapter/http';
import { httpStatusError, unexpectedAnswerError } from '../../core/adapter/answerErrors';
import { parseRetryAfter } from '../../core/adapter/callGateway';
import { parseErrorBody } from './devinoWire';

export const DEVINO_NAME = 'Devino';

/** Codes that mean the session id was not accepted; nothing was processed, so a new session and one repeat are safe. */
const SESSION_REJECTED_CODES = new Set(['3', '4', '401']);

/** The error a non-2xx answer stands for: its `{Code, Desc}` through the table, or the common HTTP error. */
export function errorOfAnswer(response: HttpResponse, idempotent: boolean, now: Date): SmsError {
	const answer = parseErrorBody(response.body);
	if (!answer) return httpStatusError(DEVINO_NAME, response, idempotent, now);
	const error = errorFromTable(DEVINO_ERRORS, DEVINO_NAME, answer.code, answer.desc);
	const retryAfterSeconds = parseRetryAfter(response.headers, now);
	return {
		...error,
		...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
		message: `${error.message}${answer.desc ? ` (${answer.desc})` : ''}`,
	};
}

/** A 2xx answer of the wrong shape; `what` names the request it answered. */
export function unexpectedAnswer(response: HttpResponse, idempotent: boolean, what: string): SmsGatewayError {
	return new SmsGatewayError(unexpectedAnswerError(DEVINO_NAME, response, idempotent, `answering ${what}`));
}

export function isSessionRejected(error: unknown): boolean {
	return error instanceof SmsGatewayError && SESSION_REJECTED_CODES.has(String(error.error.gatewayCode));
}
