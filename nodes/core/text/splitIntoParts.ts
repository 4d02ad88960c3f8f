import { detectEncoding, SMS_PART_LIMITS, unitsOf } from './smsEncoding';

/**
 * The texts of the SMS parts the message is sent as. Parts are cut between code points only, so an
 * extension character (ESC + code) or a surrogate pair always stays whole; when one would straddle
 * the boundary the part is left one unit short (152 septets / 66 units).
 */
export function splitIntoParts(text: string): string[] {
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
