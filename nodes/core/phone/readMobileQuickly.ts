import type { CountryCode } from 'libphonenumber-js/max';
import { checkNumberLength, countryOfNumber, isCallingCode, numberingPlan, numberType, type NumberingPlan } from './numberingPlan';
import { receivesSms } from './numberTypes';
import type { ValidReading } from './readPhoneNumber';

/** Where this package's gateways send: numbers of these countries are read by the fast path. */
export const FAST_PATH_COUNTRIES: readonly string[] = ['BY', 'UA', 'RU'];

const FAST_COUNTRIES = new Set(FAST_PATH_COUNTRIES);

/**
 * Their calling codes (375, 380, 7), each only if no shorter prefix of it is a calling code too:
 * then the first calling code libphonenumber-js finds after a '+' is the one the digits start with.
 */
const FAST_CALLING_CODES: readonly string[] = [...new Set(FAST_PATH_COUNTRIES.map((country) => numberingPlan(country).callingCode))].filter(
	(code) => ![...Array(code.length - 1).keys()].some((length) => isCallingCode(code.slice(0, length + 1))),
);

/** libphonenumber-js refuses a national (significant) number shorter or longer than this. */
const MIN_NATIONAL_LENGTH = 2;
const MAX_NATIONAL_LENGTH = 17;

/**
 * The same reading as readPhoneNumber(digits, country), done with the numbering plans' patterns
 * compiled once, for the numbers Send Batch mostly meets: those of Belarus, Ukraine and Russia
 * that can receive SMS. It follows libphonenumber-js's parse of a string of digits step for step
 * (calling code, a calling code typed without '+', national prefix, the country among those sharing
 * a calling code, number type) and answers only when the reading is valid and receives SMS; for
 * anything else (other countries, a number typed with the international prefix, metadata this path
 * does not follow, a fixed line, an invalid number) it answers undefined and readPhoneNumber, the
 * library itself, decides. The differential test compares the two on a million generated inputs.
 */
export function readMobileQuickly(digits: string, country: CountryCode | undefined): ValidReading | undefined {
	// At least 3 digits: libphonenumber-js's viability check then always passes for a string of digits.
	if (digits.length < 3 || digits.length > 20) return undefined;
	const start = country === undefined ? international(digits) : national(digits, country);
	if (start === undefined) return undefined;
	const { callingCode, rest, plan, defaultCountry } = start;
	if (rest === '') return undefined;
	const nationalNumber = extractNationalNumber(rest, plan);
	if (nationalNumber === undefined || nationalNumber.length < MIN_NATIONAL_LENGTH || nationalNumber.length > MAX_NATIONAL_LENGTH) return undefined;
	const numberCountry = countryOfNumber(callingCode, nationalNumber) ?? defaultCountry;
	if (numberCountry === undefined || !FAST_COUNTRIES.has(numberCountry)) return undefined;
	const type = numberType(nationalNumber, numberingPlan(numberCountry));
	if (!receivesSms(type)) return undefined;
	// Joined, not concatenated: `+${…}` of 13+ characters is a V8 rope (two strings and a node)
	// until first read, then a rope plus a flat copy; a batch keeps 100,000 of these.
	return { valid: true, e164: ['+', callingCode, nationalNumber].join(''), country: numberCountry, type };
}

interface ReadingStart {
	callingCode: string;
	/** The digits after the calling code (or all of them, read as national). */
	rest: string;
	/** The plan libphonenumber-js has selected at this point: the calling code's or the default country's. */
	plan: NumberingPlan;
	/** The country the number is of when the calling code does not tell (the default country). */
	defaultCountry?: string;
}

/** '+' and the digits: the calling code is the first prefix of 1-3 digits that is one. */
function international(digits: string): ReadingStart | undefined {
	const callingCode = FAST_CALLING_CODES.find((code) => digits.startsWith(code));
	if (callingCode === undefined) return undefined;
	return { callingCode, rest: digits.slice(callingCode.length), plan: numberingPlan(callingCode) };
}

/** The digits as typed without '+', with a default country (libphonenumber-js's extractCountryCallingCode). */
function national(digits: string, country: CountryCode): ReadingStart | undefined {
	if (!FAST_COUNTRIES.has(country)) return undefined;
	const home = numberingPlan(country);
	// Typed with the international prefix (810 375…, 00 380…): the library's own path reads it.
	if (home.idd && digits.search(home.idd) === 0) return undefined;
	const { callingCode } = home;
	if (digits.startsWith(callingCode)) {
		const withoutPlus = callingCodeTypedWithoutPlus(digits, home);
		if (withoutPlus === undefined) return undefined;
		if (withoutPlus) return { callingCode, rest: digits.slice(callingCode.length), plan: numberingPlan(callingCode) };
	}
	return { callingCode, rest: digits, plan: home, defaultCountry: country };
}

/**
 * 375291234567 with Belarus as the default country: the calling code typed without '+' when the
 * whole is not a national number but the rest is, or the whole is too long to be one
 * (libphonenumber-js's extractCountryCallingCodeFromInternationalNumberWithoutPlusSign).
 */
function callingCodeTypedWithoutPlus(digits: string, home: NumberingPlan): boolean | undefined {
	const shorter = extractNationalNumber(digits.slice(home.callingCode.length), home);
	const whole = extractNationalNumber(digits, home);
	if (shorter === undefined || whole === undefined) return undefined;
	return (!home.nationalNumber.test(whole) && home.nationalNumber.test(shorter)) || checkNumberLength(whole, home) === 'TOO_LONG';
}

/**
 * The national prefix stripped when what is left can still be a number of the plan
 * (libphonenumber-js's extractNationalNumber); undefined where its metadata asks for a
 * transformation of the prefix, which this path does not follow.
 */
function extractNationalNumber(number: string, plan: NumberingPlan): string | undefined {
	if (number === '' || plan.nationalPrefix === undefined) return number;
	const match = plan.nationalPrefix.exec(number);
	if (match === null) return number;
	if (plan.nationalPrefixTransformRule && match.length > 1 && match[match.length - 1]) return undefined;
	const nationalNumber = number.slice(match[0].length);
	if (nationalNumber === number) return number;
	if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(nationalNumber)) return number;
	if (plan.possibleLengths) {
		const country = countryOfNumber(plan.callingCode, nationalNumber);
		const verdict = checkNumberLength(nationalNumber, country ? numberingPlan(country) : plan);
		if (verdict === 'TOO_SHORT' || verdict === 'INVALID_LENGTH') return number;
	}
	return nationalNumber;
}
