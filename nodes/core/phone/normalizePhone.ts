import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { cleanPhoneInput } from './cleanPhoneInput';
import { describeNumberType, receivesSms } from './numberTypes';
import { phoneRejectionMessage, type RejectionDetails } from './phoneMessages';
import type { PhoneOptions, PhoneRejectionReason, PhoneResult } from './PhoneResult';
import { readMobileQuickly } from './readMobileQuickly';
import { readPhoneNumber, type PhoneReading, type ValidReading } from './readPhoneNumber';

export type { PhoneOptions, PhoneResult, PhoneRejectionReason } from './PhoneResult';

const DEFAULT_COUNTRY = 'BY';

// E.164 allows 15 digits. Below 8 (country code included) are only a few island numbering plans
// (Niue, the old 4-digit Tokelau mobiles); SMS gateways in our region do not route to them, and
// refusing them keeps every accepted number 8-15 digits long, which the adapters rely on.
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;

/**
 * Turns whatever people type into E.164, or says precisely why it cannot. Never throws.
 *
 * A number typed without '+' is read as a national number of the default country first; if that
 * reading is not a valid number but the same digits after a '+' are (375296717259, 380989361131,
 * 79214563763), the international reading wins.
 */
export function normalizePhone(input: string, options: PhoneOptions = {}): PhoneResult {
	const text = toText(input);
	try {
		return normalize(text, options);
	} catch {
		// Defence in depth for a metadata edge case; the property tests check it is never reached.
		return { ok: false, input: text, reason: 'invalid', message: `${phoneRejectionMessage(text, 'invalid')} (it could not be parsed)` };
	}
}

function normalize(input: string, options: PhoneOptions): PhoneResult {
	const requireMobile = options.requireMobile ?? true;
	const cleaned = cleanPhoneInput(input);
	if (!cleaned.ok) return reject(input, cleaned.reason, { offending: cleaned.offending });
	const { digits } = cleaned;
	if (digits.length < 2) return reject(input, 'too_short', { digits });

	const defaultCountry = options.defaultCountry ?? DEFAULT_COUNTRY;
	const country = cleaned.international ? undefined : supportedCountry(defaultCountry);
	// The likely reading first (a Belarusian, Ukrainian or Russian mobile number through the fast
	// path, which gives what the library gives); the other one only when the first is not what we want.
	const first = readMobileQuickly(digits, country) ?? readPhoneNumber(digits, country);
	const chosen = isUsable(first, requireMobile) ? first : chooseReading(first, country ? (readMobileQuickly(digits, undefined) ?? readPhoneNumber(digits)) : undefined, requireMobile);

	if (!chosen.valid) {
		// Without a usable default country the only reading left is the international one, whose
		// failure ("too short for a number of ER") would blame a country nobody chose.
		if (!cleaned.international && !country) return reject(input, 'invalid_country_code', { unknownDefaultCountry: defaultCountry });
		return reject(input, chosen.reason, { digits, country: chosen.country });
	}
	const { e164, type } = chosen;
	if (requireMobile && !receivesSms(type)) {
		return reject(input, 'not_mobile', { numberType: describeNumberType(type) });
	}
	const e164Digits = e164.slice(1);
	if (e164Digits.length < MIN_DIGITS) return reject(input, 'too_short', { digits: e164Digits });
	if (e164Digits.length > MAX_DIGITS) return reject(input, 'too_long', { digits: e164Digits });
	// A number given in E.164 already is kept as given: the input item holds that very string, so
	// a batch's messages and output items need no copy of it.
	return { ok: true, input, e164: e164 === input ? input : e164, digits: e164Digits, country: chosen.country };
}

function isUsable(reading: PhoneReading, requireMobile: boolean): reading is ValidReading {
	return reading.valid && (!requireMobile || receivesSms(reading.type));
}

/**
 * The first (national) reading was not usable. Prefers, in order: a valid number that can receive
 * SMS (when that is required), any valid number, a failure that only says "not a real number"
 * (the length fits), and last the first reading's failure.
 */
function chooseReading(first: PhoneReading, second: PhoneReading | undefined, requireMobile: boolean): PhoneReading {
	if (second === undefined) return first;
	if (isUsable(second, requireMobile)) return second;
	if (first.valid) return first;
	if (second.valid) return second;
	if (first.reason === 'invalid') return first;
	if (second.reason === 'invalid') return second;
	return first;
}

/** A two-letter country code the phone metadata knows (BY, UA, RU…). */
export function isKnownCountry(code: string): boolean {
	return supportedCountry(code) !== undefined;
}

function supportedCountry(code: string): CountryCode | undefined {
	const upper = code.trim().toUpperCase();
	return isSupportedCountry(upper) ? upper : undefined;
}

function reject(input: string, reason: PhoneRejectionReason, details: RejectionDetails = {}): PhoneResult {
	return { ok: false, input, reason, message: phoneRejectionMessage(input, reason, details) };
}

/** Values from workflow items are not always strings; numbers are common, anything else is nothing. */
function toText(input: unknown): string {
	if (typeof input === 'string') return input;
	if (typeof input === 'number' || typeof input === 'bigint') return String(input);
	return '';
}
