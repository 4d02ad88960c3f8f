import { SmsGatewayError } from '../../core/errors/SmsError';
import type { HttpResponse } from '../../core/adapter/http';
import { httpStatusError, unexpectedAnswerError } from '../../core/adapter/answerErrors';

export const SMS_ASSISTENT_LABEL = 'SMS-assistent';

/**
 * The API answers 200 with its own codes; any other HTTP status comes from a proxy or the web
 * server in front of it and carries none of them.
 */
export function assertHttpOk(response: HttpResponse, idempotent: boolean, now: Date): void {
	if (response.status >= 200 && response.status < 300) return;
	throw new SmsGatewayError(httpStatusError(SMS_ASSISTENT_LABEL, response, idempotent, now));
}

/** A 2xx answer in neither documented shape (see unexpectedAnswerError for why sends are not repeated). */
export function unexpectedAnswer(response: HttpResponse, reason: string, idempotent: boolean): SmsGatewayError {
	return new SmsGatewayError(unexpectedAnswerError(SMS_ASSISTENT_LABEL, response, idempotent, reason));
}
