import fc from 'fast-check';
import { analyzeText } from '../../../../nodes/core/text/analyzeText';
import { gsmSeptetsOf, GSM_ESCAPE } from '../../../../nodes/core/text/gsmAlphabet';
import { SMS_PART_LIMITS, type SmsEncoding } from '../../../../nodes/core/text/smsEncoding';
import { splitIntoParts } from '../../../../nodes/core/text/splitIntoParts';
import { anyText, bmpUnicodeText, gsmBasicText, gsmExtendedText, unicodeWithPairsText } from './alphabets';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** What the network carries for a part: its septets (GSM-7) or its UTF-16 units (UCS-2). */
function wireUnits(part: string, encoding: SmsEncoding): number[] {
	if (encoding === 'UCS-2') return Array.from({ length: part.length }, (_, index) => part.charCodeAt(index));
	return [...part].flatMap((character) => gsmSeptetsOf(character)!);
}

const expectedParts = (units: number, single: number, multi: number) =>
	units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);

describe('splitIntoParts properties', () => {
	it('gives the text back when the parts are joined', () => {
		fc.assert(fc.property(anyText(), (text) => splitIntoParts(text).join('') === text));
	});

	it('counts as many parts as it splits into', () => {
		fc.assert(fc.property(anyText(), (text) => analyzeText(text).parts === splitIntoParts(text).length));
	});

	it('never reduces the part count when a character is appended', () => {
		fc.assert(
			fc.property(anyText(), unicodeWithPairsText(1).filter((c) => c !== ''), (text, character) => {
				expect(analyzeText(text + character).parts).toBeGreaterThanOrEqual(analyzeText(text).parts);
			}),
			{ numRuns: 300 },
		);
	});

	it('matches the 160/153 arithmetic for GSM text without extension characters', () => {
		fc.assert(
			fc.property(gsmBasicText(), (text) => {
				expect(analyzeText(text).parts).toBe(expectedParts(text.length, 160, 153));
			}),
		);
	});

	it('matches the 70/67 arithmetic for BMP-only UCS-2 text', () => {
		fc.assert(
			fc.property(bmpUnicodeText(), (text) => {
				expect(analyzeText(text)).toMatchObject({
					encoding: 'UCS-2',
					parts: expectedParts(text.length, 70, 67),
				});
			}),
		);
	});

	it('never starts a part with a lone low surrogate nor ends one with a high surrogate', () => {
		fc.assert(
			fc.property(unicodeWithPairsText(), (text) => {
				for (const part of splitIntoParts(text)) {
					expect(isLowSurrogate(part.charCodeAt(0))).toBe(false);
					expect(isHighSurrogate(part.charCodeAt(part.length - 1))).toBe(false);
				}
			}),
		);
	});

	it('never leaves an orphan escape: every part encodes on its own within the limit', () => {
		fc.assert(
			fc.property(gsmExtendedText(), (text) => {
				const parts = splitIntoParts(text);
				const limit = parts.length > 1 ? SMS_PART_LIMITS['GSM-7'].multi : SMS_PART_LIMITS['GSM-7'].single;
				const encodedParts = parts.map((part) => wireUnits(part, 'GSM-7'));
				for (const septets of encodedParts) {
					expect(septets.length).toBeLessThanOrEqual(limit);
					expect(septets[septets.length - 1]).not.toBe(GSM_ESCAPE);
				}
				// Cutting the whole message's septet stream where the parts end gives the same parts.
				expect(encodedParts.flat()).toEqual(wireUnits(text, 'GSM-7'));
			}),
		);
	});

	it('fills every part but the last as far as the next character allows (no early cut)', () => {
		fc.assert(
			fc.property(unicodeWithPairsText(600), (text) => {
				const { encoding } = analyzeText(text);
				const parts = splitIntoParts(text);
				if (parts.length < 2) return;
				const limit = SMS_PART_LIMITS[encoding].multi;
				for (let index = 0; index + 1 < parts.length; index++) {
					const used = wireUnits(parts[index], encoding).length;
					const next = wireUnits([...parts[index + 1]][0], encoding).length;
					expect(used).toBeLessThanOrEqual(limit);
					expect(used + next).toBeGreaterThan(limit);
				}
			}),
		);
	});
});
