import { SmsGatewayError, type SmsError, type SmsErrorCode } from '../../errors/SmsError';
import { errorFromTable, smsError } from '../../errors/errorTable';
import { A1_ERRORS, A1_SUCCESS_CODE } from '../../errors/a1Errors';
import type { HttpResponse } from '../../http';
import { describeBody, parseRetryAfter } from '../callGateway';
import { readA1Answer, type A1Answer } from './a1Answer';

export type A1Operation = 'send' | 'status' | 'balance';

/** HTTP statuses that carry no A1 result code; 5xx not listed here are `unavailable`. */
const HTTP_ERRORS: Readonly<Record<number, { code: SmsErrorCode; message: string }>> = {
	400: { code: 'bad_request', message: 'A1 refused the request as invalid' },
	404: { code: 'bad_request', message: 'A1 has no such endpoint; check the base URL' },
	405: { code: 'bad_request', message: 'A1 does not accept this method here; check the base URL' },
	413: { code: 'bad_request', message: 'A1 refused the request as too large' },
	415: { code: 'bad_request', message: 'A1 refused the content type' },
	422: { code: 'bad_request', message: 'A1 refused the request as invalid' },
	429: { code: 'rate_limited', message: 'A1 is limiting the request rate' },
};

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
		throw new SmsGatewayError(httpError(response, operation, answer, retryAfterSeconds));
	}
	if (answer && isComplete(answer, operation)) return answer;
	throw new SmsGatewayError(unexpectedAnswer(response, operation));
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

function httpError(response: HttpResponse, operation: A1Operation, answer: A1Answer | undefined, retryAfterSeconds?: number): SmsError {
	const detail = answer?.message ? `HTTP ${response.status}: ${answer.message}` : describeBody(response);
	const extra = { gatewayCode: response.status, gatewayMessage: answer?.message, retryAfterSeconds };
	if (operation === 'status' && response.status === 404) {
		return smsError('invalid_message_id', `A1 has no message with this id (${detail}); if every id fails this way, check the base URL`, extra);
	}
	// A gateway timeout means the upstream got the request and did not answer in time: it may have sent it.
	if (operation === 'send' && response.status === 504) return outcomeUnknown(detail);
	const entry = HTTP_ERRORS[response.status];
	if (entry) return smsError(entry.code, `${entry.message} (${detail})`, extra);
	if (response.status >= 500) return smsError('unavailable', `A1 is unavailable (${detail})`, extra);
	return smsError('bad_request', `A1 gave an unexpected answer (${detail})`, extra);
}

/**
 * A 2xx answer we cannot read. For a send the gateway processed the request and may have accepted
 * the message, so it must not be sent again. Status and balance reads are harmless to repeat and a
 * garbled answer is most often a passing proxy or network fault, so they are retryable.
 */
function unexpectedAnswer(response: HttpResponse, operation: A1Operation): SmsError {
	if (operation === 'send') return outcomeUnknown(`unreadable answer, ${describeBody(response)}`);
	return smsError('unavailable', `A1 gave an unreadable ${operation} answer (${describeBody(response)})`);
}

function outcomeUnknown(detail: string): SmsError {
	return smsError(
		'outcome_unknown',
		`A1 did not confirm the send (${detail}); the message may or may not have been sent, so it was not sent again. Check the gateway's dashboard before re-sending.`,
	);
}
