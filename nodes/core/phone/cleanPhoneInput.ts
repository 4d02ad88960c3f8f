/** What is left of a typed phone number once the formatting people add is removed. */
export type CleanedPhoneInput =
	| { ok: true; digits: string; international: boolean }
	| { ok: false; reason: 'empty' | 'invalid_characters'; offending: string[] };

// Spaces of every kind, invisible marks that copying from contacts and spreadsheets brings along
// (zero-width, bidi controls, BOM), and the punctuation people group digits with.
const SEPARATORS = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff().\-\/\[\]\u2010-\u2015\u2212]/gu;

const TEL_URI_PREFIX = /^tel:/i;

// ASCII text is its own NFKC form: most inputs skip the normalization.
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Strips formatting and reduces the input to its digits, noting whether it was written in
 * international form ('+' or the '00' international prefix). Full-width and other compatibility
 * digits become ASCII through NFKC.
 */
export function cleanPhoneInput(input: string): CleanedPhoneInput {
	const trimmed = (NON_ASCII.test(input) ? input.normalize('NFKC') : input).trim();
	if (trimmed === '') return { ok: false, reason: 'empty', offending: [] };
	// A leading minus is a negative number (-375291234567 from a spreadsheet formula), not a dash.
	if (/^[-\u2212]/.test(trimmed)) return { ok: false, reason: 'invalid_characters', offending: [trimmed[0]] };
	const text = trimmed.replace(TEL_URI_PREFIX, '').replace(SEPARATORS, '');
	// "(" or "--": something was typed, but no digit.
	if (text === '') return { ok: false, reason: 'invalid_characters', offending: [] };

	const match = /^(\+|00)?(\d*)$/.exec(text);
	if (!match) return { ok: false, reason: 'invalid_characters', offending: offendingCharacters(text) };
	// A lone '+' or '00' is reported by the length check (too short), not as empty.
	return { ok: true, digits: match[2], international: match[1] !== undefined };
}

function offendingCharacters(text: string): string[] {
	const withoutLeadingPlus = text.startsWith('+') ? text.slice(1) : text;
	const offending = [...withoutLeadingPlus].filter((character) => !/\d/.test(character));
	return [...new Set(offending)];
}
