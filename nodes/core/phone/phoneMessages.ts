import { listCharacters } from '../text/quoteCharacter';
import type { PhoneRejectionReason } from './PhoneResult';

/** Facts a rejection message may mention. */
export interface RejectionDetails {
	digits?: string;
	country?: string;
	numberType?: string;
	offending?: string[];
	/** A default country that is not an ISO 3166 code libphonenumber knows. */
	unknownDefaultCountry?: string;
}

const MAX_QUOTED_LENGTH = 40;

const MESSAGE: Record<PhoneRejectionReason, (details: RejectionDetails) => string> = {
	empty: () => 'is empty',
	invalid_characters: ({ offending = [] }) =>
		offending.length === 0
			? 'has no digits'
			: offending.length === 1 && /^[-\u2212]$/.test(offending[0])
				? 'starts with a minus sign: a negative number is not a phone number'
				: `contains ${listCharacters(offending)} that cannot be part of a phone number`,
	too_short: ({ digits = '', country }) => `is too short (${countDigits(digits)})${forCountry(country)}`,
	too_long: ({ digits = '', country }) => `is too long (${countDigits(digits)})${forCountry(country)}`,
	invalid_country_code: ({ unknownDefaultCountry }) =>
		unknownDefaultCountry === undefined
			? 'does not start with a known country calling code'
			: `has no country code, and Default Country "${unknownDefaultCountry}" is not a known ISO 3166 country code (such as BY, UA or RU)`,
	invalid: ({ country }) => `is not a valid phone number${forCountry(country)}`,
	not_mobile: ({ numberType = 'not a mobile number' }) => `is ${numberType}, not a mobile number, so it cannot receive SMS`,
};

export function phoneRejectionMessage(input: string, reason: PhoneRejectionReason, details: RejectionDetails = {}): string {
	return `Phone number ${quoteInput(input)} ${MESSAGE[reason](details)}`;
}

function forCountry(country: string | undefined): string {
	return country ? ` for a number of ${country}` : '';
}

function countDigits(digits: string): string {
	return digits.length === 1 ? '1 digit' : `${digits.length} digits`;
}

function quoteInput(input: string): string {
	const characters = [...input];
	const shown = characters.length > MAX_QUOTED_LENGTH ? `${characters.slice(0, MAX_QUOTED_LENGTH).join('')}…` : input;
	return `"${shown}"`;
}
