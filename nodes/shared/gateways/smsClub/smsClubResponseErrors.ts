import type { SmsError } from '../../errors/SmsError';
import { errorFromTable, smsError } from '../../errors/errorTable';
import { classifySmsClubReason, SMSCLUB_ERRORS, smsClubErrorKey } from '../../errors/smsClubErrors';
import type { HttpResponse } from '../../http';
import { describeBody, parseRetryAfter } from '../callGateway';
import { readErrorReason } from './wire';

export const SMSCLUB_LABEL = 'SMSClub';

/** Hides the token should the gateway ever echo it back in an error text. */
export function redact(text: string, secret: string): string {
	return secret ? text.split(secret).join('***') : text;
}

/**
 * The error for a non-2xx answer. SMSClub speaks in HTTP statuses; a 400's free-text reason is
 * refined by keywords (bad sender, no money, ...) because all of those arrive as "validation".
 */
export function errorForResponse(response: HttpResponse, isSend: boolean, token: string, now: Date): SmsError {
	const reasonText = readErrorReason(response.body);
	const reason = reasonText === undefined ? undefined : redact(reasonText, token);
	const detail = reason ? `HTTP ${response.status}: ${reason}` : redact(describeBody(response), token);
	const extra = { gatewayCode: response.status, gatewayMessage: reason };
	const retryAfterSeconds = parseRetryAfter(response.headers, now);

	// A gateway timeout means a proxy handed the request on and gave up waiting: it may have been sent.
	if (isSend && response.status === 504) return outcomeUnknown(`HTTP 504 ${detail}`);
	if (response.status === 404 || response.status === 405) {
		return smsError('bad_request', `${SMSCLUB_LABEL} has no such endpoint (${detail}); check the base URL`, extra);
	}
	if (response.status === 400 && reason) {
		const code = classifySmsClubReason(reason);
		if (code) return smsError(code, `${SMSCLUB_LABEL} refused the request: ${reason}`, { ...extra, retryable: false });
	}
	const key = smsClubErrorKey(response.status);
	const fromTable = errorFromTable(SMSCLUB_ERRORS, SMSCLUB_LABEL, key, reason);
	const error: SmsError = {
		...fromTable,
		message: SMSCLUB_ERRORS[key] ? `${fromTable.message} (${detail})` : `${SMSCLUB_LABEL} gave an unexpected answer (${detail})`,
		gatewayCode: response.status,
		gatewayMessage: reason,
	};
	// An explicit Retry-After is more precise than the table's general advice.
	if (error.retryable && retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
	return error;
}

/** One recipient the gateway listed in `add_info`; the raw reason is kept. */
export function errorForRefusedRecipient(reason: string, token: string): SmsError {
	const safeReason = redact(reason, token);
	const code = classifySmsClubReason(safeReason) ?? 'unknown';
	return smsError(code, `${SMSCLUB_LABEL} did not send to this number: ${safeReason}`, {
		gatewayCode: 'add_info',
		gatewayMessage: safeReason,
		// A per-recipient refusal is the gateway's decision about this message, not a passing fault.
		retryable: false,
	});
}

export function outcomeUnknown(detail: string): SmsError {
	return smsError(
		'outcome_unknown',
		`${SMSCLUB_LABEL} may have accepted the message but its answer could not be read (${detail}); it was not sent again. Check its status or the SMSClub dashboard before re-sending.`,
	);
}
