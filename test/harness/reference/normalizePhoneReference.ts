/**
 * The phone normalization as it was before the fast path (issue 14), kept verbatim as the oracle the
 * differential test compares the fast path with: speed must never change a result.
 */
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { cleanPhoneInput } from './cleanPhoneInputReference';
import { describeNumberType, receivesSms } from '../../../nodes/core/phone/numberTypes';
import { phoneRejectionMessage, type RejectionDetails } from '../../../nodes/core/phone/phoneMessages';
import type { PhoneOptions, PhoneRejectionReason, PhoneResult } from '../../../nodes/core/phone/PhoneResult';
import { readPhoneNumber, type PhoneReading } from './readPhoneNumberReference';

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
export function normalizePhoneReference(input: string, options: PhoneOptions = {}): PhoneResult {
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
	const readings = country ? [readPhoneNumber(digits, country), readPhoneNumber(digits)] : [readPhoneNumber(digits)];
	const chosen = chooseReading(readings, requireMobile);

	if (!chosen.valid) {
		// Without a usable default country the only reading left is the international one, whose
		// failure ("too short for a number of ER") would blame a country nobody chose.
		if (!cleaned.international && !country) return reject(input, 'invalid_country_code', { unknownDefaultCountry: defaultCountry });
		return reject(input, chosen.reason, { digits, country: chosen.country });
	}
	const { phone } = chosen;
	const type = phone.getType();
	if (requireMobile && !receivesSms(type)) {
		return reject(input, 'not_mobile', { numberType: describeNumberType(type) });
	}
	const e164Digits = phone.number.slice(1);
	if (e164Digits.length < MIN_DIGITS) return reject(input, 'too_short', { digits: e164Digits });
	if (e164Digits.length > MAX_DIGITS) return reject(input, 'too_long', { digits: e164Digits });
	return { ok: true, input, e164: phone.number, digits: e164Digits, country: phone.country };
}

/**
 * Prefers, in order: a valid number that can receive SMS (when that is required), any valid number,
 * a failure that only says "not a real number" (the length fits), and last the first reading's failure.
 */
function chooseReading(readings: PhoneReading[], requireMobile: boolean): PhoneReading {
	const valid = readings.filter((reading) => reading.valid);
	const usable = valid.find((reading) => !requireMobile || receivesSms(reading.phone.getType()));
	return usable ?? valid[0] ?? readings.find((reading) => !reading.valid && reading.reason === 'invalid') ?? readings[0];
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
