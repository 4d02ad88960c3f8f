import type { SmsError } from '../../core/errors/SmsError';
import { errorFromTable, smsError } from '../../core/errors/errorTable';
import { classifySmsClubReason, SMSCLUB_ERRORS, smsClubErrorKey } from './errors';
import type { HttpResponse } from '../../core/adapter/http';
import { httpStatusError, outcomeUnknownError } from '../../core/adapter/answerErrors';
import { describeBody, parseRetryAfter } from '../../core/adapter/callGateway';
import { readErrorReason } from './wire';

export const SMSCLUB_LABEL = 'SMSClub';

/**
 * The error for a non-2xx answer. SMSClub speaks in HTTP statuses; a 400's free-text reason is
 * refined by keywords (bad sender, no money, ...) because all of those arrive as "validation".
 * Statuses its document does not list are read like any other gateway's.
 */
export function errorForResponse(response: HttpResponse, idempotent: boolean, now: Date): SmsError {
	const key = smsClubErrorKey(response.status);
	// A gateway timeout means a proxy handed the request on and gave up waiting: it may have been sent.
	if (!SMSCLUB_ERRORS[key] || (!idempotent && response.status === 504)) {
		return httpStatusError(SMSCLUB_LABEL, response, idempotent, now);
	}
	const reason = readErrorReason(response.body);
	const detail = reason ? `HTTP ${response.status}: ${reason}` : describeBody(response);
	const extra = { gatewayCode: response.status, gatewayMessage: reason };
	if (response.status === 400 && reason) {
		const code = classifySmsClubReason(reason);
		if (code) return smsError(code, `${SMSCLUB_LABEL} refused the request: ${reason}`, { ...extra, retryable: false });
	}
	const error: SmsError = { ...errorFromTable(SMSCLUB_ERRORS, SMSCLUB_LABEL, key, reason), ...extra };
	error.message = `${error.message} (${detail})`;
	const retryAfterSeconds = parseRetryAfter(response.headers, now);
	// An explicit Retry-After is more precise than the table's general advice.
	if (error.retryable && retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
	return error;
}

/** One recipient the gateway listed in `add_info`; the raw reason is kept, masked of the token. */
export function errorForRefusedRecipient(reason: string, redact: (text: string) => string): SmsError {
	const safeReason = redact(reason);
	const code = classifySmsClubReason(safeReason) ?? 'unknown';
	return smsError(code, `${SMSCLUB_LABEL} did not send to this number: ${safeReason}`, {
		gatewayCode: 'add_info',
		gatewayMessage: safeReason,
		// A per-recipient refusal is the gateway's decision about this message, not a passing fault.
		retryable: false,
	});
}

export function outcomeUnknown(what: string): SmsError {
	return outcomeUnknownError(SMSCLUB_LABEL, what);
}
