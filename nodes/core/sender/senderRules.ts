/** What one gateway accepts as the sender name (the "alpha name" shown instead of a number). */
export interface SenderRuleSet {
	/** Gateway name used in messages. */
	label: string;
	alphanumeric: {
		maxLength: number;
		/** Allowed characters besides Latin letters and digits, listed in messages. */
		punctuation: string;
		/** Any printable ASCII is allowed; `punctuation` is then ignored. */
		anyPrintableAscii?: boolean;
		/** At least one Latin letter is required. */
		requiresLetter?: boolean;
	};
	/** Digits-only senders (a phone number); undefined = not accepted, with the reason. */
	numeric: { maxDigits: number } | { forbidden: string };
}

/**
 * The GSM industry rule for an originator address (3GPP TS 23.040): 11 alphanumeric characters or
 * up to 15 digits (E.164). Gateways that document nothing stricter use it.
 */
export const GSM_ALPHANUMERIC_MAX = 11;
export const GSM_NUMERIC_MAX = 15;
