import { gsmSeptetsOf, isGsmCharacter } from './gsmAlphabet';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/**
 * Units per part: a single SMS carries 140 octets; a part of a long message loses 6 octets to the
 * concatenation header (UDH), leaving 153 septets or 67 UTF-16 units.
 */
export const SMS_PART_LIMITS: Readonly<Record<SmsEncoding, { single: number; multi: number }>> = {
	'GSM-7': { single: 160, multi: 153 },
	'UCS-2': { single: 70, multi: 67 },
};

/**
 * One character outside both GSM tables turns the whole message into UCS-2, so the characters
 * that did it are reported (distinct, in order of first appearance) to let the user fix them.
 */
export function detectEncoding(text: string): { encoding: SmsEncoding; nonGsmCharacters: string[] } {
	const nonGsm = new Set<string>();
	for (const character of text) {
		if (!isGsmCharacter(character)) nonGsm.add(character);
	}
	return { encoding: nonGsm.size === 0 ? 'GSM-7' : 'UCS-2', nonGsmCharacters: [...nonGsm] };
}

/**
 * What one code point (a string from iterating the text) costs in the given encoding:
 * septets for GSM-7, UTF-16 code units for UCS-2 (two for a surrogate pair).
 */
export function unitsOf(character: string, encoding: SmsEncoding): number {
	if (encoding === 'UCS-2') return character.length;
	const septets = gsmSeptetsOf(character);
	if (septets === undefined) throw new RangeError(`Character U+${codePointHex(character)} is not in GSM-7`);
	return septets.length;
}

function codePointHex(character: string): string {
	return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}
