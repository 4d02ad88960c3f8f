import { TYPOGRAPHIC_REPLACEMENTS } from './typographicReplacements';

/**
 * Replaces typographic quotes, dashes, ellipsis, exotic spaces, zero-width characters and a few
 * symbols with plain equivalents (see TYPOGRAPHIC_REPLACEMENTS); everything else, including line
 * breaks and Cyrillic, is left as is.
 */
export function sanitizeText(text: string): string {
	let result = '';
	for (const character of text) {
		result += TYPOGRAPHIC_REPLACEMENTS.get(character) ?? character;
	}
	return result;
}
