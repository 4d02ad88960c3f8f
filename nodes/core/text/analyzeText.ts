import { splitIntoParts } from './splitIntoParts';
import { detectEncoding, SMS_PART_LIMITS, unitsOf, type SmsEncoding } from './smsEncoding';

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

export function analyzeText(text: string): TextAnalysis {
	const { encoding, nonGsmCharacters } = detectEncoding(text);
	const characters = [...text];
	const units = characters.reduce((sum, character) => sum + unitsOf(character, encoding), 0);
	const parts = splitIntoParts(text).length;
	const limits = SMS_PART_LIMITS[encoding];
	return {
		encoding,
		characters: characters.length,
		units,
		parts,
		perPart: parts > 1 ? limits.multi : limits.single,
		nonGsmCharacters,
	};
}
