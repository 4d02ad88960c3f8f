/**
 * sanitizeText as it was before the fast path (issue 14), kept verbatim as the oracle of the
 * differential test: it rebuilt the string character by character even when nothing changed.
 */
import { TYPOGRAPHIC_REPLACEMENTS } from '../../../nodes/core/text/typographicReplacements';

export function sanitizeTextReference(text: string): string {
	let result = '';
	for (const character of text) {
		result += TYPOGRAPHIC_REPLACEMENTS.get(character) ?? character;
	}
	return result;
}
