import { Metadata } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.max.json';
import type { NumberType } from 'libphonenumber-js/max';

/**
 * One country's (or calling code's) numbering plan, read once from libphonenumber-js's own "max"
 * metadata (the same data libphonenumber-js/max parses with) and with its patterns compiled once.
 * libphonenumber-js builds a new RegExp for every pattern it tries on every number; this is what
 * makes the fast path fast, and because the patterns come from the library's metadata they cannot
 * drift from it. The functions below follow libphonenumber-js's helpers of the same names
 * (getNumberType, checkNumberLength, getCountryByCallingCode), step for step.
 */
export interface NumberingPlan {
	callingCode: string;
	/** The international (IDD) prefix, matched at the start: 810, 00. */
	idd?: RegExp;
	nationalNumber: RegExp;
	possibleLengths?: number[];
	/** The national prefix (and carrier code) as parsing strips it, matched at the start. */
	nationalPrefix?: RegExp;
	nationalPrefixTransformRule?: string;
	/** Which of the countries sharing a calling code a national number belongs to. */
	leadingDigits?: RegExp;
	types: Map<TypeName, NumberTypePlan>;
}

interface NumberTypePlan {
	/** libphonenumber's pattern; '' when metadata removed it as a duplicate of another type's. */
	source: string | undefined;
	pattern?: RegExp;
	possibleLengths?: number[];
}

type TypeName = Exclude<NumberType, undefined | 'FIXED_LINE_OR_MOBILE'>;

// libphonenumber-js checks FIXED_LINE first, then these, in this order (helpers/getNumberType.js).
const NON_FIXED_LINE_TYPES: readonly TypeName[] = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
const ALL_TYPES: readonly TypeName[] = ['FIXED_LINE', ...NON_FIXED_LINE_TYPES];

/** The metadata accessors libphonenumber-js's own helpers use (not all are in its typings). */
interface MetadataView {
	selectNumberingPlan(countryOrCallingCode: string): void;
	hasCallingCode(callingCode: string): boolean | undefined;
	getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
	numberingPlan: {
		callingCode(): string;
		IDDPrefix(): string | undefined;
		nationalNumberPattern(): string;
		possibleLengths(): number[] | undefined;
		nationalPrefixForParsing(): string | undefined;
		nationalPrefixTransformRule(): string | undefined;
		leadingDigits(): string | undefined;
		type(type: TypeName): { pattern(): string | undefined; possibleLengths(): number[] | undefined } | undefined;
	};
}

const metadata = new Metadata(metadataJson) as unknown as MetadataView;
const plans = new Map<string, NumberingPlan>();
const countriesByCallingCode = new Map<string, string[] | undefined>();

/** The plan of a country (BY) or of a calling code (7: its main country's, as libphonenumber-js selects it). */
export function numberingPlan(countryOrCallingCode: string): NumberingPlan {
	let plan = plans.get(countryOrCallingCode);
	if (plan === undefined) {
		plan = readPlan(countryOrCallingCode);
		plans.set(countryOrCallingCode, plan);
	}
	return plan;
}

function readPlan(countryOrCallingCode: string): NumberingPlan {
	metadata.selectNumberingPlan(countryOrCallingCode);
	const source = metadata.numberingPlan;
	const idd = source.IDDPrefix();
	const nationalPrefix = source.nationalPrefixForParsing();
	const leadingDigits = source.leadingDigits();
	const types = new Map<TypeName, NumberTypePlan>();
	for (const name of ALL_TYPES) {
		const type = source.type(name);
		if (!type) continue;
		const pattern = type.pattern();
		types.set(name, { source: pattern, pattern: pattern ? entirely(pattern) : undefined, possibleLengths: type.possibleLengths() });
	}
	return {
		callingCode: source.callingCode(),
		idd: idd ? new RegExp(idd) : undefined,
		nationalNumber: entirely(source.nationalNumberPattern()),
		possibleLengths: source.possibleLengths(),
		nationalPrefix: nationalPrefix ? new RegExp(`^(?:${nationalPrefix})`) : undefined,
		nationalPrefixTransformRule: source.nationalPrefixTransformRule() || undefined,
		leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
		types,
	};
}

/** As libphonenumber-js's matchesEntirely builds it. */
function entirely(pattern: string): RegExp {
	return new RegExp(`^(?:${pattern})$`);
}

/** Whether libphonenumber-js knows this calling code (its Metadata.hasCallingCode). */
export function isCallingCode(digits: string): boolean {
	return Boolean(metadata.hasCallingCode(digits));
}

/** The countries sharing a calling code, main country first (Metadata.getCountryCodesForCallingCode). */
function countriesOf(callingCode: string): string[] | undefined {
	if (!countriesByCallingCode.has(callingCode)) countriesByCallingCode.set(callingCode, metadata.getCountryCodesForCallingCode(callingCode));
	return countriesByCallingCode.get(callingCode);
}

/** libphonenumber-js's getNumberType for a national (significant) number of this plan. */
export function numberType(nationalNumber: string, plan: NumberingPlan): NumberType {
	if (!plan.nationalNumber.test(nationalNumber)) return undefined;
	if (isOfType(nationalNumber, 'FIXED_LINE', plan)) {
		const mobile = plan.types.get('MOBILE');
		if (mobile === undefined || mobile.source === '' || isOfType(nationalNumber, 'MOBILE', plan)) return 'FIXED_LINE_OR_MOBILE';
		return 'FIXED_LINE';
	}
	for (const name of NON_FIXED_LINE_TYPES) if (isOfType(nationalNumber, name, plan)) return name;
	return undefined;
}

function isOfType(nationalNumber: string, name: TypeName, plan: NumberingPlan): boolean {
	const type = plan.types.get(name);
	if (type === undefined || !type.pattern) return false;
	if (type.possibleLengths && !type.possibleLengths.includes(nationalNumber.length)) return false;
	return type.pattern.test(nationalNumber);
}

export type LengthVerdict = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/** libphonenumber-js's checkNumberLength (no number type) against this plan's possible lengths. */
export function checkNumberLength(nationalNumber: string, plan: NumberingPlan): LengthVerdict {
	const lengths = plan.possibleLengths;
	if (!lengths) return 'IS_POSSIBLE';
	const length = nationalNumber.length;
	if (lengths[0] === length) return 'IS_POSSIBLE';
	if (lengths[0] > length) return 'TOO_SHORT';
	if (lengths[lengths.length - 1] < length) return 'TOO_LONG';
	return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/**
 * libphonenumber-js's getCountryByCallingCode: the one country of a calling code, or, where several
 * share it (7: RU, KZ), the first whose leading digits (or, without them, whose number types) fit.
 */
export function countryOfNumber(callingCode: string, nationalNumber: string): string | undefined {
	const countries = countriesOf(callingCode);
	if (!countries) return undefined;
	if (countries.length === 1) return countries[0];
	for (const country of countries) {
		const plan = numberingPlan(country);
		if (plan.leadingDigits) {
			if (nationalNumber && nationalNumber.search(plan.leadingDigits) === 0) return country;
		} else if (numberType(nationalNumber, plan)) {
			return country;
		}
	}
	return undefined;
}
