export interface PhoneOptions {
	/** ISO 3166 alpha-2 code used for numbers typed without a country code. Default 'BY'. */
	defaultCountry?: string;
	/** Reject numbers that cannot receive SMS (fixed lines, toll-free, ...). Default true. */
	requireMobile?: boolean;
}

export type PhoneRejectionReason =
	| 'empty'
	| 'invalid_characters'
	| 'too_short'
	| 'too_long'
	| 'invalid_country_code'
	| 'invalid'
	| 'not_mobile';

export interface AcceptedPhone {
	ok: true;
	input: string;
	/** With the plus: '+375291234567'. */
	e164: string;
	/** Without the plus, as most gateways want it: '375291234567'. */
	digits: string;
	/** ISO 3166 alpha-2; absent for non-geographic numbers. */
	country?: string;
}

export interface RejectedPhone {
	ok: false;
	input: string;
	reason: PhoneRejectionReason;
	/** English, for people; quotes the input. */
	message: string;
}

export type PhoneResult = AcceptedPhone | RejectedPhone;
