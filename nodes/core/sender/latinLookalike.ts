// Cyrillic letters drawn like Latin ones. People often type a sender such as 'СМС' on a Cyrillic
// keyboard; the gateway wants the Latin 'CMC' and rejects the other as an unknown sender.
const LATIN_LOOKALIKE: Record<string, string> = {
	А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
	а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
};

/** The same text with Cyrillic look-alikes replaced by Latin letters, or undefined if some Cyrillic letter has none. */
export function latinLookalike(text: string): string | undefined {
	let latin = '';
	for (const character of text) {
		const replacement = /\p{Script=Cyrillic}/u.test(character) ? LATIN_LOOKALIKE[character] : character;
		if (replacement === undefined) return undefined;
		latin += replacement;
	}
	return latin;
}
