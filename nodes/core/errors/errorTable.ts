import type { SmsError, SmsErrorCode } from './SmsError';

/** Codes a later identical attempt may get past; everything else needs a change by the user. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<SmsErrorCode> = new Set(['rate_limited', 'unavailable']);

export function smsError(
	code: SmsErrorCode,
	message: string,
	extra: Partial<Omit<SmsError, 'code' | 'message'>> = {},
): SmsError {
	return { code, message, retryable: RETRYABLE_BY_DEFAULT.has(code), ...extra };
}

/** One documented gateway code and what it means in our model. */
export interface ErrorTableEntry {
	code: SmsErrorCode;
	/** English explanation, shown to the user. */
	message: string;
	retryable?: boolean;
	retryAfterSeconds?: number;
	maxAttempts?: number;
}

/** Keys are the gateway's codes as strings ("-5", "453", "Error_Invalid_Login"). */
export type ErrorTable = Readonly<Record<string, ErrorTableEntry>>;

/** Maps a gateway code through its table; an unlisted code becomes `unknown` and keeps its raw value. */
export function errorFromTable(
	table: ErrorTable,
	gatewayName: string,
	gatewayCode: string | number,
	gatewayMessage?: string,
): SmsError {
	const key = String(gatewayCode).trim();
	// Only the table's own entries: a gateway code "constructor" is not a table entry.
	const entry = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
	if (!entry) {
		return smsError('unknown', `${gatewayName} returned an unrecognized error (code ${gatewayCode}${gatewayMessage ? `: ${gatewayMessage}` : ''})`, {
			gatewayCode,
			gatewayMessage,
		});
	}
	const { code, message, ...rest } = entry;
	return smsError(code, `${gatewayName}: ${message}`, { ...rest, gatewayCode, gatewayMessage });
}
