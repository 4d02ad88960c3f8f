import { SmsGatewayError } from '../../core/errors/SmsError';
import type { HttpResponse } from '../../core/adapter/http';
import { unexpectedAnswerError } from '../../core/adapter/answerErrors';

export const SMS_ASSISTENT_LABEL = 'SMS-assistent';

/** A 2xx answer in neither documented shape (see unexpectedAnswerError for why sends are not repeated). */
export function unexpectedAnswer(response: HttpResponse, reason: string, idempotent: boolean): SmsGatewayError {
	return new SmsGatewayError(unexpectedAnswerError(SMS_ASSISTENT_LABEL, response, idempotent, reason));
}
