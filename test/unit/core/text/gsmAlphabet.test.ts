import UnicodeToGsm from 'sms-segments-calculator/dist/libs/UnicodeToGSM';
import {
	GSM_BASIC_CHARACTERS,
	GSM_ESCAPE,
	GSM_EXTENSION_CHARACTERS,
	gsmSeptetsOf,
	isGsmCharacter,
} from '../../../../nodes/core/text/gsmAlphabet';
import { analyzeText } from '../../../../nodes/core/text/analyzeText';

const hex = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

describe('GSM 03.38 tables', () => {
	it('has the 127 characters of the basic table (128 codes minus ESC) and 10 extension characters', () => {
		expect(GSM_BASIC_CHARACTERS.size).toBe(127);
		expect([...GSM_EXTENSION_CHARACTERS].sort()).toEqual([...'\f^{}\\[~]|€'].sort());
	});

	it.each([...GSM_BASIC_CHARACTERS].map((character) => [hex(character), character]))(
		'basic %s is one septet of GSM-7',
		(_, character) => {
			expect(gsmSeptetsOf(character)).toHaveLength(1);
			expect(analyzeText(character)).toMatchObject({ encoding: 'GSM-7', units: 1, parts: 1, nonGsmCharacters: [] });
		},
	);

	it.each([...GSM_EXTENSION_CHARACTERS].map((character) => [hex(character), character]))(
		'extension %s is ESC + code, two septets of GSM-7',
		(_, character) => {
			expect(gsmSeptetsOf(character)).toEqual([GSM_ESCAPE, expect.any(Number)]);
			expect(analyzeText(character)).toMatchObject({ encoding: 'GSM-7', characters: 1, units: 2, parts: 1 });
		},
	);

	it('places well-known characters at their GSM codes', () => {
		expect(gsmSeptetsOf('@')).toEqual([0x00]);
		expect(gsmSeptetsOf('$')).toEqual([0x02]);
		expect(gsmSeptetsOf('\n')).toEqual([0x0a]);
		expect(gsmSeptetsOf('_')).toEqual([0x11]);
		expect(gsmSeptetsOf('¡')).toEqual([0x40]);
		expect(gsmSeptetsOf('à')).toEqual([0x7f]);
		expect(gsmSeptetsOf('€')).toEqual([0x1b, 0x65]);
	});

	it('knows that look-alikes and common non-GSM characters are not GSM', () => {
		// Greek capital Delta and Omega are GSM, the math/physics signs that look the same are not.
		expect(isGsmCharacter('\u0394')).toBe(true);
		expect(isGsmCharacter('\u2206')).toBe(false);
		expect(isGsmCharacter('\u03a9')).toBe(true);
		expect(isGsmCharacter('\u2126')).toBe(false);
		for (const character of ['`', 'ç', 'á', '\t', '\u001b', '«', '—', 'ж', '😀']) {
			expect(isGsmCharacter(character)).toBe(false);
		}
	});

	it('agrees code for code with the Unicode-to-GSM table of sms-segments-calculator', () => {
		const theirs = new Map(
			Object.entries(UnicodeToGsm as Record<string, number[]>).map(([codePoint, septets]) => [
				String.fromCharCode(Number(codePoint)),
				septets,
			]),
		);
		const ours = [...GSM_BASIC_CHARACTERS, ...GSM_EXTENSION_CHARACTERS];
		expect(ours.sort()).toEqual([...theirs.keys()].sort());
		for (const character of ours) {
			expect([hex(character), gsmSeptetsOf(character)]).toEqual([hex(character), theirs.get(character)]);
		}
	});
});
