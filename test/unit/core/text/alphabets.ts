import fc from 'fast-check';
import { GSM_BASIC_CHARACTERS, GSM_EXTENSION_CHARACTERS } from '../../../../nodes/core/text/gsmAlphabet';

/** Character pools for the generators; none of them forms a multi-code-point grapheme cluster. */
export const GSM_BASIC = [...GSM_BASIC_CHARACTERS];
export const GSM_EXTENSION = [...GSM_EXTENSION_CHARACTERS];
export const CYRILLIC = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіІўЎ'];
/** Other BMP characters outside GSM: Latin with diacritics, CJK, Arabic, symbols. */
export const OTHER_BMP = [...'çâêîôûœłđ中文字あアاب™©№—«»…•'];
/** Astral characters: each is a surrogate pair (two UTF-16 units) and a grapheme of its own. */
export const ASTRAL = ['😀', '🎉', '🚀', '💬', '𝄞', '𝐀', '🙂'];

/**
 * fast-check keeps arrays short (about 10 items) unless told otherwise; size 'max' spreads the
 * lengths up to maxLength so the texts reach the part boundaries.
 */
const textFrom = (character: fc.Arbitrary<string>, maxLength: number) =>
	fc.array(character, { maxLength, size: 'max' }).map((characters) => characters.join(''));

const textOf = (pool: string[], maxLength: number) => textFrom(fc.constantFrom(...pool), maxLength);

export const gsmBasicText = (maxLength = 500) => textOf(GSM_BASIC, maxLength);

/** GSM text with extension characters frequent enough to land on part boundaries. */
export const gsmExtendedText = (maxLength = 500) =>
	textFrom(fc.oneof(fc.constantFrom(...GSM_BASIC), fc.constantFrom(...GSM_EXTENSION)), maxLength);

export const bmpUnicodeText = (maxLength = 300) =>
	fc
		.tuple(textOf([...GSM_BASIC, ...CYRILLIC, ...OTHER_BMP], maxLength), fc.constantFrom(...CYRILLIC))
		// One forced non-GSM character guarantees UCS-2, wherever it lands.
		.chain(([text, cyrillic]) =>
			fc.nat(text.length).map((at) => text.slice(0, at) + cyrillic + text.slice(at)),
		);

export const unicodeWithPairsText = (maxLength = 300) =>
	textFrom(
		fc.oneof(
			fc.constantFrom(...GSM_BASIC),
			fc.constantFrom(...GSM_EXTENSION),
			fc.constantFrom(...CYRILLIC),
			fc.constantFrom(...OTHER_BMP),
			fc.constantFrom(...ASTRAL),
		),
		maxLength,
	);

export const anyText = () =>
	fc.oneof(
		gsmBasicText(),
		gsmExtendedText(),
		bmpUnicodeText(),
		unicodeWithPairsText(),
		arbitraryCodePointText(300),
	);

/**
 * Any well-formed text: random code points, surrogates excluded. (fc.string's 'binary' unit does
 * the same but takes seconds to set up.)
 */
export const arbitraryCodePointText = (maxLength = 300) =>
	textFrom(
		fc
			.integer({ min: 0, max: 0x10ffff })
			.filter((codePoint) => codePoint < 0xd800 || codePoint > 0xdfff)
			.map((codePoint) => String.fromCodePoint(codePoint)),
		maxLength,
	);
