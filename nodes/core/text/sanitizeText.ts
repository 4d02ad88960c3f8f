import { TYPOGRAPHIC_REPLACEMENTS } from './typographicReplacements';

/**
 * For each UTF-16 unit, 1 + the index of its replacement in REPLACEMENTS, or 0 when it has none.
 * Every key is a single BMP unit (never a surrogate), so scanning units finds exactly the
 * characters a scan by code point finds; the table is built once.
 */
const REPLACEMENTS: readonly string[] = [...new Set(TYPOGRAPHIC_REPLACEMENTS.values())];
const REPLACEMENT_BY_UNIT: Readonly<Uint8Array> = replacementTable();

function replacementTable(): Uint8Array {
	const table = new Uint8Array(0x10000);
	for (const [character, replacement] of TYPOGRAPHIC_REPLACEMENTS) {
		const unit = character.charCodeAt(0);
		if (character.length !== 1 || (unit >= 0xd800 && unit <= 0xdfff)) throw new Error(`Replacement key U+${unit.toString(16)} is not one BMP unit`);
		table[unit] = REPLACEMENTS.indexOf(replacement) + 1;
	}
	return table;
}

/**
 * Replaces typographic quotes, dashes, ellipsis, exotic spaces, zero-width characters and a few
 * symbols with plain equivalents (see TYPOGRAPHIC_REPLACEMENTS); everything else, including line
 * breaks and Cyrillic, is left as is. A text with nothing to replace is returned as it is (the
 * same string, nothing copied); otherwise the untouched stretches are copied in slices.
 */
export function sanitizeText(text: string): string {
	let result: string | undefined;
	let copiedUpTo = 0;
	for (let index = 0; index < text.length; index++) {
		const replacement = REPLACEMENT_BY_UNIT[text.charCodeAt(index)];
		if (replacement === 0) continue;
		result = (result ?? '') + text.slice(copiedUpTo, index) + REPLACEMENTS[replacement - 1];
		copiedUpTo = index + 1;
	}
	return result === undefined ? text : result + text.slice(copiedUpTo);
}
