import { ParseError, parsePhoneNumberWithError, type CountryCode, type NumberType, type PhoneNumber } from 'libphonenumber-js/max';
import { checkNumberLength, numberingPlan } from './numberingPlan';
import type { PhoneRejectionReason } from './PhoneResult';

/** One way of reading a string of digits: as a national number of some country, or as international. */
export type PhoneReading = ValidReading | FailedReading;

export interface ValidReading {
	valid: true;
	/** '+375291234567'. */
	e164: string;
	/** ISO 3166 alpha-2; absent for non-geographic numbers. */
	country?: string;
	/** Never undefined for a valid number with the max metadata. */
	type: NumberType;
}

export interface FailedReading {
	valid: false;
	reason: PhoneRejectionReason;
	/** The country the failure is about, when known. */
	country?: string;
}

// libphonenumber's error and length verdicts; NOT_A_NUMBER is what it says of too few digits.
const REASON: Record<string, PhoneRejectionReason> = {
	NOT_A_NUMBER: 'too_short',
	TOO_SHORT: 'too_short',
	TOO_LONG: 'too_long',
	INVALID_LENGTH: 'invalid',
	INVALID_COUNTRY: 'invalid_country_code',
};

/**
 * Reads digits as a national number of `country`, or, without a country, as if typed after a '+'.
 * One parse: libphonenumber-js's non-throwing parse throws and catches the same ParseError inside,
 * so catching it here costs nothing more and keeps its reason. One getType: with the max metadata
 * (which has number types) isValid() is exactly "getType() is not undefined"; isValid() is asked
 * only when getType() found nothing, so the answer is libphonenumber's own either way.
 */
export function readPhoneNumber(digits: string, country?: CountryCode): PhoneReading {
	const text = country ? digits : `+${digits}`;
	let phone: PhoneNumber;
	try {
		phone = parsePhoneNumberWithError(text, country);
	} catch (error) {
		if (error instanceof ParseError) return { valid: false, reason: reasonOf(error.message), country };
		throw error;
	}
	const type = phone.getType();
	if (type !== undefined || phone.isValid()) return { valid: true, e164: phone.number, country: phone.country, type };
	// The number parsed, so its country code is known; the length verdict says what is wrong with the rest.
	return { valid: false, reason: reasonOf(lengthVerdict(phone)), country: phone.country ?? country };
}

/**
 * What validatePhoneNumberLength(text, country) says of a number that parsed: the length of its
 * national number against its plan, without parsing it again.
 */
function lengthVerdict(phone: PhoneNumber): string {
	const verdict = checkNumberLength(phone.nationalNumber, numberingPlan(phone.country || phone.countryCallingCode));
	return verdict === 'IS_POSSIBLE' ? '' : verdict;
}

function reasonOf(verdict: string): PhoneRejectionReason {
	return REASON[verdict] ?? 'invalid';
}
