import {
	parsePhoneNumberFromString,
	parsePhoneNumberWithError,
	validatePhoneNumberLength,
	type CountryCode,
	type NumberType,
	type PhoneNumber,
} from 'libphonenumber-js/max';
import type { PhoneRejectionReason } from './PhoneResult';

/**
 * One way of reading a string of digits: as a national number of some country, or as international.
 * A failed reading does not say why until asked (`failureOf`): most failures are never reported,
 * because the other reading succeeds, and finding out why costs a second, throwing parse.
 */
export type PhoneReading = ValidReading | FailedReading;

export interface ValidReading {
	valid: true;
	phone: PhoneNumber;
	/** Never undefined for a valid number with the max metadata. */
	type: NumberType;
}

export interface FailedReading {
	valid: false;
	/** What was parsed: the digits (national reading) or '+' and the digits. */
	text: string;
	country?: CountryCode;
	/** Undefined when libphonenumber could not even parse the text. */
	phone?: PhoneNumber;
}

export interface ReadingFailure {
	reason: PhoneRejectionReason;
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
 * Uses the non-throwing parse, and one getType: with the max metadata (which has number types)
 * libphonenumber's isValid() is exactly "getType() is not undefined"; isValid() is asked only
 * when getType() found nothing, so the answer is libphonenumber's own either way.
 */
export function readPhoneNumber(digits: string, country?: CountryCode): PhoneReading {
	const text = country ? digits : `+${digits}`;
	const phone = parsePhoneNumberFromString(text, country);
	if (phone === undefined) return { valid: false, text, country };
	const type = phone.getType();
	if (type !== undefined || phone.isValid()) return { valid: true, phone, type };
	return { valid: false, text, country, phone };
}

/** Why a reading failed, in the words of libphonenumber's error or length verdict. */
export function failureOf(reading: FailedReading): ReadingFailure {
	const { text, country, phone } = reading;
	if (phone === undefined) return { reason: reasonOf(parseError(text, country)), country };
	// The number parsed, so its country code is known; the length verdict says what is wrong with the rest.
	return { reason: reasonOf(validatePhoneNumberLength(text, country) ?? ''), country: phone.country ?? country };
}

/** The error libphonenumber names for text its non-throwing parse refused. */
function parseError(text: string, country: CountryCode | undefined): string {
	try {
		parsePhoneNumberWithError(text, country);
	} catch (error) {
		return error instanceof Error ? error.message : '';
	}
	return '';
}

function reasonOf(verdict: string): PhoneRejectionReason {
	return REASON[verdict] ?? 'invalid';
}
