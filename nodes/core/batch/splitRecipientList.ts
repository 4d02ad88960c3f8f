import { normalizePhone } from '../phone/normalizePhone';
import type { PhoneOptions } from '../phone/PhoneResult';

const SEPARATORS = /[,;\r\n]+/;

/**
 * Splits a pasted recipient list into single numbers. Commas, semicolons and line breaks always
 * separate; spaces separate only when the spaced run is not itself one number, because people
 * write "+375 29 123 45 67" as often as "+375291234567 +375331234567".
 */
export function splitRecipientList(value: unknown, options: PhoneOptions = {}): string[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.flatMap((entry) => splitRecipientList(entry, options));
	// A whole positive number is digits from a spreadsheet; anything else (-375…, 3.75e11, NaN)
	// stays as written so that it is refused with what it is, never read as another number.
	if (typeof value === 'number') return [String(value)];
	if (typeof value === 'object') {
		// An object from an expression such as {{ $json.contacts }}: its phone-looking field.
		const phone = (value as Record<string, unknown>).phone ?? (value as Record<string, unknown>).to;
		return phone === undefined ? [JSON.stringify(value)] : splitRecipientList(phone, options);
	}
	const recipients: string[] = [];
	for (const chunk of String(value).split(SEPARATORS)) {
		const trimmed = chunk.trim();
		if (trimmed === '') continue;
		if (!/\s/.test(trimmed) || normalizePhone(trimmed, options).ok) {
			recipients.push(trimmed);
			continue;
		}
		// Several numbers separated by spaces only if every piece is a number by itself; otherwise
		// it is one entry ("+375291234567 ext. 123") refused whole, not a number without its extension.
		const pieces = trimmed.split(/\s+/);
		if (pieces.every((piece) => normalizePhone(piece, options).ok)) recipients.push(...pieces);
		else recipients.push(trimmed);
	}
	return recipients;
}
