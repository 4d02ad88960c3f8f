/**
 * A character as a message should show it: quoted when visible, by code point when it is a space,
 * control or invisible mark, so the message says what is really there.
 */
export function quoteCharacter(character: string): string {
	if (character === "'") return `"'"`;
	if (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character)) return `'${character}'`;
	const codePoint = character.codePointAt(0) ?? 0;
	const name = character === ' ' ? ' (space)' : '';
	return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}${name}`;
}

const MAX_LISTED_CHARACTERS = 5;

/** The first few characters, quoted, for a message: "'a', 'b' and others". */
export function listCharacters(characters: readonly string[]): string {
	const listed = characters.slice(0, MAX_LISTED_CHARACTERS).map(quoteCharacter).join(', ');
	return characters.length > MAX_LISTED_CHARACTERS ? `${listed} and others` : listed;
}
