/**
 * Text analysis as it was before the single pass (issue 14), kept verbatim as the oracle the
 * differential test compares the fast path with: encoding detected twice, the text spread into
 * code points twice, the part strings built only to be counted. Speed must never change a result.
 */
import { gsmSeptetsOf, isGsmCharacter } from '../../../nodes/core/text/gsmAlphabet';
import type { TextAnalysis } from '../../../nodes/core/text/analyzeText';

type SmsEncoding = 'GSM-7' | 'UCS-2';

const SMS_PART_LIMITS: Readonly<Record<SmsEncoding, { single: number; multi: number }>> = {
	'GSM-7': { single: 160, multi: 153 },
	'UCS-2': { single: 70, multi: 67 },
};

function detectEncoding(text: string): { encoding: SmsEncoding; nonGsmCharacters: string[] } {
	const nonGsm = new Set<string>();
	for (const character of text) {
		if (!isGsmCharacter(character)) nonGsm.add(character);
	}
	return { encoding: nonGsm.size === 0 ? 'GSM-7' : 'UCS-2', nonGsmCharacters: [...nonGsm] };
}

function unitsOf(character: string, encoding: SmsEncoding): number {
	if (encoding === 'UCS-2') return character.length;
	const septets = gsmSeptetsOf(character);
	if (septets === undefined) throw new RangeError('not in GSM-7');
	return septets.length;
}

export function splitIntoPartsReference(text: string): string[] {
	if (text === '') return [];
	const { encoding } = detectEncoding(text);
	const limits = SMS_PART_LIMITS[encoding];
	const characters = [...text];
	const costs = characters.map((character) => unitsOf(character, encoding));
	const total = costs.reduce((sum, cost) => sum + cost, 0);
	if (total <= limits.single) return [text];

	const parts: string[] = [];
	let current = '';
	let currentUnits = 0;
	characters.forEach((character, index) => {
		const cost = costs[index];
		if (currentUnits + cost > limits.multi) {
			parts.push(current);
			current = '';
			currentUnits = 0;
		}
		current += character;
		currentUnits += cost;
	});
	parts.push(current);
	return parts;
}

export function analyzeTextReference(text: string): TextAnalysis {
	const { encoding, nonGsmCharacters } = detectEncoding(text);
	const characters = [...text];
	const units = characters.reduce((sum, character) => sum + unitsOf(character, encoding), 0);
	const parts = splitIntoPartsReference(text).length;
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
