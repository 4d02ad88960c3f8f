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
