/**
 * Typographic characters that either force a whole message into UCS-2 or, as the A1 guide warns,
 * get mangled when the gateway converts UTF-8 to GSM, mapped to plain equivalents. No key is a GSM
 * character (a pure-GSM text is never changed) and no replacement contains a key (idempotent);
 * both are checked by the tests. Line breaks (LF, CR) are GSM and are kept.
 */
const GROUPS: ReadonlyArray<readonly [replacement: string, characters: string]> = [
	// « » „ “ ” ‟ ″ ‶ 〝 〞 ＂
	['"', '\u00ab\u00bb\u201e\u201c\u201d\u201f\u2033\u2036\u301d\u301e\uff02'],
	// ‘ ’ ‚ ‛ ′ ‵ ‹ › ` ´ ʹ ʻ ʼ ʽ ˈ ＇ — the last ones are the "fancy apostrophes" of Ukrainian
	// and Belarusian text typed on phones (ʼ U+02BC is the official Ukrainian apostrophe).
	["'", '\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a\u0060\u00b4\u02b9\u02bb\u02bc\u02bd\u02c8\uff07'],
	// ‐ ‑ ‒ – — ― − ⁃ ﹘ ﹣ －
	['-', '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d'],
	['...', '\u2026'],
	// NBSP, the U+2000–U+200A spaces, narrow NBSP, medium math space, ideographic space, ogham
	// space, and TAB (not in GSM; most phones show it as nothing).
	[
		' ',
		'\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u1680\t',
	],
	// Unicode line and paragraph separators are line breaks in disguise.
	['\n', '\u2028\u2029'],
	// Zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel separator. The zero-width
	// joiner and non-joiner (U+200D, U+200C) are kept: they are part of the text, joining emoji
	// sequences (👨‍👩‍👧) and keeping Persian and Indic letters apart (Unicode 15, section 23.2).
	['', '\u200b\u2060\ufeff\u00ad\u180e'],
	// • ‣ ◦ ⁌ ⁍ ∙ ● ▪
	['*', '\u2022\u2023\u25e6\u204c\u204d\u2219\u25cf\u25aa'],
	['No.', '\u2116'],
	['TM', '\u2122'],
	['(c)', '\u00a9'],
	['(R)', '\u00ae'],
];

export const TYPOGRAPHIC_REPLACEMENTS: ReadonlyMap<string, string> = new Map(
	GROUPS.flatMap(([replacement, characters]) =>
		[...characters].map((character) => [character, replacement] as const),
	),
);
