import fc from 'fast-check';
import { analyzeText } from '../../../../nodes/core/text/analyzeText';
import { isGsmCharacter } from '../../../../nodes/core/text/gsmAlphabet';
import { sanitizeText } from '../../../../nodes/core/text/sanitizeText';
import { TYPOGRAPHIC_REPLACEMENTS } from '../../../../nodes/core/text/typographicReplacements';
import { anyText, gsmExtendedText } from './alphabets';

const TYPOGRAPHY = [...TYPOGRAPHIC_REPLACEMENTS.keys()];

describe('sanitizeText', () => {
	it.each([
		['«Ваш заказ»', '"Ваш заказ"'],
		['„Пасылка“ “one” ‟two”', '"Пасылка" "one" "two"'],
		['it’s ‘quoted’ ‚low‛ 5′', "it's 'quoted' 'low' 5'"],
		['Мар\u02bcяна', "Мар'яна"],
		['a — b – c ‒ d ― e − f', 'a - b - c - d - e - f'],
		['Wait…', 'Wait...'],
		['10\u00a0000\u2009BYN\u202fnow\u3000ok\u205fx\u2007y', '10 000 BYN now ok x y'],
		['zero\u200bwidth\u2060\ufeffsoft\u00adhyphen', 'zerowidthsofthyphen'],
		// Joiners are part of the text: emoji sequences and Persian words keep them.
		['👨\u200d👩\u200d👧 می\u200cخواهم', '👨\u200d👩\u200d👧 می\u200cخواهم'],
		['• one\n• two', '* one\n* two'],
		['Заказ №1234', 'Заказ No.1234'],
		['Brand™ ©2024 ®', 'BrandTM (c)2024 (R)'],
		['line1\r\nline2\nline3\u2028line4', 'line1\r\nline2\nline3\nline4'],
		['`tick´', "'tick'"],
	])('%j → %j', (input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});

	it('turns a typographic English text into GSM-7, which fits 160 per part instead of 70', () => {
		const text = '«Your order» — shipped… Thanks!';
		expect(analyzeText(text).encoding).toBe('UCS-2');
		expect(analyzeText(sanitizeText(text))).toMatchObject({ encoding: 'GSM-7', nonGsmCharacters: [] });
	});

	it('leaves Cyrillic and emoji alone', () => {
		expect(sanitizeText('Привет, Мінск! 😀')).toBe('Привет, Мінск! 😀');
	});

	it('never replaces a GSM character, and every replacement is plain GSM', () => {
		for (const [character, replacement] of TYPOGRAPHIC_REPLACEMENTS) {
			expect([character, isGsmCharacter(character)]).toEqual([character, false]);
			expect([character, analyzeText(replacement).encoding]).toEqual([character, 'GSM-7']);
		}
	});

	it('never changes a pure-GSM text', () => {
		fc.assert(fc.property(gsmExtendedText(), (text) => sanitizeText(text) === text));
	});

	it('is idempotent', () => {
		const withTypography = fc
			.array(fc.oneof(anyText(), fc.constantFrom(...TYPOGRAPHY)), { maxLength: 20 })
			.map((pieces) => pieces.join(''));
		fc.assert(
			fc.property(withTypography, (text) => {
				const once = sanitizeText(text);
				expect(sanitizeText(once)).toBe(once);
			}),
		);
	});
});
