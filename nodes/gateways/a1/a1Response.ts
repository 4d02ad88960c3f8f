import { SmsGatewayError, type SmsError } from '../../core/errors/SmsError';
import { errorFromTable, smsError } from '../../core/errors/errorTable';
import { A1_ERRORS, A1_SUCCESS_CODE } from './errors';
import type { HttpResponse } from '../../core/adapter/http';
import { httpStatusError, unexpectedAnswerError } from '../../core/adapter/answerErrors';
import { describeBody, parseRetryAfter } from '../../core/adapter/callGateway';
import { readA1Answer, type A1Answer } from './a1Answer';

const NAME = 'A1';

export type A1Operation = 'send' | 'status' | 'balance';

/**
 * Turns an A1 answer into what the operation needs, or throws SmsGatewayError. A result code in
 * the body wins over the HTTP status, because where A1 puts its codes is not public [guess].
 */
export function checkA1Response(response: HttpResponse, operation: A1Operation, now: Date): A1Answer {
	if (response.status === 401 || response.status === 403) {
		throw new SmsGatewayError(
			smsError(
				'auth_failed',
				`A1 rejected the credentials (HTTP ${response.status}); check the token, or the username and password, and the authentication type agreed in the contract`,
				{ gatewayCode: response.status },
			),
		);
	}
	const retryAfterSeconds = parseRetryAfter(response.headers, now);
	const answer = readA1Answer(response.body);
	if (answer?.code !== undefined && answer.code !== A1_SUCCESS_CODE) {
		const error = errorFromTable(A1_ERRORS, 'A1', Number(answer.code), answer.message);
		// An explicit Retry-After is more precise than the document's general advice.
		throw new SmsGatewayError(error.retryable && retryAfterSeconds !== undefined ? { ...error, retryAfterSeconds } : error);
	}
	if (response.status < 200 || response.status >= 300) {
		throw new SmsGatewayError(httpError(response, operation, answer, now));
	}
	if (answer && isComplete(answer, operation)) return answer;
	throw new SmsGatewayError(unexpectedAnswerError(NAME, response, operation !== 'send'));
}

function isComplete(answer: A1Answer, operation: A1Operation): boolean {
	switch (operation) {
		// Code 0 is success even without an id: the message is on its way, only untrackable.
		case 'send':
			return answer.code === A1_SUCCESS_CODE || answer.messageId !== undefined;
		case 'status':
			return answer.status !== undefined;
		case 'balance':
			return answer.balance !== undefined;
	}
}

function httpError(response: HttpResponse, operation: A1Operation, answer: A1Answer | undefined, now: Date): SmsError {
	if (operation === 'status' && response.status === 404) {
		const detail = answer?.message ? `HTTP 404: ${answer.message}` : describeBody(response);
		return smsError('invalid_message_id', `A1 has no message with this id (${detail}); if every id fails this way, check the base URL`, {
			gatewayCode: response.status,
			gatewayMessage: answer?.message,
		});
	}
	return { ...httpStatusError(NAME, response, operation !== 'send', now), gatewayMessage: answer?.message };
}
