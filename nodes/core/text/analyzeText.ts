import { GSM_SEPTETS_BY_UNIT } from './gsmAlphabet';
import { SMS_PART_LIMITS, type SmsEncoding } from './smsEncoding';

export interface TextAnalysis {
	encoding: SmsEncoding;
	/** Unicode code points, what a person would call the length. */
	characters: number;
	/** What the network counts: septets for GSM-7, UTF-16 code units for UCS-2. */
	units: number;
	/** Parts the gateway bills for; 0 for an empty text. */
	parts: number;
	/** Capacity of one part for this message: 160/70 when it fits in one SMS, 153/67 otherwise. */
	perPart: number;
	/** Distinct characters that forced UCS-2, in order of first appearance. */
	nonGsmCharacters: string[];
}

const GSM = SMS_PART_LIMITS['GSM-7'];
const UCS2 = SMS_PART_LIMITS['UCS-2'];

/**
 * Which BMP units this call has already listed as non-GSM: a unit is listed when its stamp is the
 * current call's number, so the table is never cleared (one 256 KB table for the process, instead
 * of a hash lookup per character of every Cyrillic text). Characters beyond the BMP use a Set.
 */
const listedInCall = new Uint32Array(0x10000);
let call = 0;

/**
 * Encoding, length and parts in one pass over the UTF-16 units, building no string per
 * character and no part: both readings (GSM-7 septets and UCS-2 units) are counted side by side
 * until a character outside GSM-7 decides for UCS-2. Parts are cut between code points as
 * splitIntoParts cuts them: an extension character (ESC + code) or a surrogate pair never
 * straddles two parts, so such a part is left one unit short (152 septets / 66 units).
 */
export function analyzeText(text: string): TextAnalysis {
	const length = text.length;
	let characters = 0;
	let septets = 0;
	let gsmParts = 1;
	let gsmPartUnits = 0;
	let ucs2Parts = 1;
	let ucs2PartUnits = 0;
	// Code points, not strings, until the end: a Cyrillic text would otherwise allocate one per letter.
	let nonGsm: number[] | undefined;
	let astral: Set<number> | undefined;
	call = call === 0xffffffff ? 1 : call + 1;
	if (call === 1) listedInCall.fill(0);

	for (let index = 0; index < length; index++) {
		const unit = text.charCodeAt(index);
		let codePoint = unit;
		let width = 1;
		if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < length) {
			const next = text.charCodeAt(index + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				codePoint = (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
				width = 2;
				index++;
			}
		}
		characters++;
		if (ucs2PartUnits + width > UCS2.multi) {
			ucs2Parts++;
			ucs2PartUnits = 0;
		}
		ucs2PartUnits += width;

		// A surrogate pair, or a lone surrogate (table entry 0), is never GSM.
		const cost = width === 1 ? GSM_SEPTETS_BY_UNIT[unit] : 0;
		if (cost === 0) {
			nonGsm ??= [];
			if (width === 1) {
				if (listedInCall[unit] !== call) {
					listedInCall[unit] = call;
					nonGsm.push(unit);
				}
			} else if (!(astral ??= new Set()).has(codePoint)) {
				astral.add(codePoint);
				nonGsm.push(codePoint);
			}
		} else if (nonGsm === undefined) {
			septets += cost;
			if (gsmPartUnits + cost > GSM.multi) {
				gsmParts++;
				gsmPartUnits = 0;
			}
			gsmPartUnits += cost;
		}
	}

	if (nonGsm === undefined) {
		const parts = length === 0 ? 0 : septets <= GSM.single ? 1 : gsmParts;
		return { encoding: 'GSM-7', characters, units: septets, parts, perPart: parts > 1 ? GSM.multi : GSM.single, nonGsmCharacters: [] };
	}
	const parts = length <= UCS2.single ? 1 : ucs2Parts;
	return {
		encoding: 'UCS-2',
		characters,
		units: length,
		parts,
		perPart: parts > 1 ? UCS2.multi : UCS2.single,
		nonGsmCharacters: Array.from(nonGsm, (codePoint) => String.fromCodePoint(codePoint)),
	};
}
