import {
	parsePhoneNumberWithError,
	validatePhoneNumberLength,
	type CountryCode,
	type PhoneNumber,
} from 'libphonenumber-js/max';
import type { PhoneRejectionReason } from '../../../nodes/core/phone/PhoneResult';

/** One way of reading a string of digits: as a national number of some country, or as international. */
export type PhoneReading =
	| { valid: true; phone: PhoneNumber }
	| { valid: false; reason: PhoneRejectionReason; country?: string };

// libphonenumber's error and length verdicts; NOT_A_NUMBER is what it says of too few digits.
const REASON: Record<string, PhoneRejectionReason> = {
	NOT_A_NUMBER: 'too_short',
	TOO_SHORT: 'too_short',
	TOO_LONG: 'too_long',
	INVALID_LENGTH: 'invalid',
	INVALID_COUNTRY: 'invalid_country_code',
};

/** Reads digits as a national number of `country`, or, without a country, as if typed after a '+'. */
export function readPhoneNumber(digits: string, country?: CountryCode): PhoneReading {
	const text = country ? digits : `+${digits}`;
	let phone: PhoneNumber;
	try {
		phone = parsePhoneNumberWithError(text, country);
	} catch (error) {
		return { valid: false, reason: reasonOf(error instanceof Error ? error.message : ''), country };
	}
	if (phone.isValid()) return { valid: true, phone };
	// The number parsed, so its country code is known; the length verdict says what is wrong with the rest.
	return { valid: false, reason: reasonOf(validatePhoneNumberLength(text, country) ?? ''), country: phone.country ?? country };
}

function reasonOf(verdict: string): PhoneRejectionReason {
	return REASON[verdict] ?? 'invalid';
}
