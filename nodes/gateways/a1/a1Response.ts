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
 * Turns an A1 answer into what the operation needs, or throws SmsGatewayError. Where A1 puts its
 * result codes is not public [guess], so a code in the body decides only when it is one of A1's
 * documented codes, or when the answer is 2xx. Otherwise the HTTP status decides: `{"code":500}`
 * with HTTP 500 is a server error (retried), `{"code":404}` on a status request an unknown id,
 * which a framework's generic error body would otherwise turn into an "unrecognized A1 code".
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
	const ok = response.status >= 200 && response.status < 300;
	const decidesByCode = answer?.code !== undefined && (ok || Object.prototype.hasOwnProperty.call(A1_ERRORS, answer.code));
	if (answer?.code !== undefined && decidesByCode && answer.code !== A1_SUCCESS_CODE) {
		const error = errorFromTable(A1_ERRORS, 'A1', Number(answer.code), answer.message);
		// An explicit Retry-After is more precise than the document's general advice.
		throw new SmsGatewayError(error.retryable && retryAfterSeconds !== undefined ? { ...error, retryAfterSeconds } : error);
	}
	if (!ok) {
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
