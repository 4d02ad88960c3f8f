import type { SenderRules } from '../adapter/GatewayAdapter';

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

// GSM 03.40 originator address: 11 alphanumeric characters or up to 15 digits (E.164).
const GSM_ALPHANUMERIC_MAX = 11;
const GSM_NUMERIC_MAX = 15;

export const SENDER_RULES: Record<SenderRules, SenderRuleSet> = {
	// Seed 001 section 1.1; the version history (v1_0311/14, v1_3009/15) dropped numeric senders and
	// says only text names are allowed, which we read as "at least one Latin letter".
	smsAssistent: {
		label: 'SMS-assistent',
		alphanumeric: { maxLength: 11, punctuation: "_%#@!*()-.;?'&<>+=:", requiresLetter: true },
		numeric: { forbidden: 'SMS-assistent allows only text sender names (numeric ones were withdrawn in API v1_3009/15)' },
	},
	// gateways.md [seen]: "≤11 Latin or ≤15 digits". Which punctuation is allowed is a guess.
	devino: {
		label: 'Devino',
		alphanumeric: { maxLength: GSM_ALPHANUMERIC_MAX, punctuation: '-_. ' },
		numeric: { maxDigits: GSM_NUMERIC_MAX },
	},
	// Not documented: the GSM industry rule is applied (a guess).
	smsClub: {
		label: 'SMSClub',
		alphanumeric: { maxLength: GSM_ALPHANUMERIC_MAX, punctuation: '', anyPrintableAscii: true },
		numeric: { maxDigits: GSM_NUMERIC_MAX },
	},
	// Not documented (A1 publishes its API only under contract): the GSM industry rule (a guess).
	a1: {
		label: 'A1',
		alphanumeric: { maxLength: GSM_ALPHANUMERIC_MAX, punctuation: '', anyPrintableAscii: true },
		numeric: { maxDigits: GSM_NUMERIC_MAX },
	},
};
