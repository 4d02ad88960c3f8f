/**
 * Phone inputs for the differential test: deterministic (seeded), cheap to make, and spread over
 * every country the Default Country option offers and every way people type (or mistype) a number.
 */

// Bound once: under jest every global lookup (`Math`, `String`) goes through the test context's
// global object and costs ~300 ns, several times per generated case.
const { floor, imul, max } = Math;
const DIGITS = '0123456789';

/** A seeded generator (mulberry32) so that a failure can be reproduced from its index. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface CountryPlan {
	callingCode: string;
	/** What people put before a national number: the trunk prefix, with and without it. */
	nationalPrefixes: string[];
	/** Leading digits of mobile and fixed-line numbers, and the national number length. */
	leads: string[];
	length: number;
	/** The country's international prefix, typed before a calling code instead of '+'. */
	internationalPrefixes: string[];
}

const PLANS: Record<string, CountryPlan> = {
	BY: { callingCode: '375', nationalPrefixes: ['', '8', '80', '8 0', '0'], leads: ['29', '33', '44', '25', '17', '162', '800', '902'], length: 9, internationalPrefixes: ['810', '00'] },
	KZ: { callingCode: '7', nationalPrefixes: ['', '8'], leads: ['701', '705', '747', '777', '727', '717', '800'], length: 10, internationalPrefixes: ['810', '00'] },
	LV: { callingCode: '371', nationalPrefixes: [''], leads: ['2', '6', '67', '80', '90'], length: 8, internationalPrefixes: ['00'] },
	LT: { callingCode: '370', nationalPrefixes: ['', '8', '0'], leads: ['6', '60', '5', '37', '800', '90'], length: 8, internationalPrefixes: ['00'] },
	PL: { callingCode: '48', nationalPrefixes: ['', '0'], leads: ['5', '6', '7', '8', '22', '12', '800', '70'], length: 9, internationalPrefixes: ['00'] },
	RU: { callingCode: '7', nationalPrefixes: ['', '8', '7'], leads: ['9', '91', '926', '999', '495', '812', '800', '809', '3'], length: 10, internationalPrefixes: ['810', '00'] },
	UA: { callingCode: '380', nationalPrefixes: ['', '0', '8', '80'], leads: ['50', '67', '93', '63', '97', '44', '32', '800', '900'], length: 9, internationalPrefixes: ['00'] },
};

/** Default Country values: the option's seven, spelled as a user may, and some that are not countries. */
export const DEFAULT_COUNTRIES = [...Object.keys(PLANS), 'by', ' ru ', 'US', 'DE', 'XX', '', 'BYR'];
const PLAN_COUNTRIES = Object.keys(PLANS);
const FOREIGN_CODES = ['1', '44', '49', '33', '86', '998', '996', '995', '994', '374', '373', '372', '992', '993', '0', '999', '888', '800', '979', '882', '683', '690', '247', '38', '37', '3'];
const SEPARATORS = [' ', ' ', '-', '.', '', '', '', '\u00a0', '\u2009', '\u2013', '/', ' - '];
const GARBAGE = ['a', 'x', '#', '*', ',', '+', '_', 'ж', '😀', 'ext. 12', '  ', '\t', '\u200b', '１', '٣', '(', ')', 'O', 'l', ';', 'tel:'];

export interface PhoneCase {
	input: string;
	defaultCountry: string | undefined;
	requireMobile: boolean;
}

/** `count` cases (repeats possible) of the stream for `seed`; Infinity for an endless stream. */
export function* phoneCases(seed: number, count: number): Generator<PhoneCase> {
	const next = seededRandom(seed);
	const int = (below: number) => floor(next() * below);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)];
	const randomDigits = (length: number) => {
		let text = '';
		for (let i = 0; i < length; i++) text += DIGITS[int(10)];
		return text;
	};
	const group = (digits: string) => {
		// People group digits 2-4 at a time with one separator style, sometimes a mix, sometimes none.
		const style = int(4);
		if (style === 0) return digits;
		const separator = pick(SEPARATORS);
		let out = '';
		let i = 0;
		while (i < digits.length) {
			const size = 2 + int(3);
			out += (i === 0 ? '' : style === 3 ? pick(SEPARATORS) : separator) + digits.slice(i, i + size);
			i += size;
		}
		return out;
	};

	for (let produced = 0; produced < count; produced++) {
		const defaultCountry = next() < 0.01 ? undefined : next() < 0.9 ? pick(PLAN_COUNTRIES) : pick(DEFAULT_COUNTRIES);
		const planCountry = next() < 0.7 && defaultCountry && PLANS[defaultCountry] ? defaultCountry : pick(PLAN_COUNTRIES);
		const plan = PLANS[planCountry];
		const lead = pick(plan.leads);
		// Mostly the right length; sometimes a digit or two short or long.
		const lengthDelta = next() < 0.75 ? 0 : pick([-3, -2, -1, 1, 2, 3]);
		const national = lead + randomDigits(max(0, plan.length - lead.length + lengthDelta));
		const areaInParentheses = next() < 0.2;
		const nationalTyped = areaInParentheses ? `(${national.slice(0, 3)}) ${group(national.slice(3))}` : group(national);

		let input: string;
		switch (int(12)) {
			case 0:
			case 1:
				input = `+${plan.callingCode}${pick(SEPARATORS)}${nationalTyped}`;
				break;
			case 2:
				input = `${plan.callingCode}${nationalTyped}`;
				break;
			case 3:
				input = `${pick(plan.internationalPrefixes)}${pick(SEPARATORS)}${plan.callingCode}${pick(SEPARATORS)}${nationalTyped}`;
				break;
			case 4:
			case 5:
				input = `${pick(plan.nationalPrefixes)}${pick(SEPARATORS)}${nationalTyped}`;
				break;
			case 6:
				input = nationalTyped;
				break;
			case 7:
				// A foreign or non-existent calling code.
				input = `${pick(['+', '', '00'])}${pick(FOREIGN_CODES)}${group(randomDigits(4 + int(10)))}`;
				break;
			case 8:
				// Any digits at all, 0 to 18 of them.
				input = `${pick(['', '', '+', '00', '8'])}${group(randomDigits(int(19)))}`;
				break;
			case 9: {
				// Something that is not only a phone number.
				const base = `+${plan.callingCode}${national}`;
				const at = int(base.length + 1);
				input = base.slice(0, at) + pick(GARBAGE) + base.slice(at);
				break;
			}
			case 10:
				// Written as a number in a spreadsheet, or by a formula.
				input = pick(['', '-', ' ', 'tel:', 'tel:+', '++', '+ ', '0']) + plan.callingCode + national + pick(['', '', ' ', '.0', 'e5']);
				break;
			default:
				input = `${pick(['+', '', '8', '0', '00'])}${plan.callingCode === '7' ? '7' : plan.callingCode}${pick(['', '0', '8'])}${national}`;
		}
		yield { input, defaultCountry, requireMobile: next() < 0.7 };
	}
}
