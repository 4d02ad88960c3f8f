import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import { analyzeText } from '../../../../nodes/core/text/analyzeText';
import { sanitizeText } from '../../../../nodes/core/text/sanitizeText';
import { splitIntoParts } from '../../../../nodes/core/text/splitIntoParts';
import { bmpUnicodeText, gsmBasicText, gsmExtendedText, unicodeWithPairsText } from './alphabets';

/**
 * sms-segments-calculator (Twilio) is an independent implementation of the same GSM 03.38 / UDH
 * arithmetic; on texts without multi-code-point grapheme clusters we must agree exactly.
 */
function theirs(text: string) {
	const message = new SegmentedMessage(text);
	return { encoding: message.encodingName, parts: message.segmentsCount };
}

function ours(text: string) {
	const { encoding, parts } = analyzeText(text);
	// The library reports one segment for an empty text; an empty text sends nothing, so we say 0.
	return { encoding, parts: text === '' ? 1 : parts };
}

describe('analyzeText agrees with sms-segments-calculator', () => {
	it.each([
		['GSM basic characters', gsmBasicText(400)],
		['GSM with extension characters', gsmExtendedText(400)],
		['BMP Unicode (Cyrillic, CJK, typography)', bmpUnicodeText(300)],
		['Unicode with surrogate pairs and extension characters', unicodeWithPairsText(300)],
	])('on %s', (_, texts) => {
		fc.assert(fc.property(texts, (text) => expect(ours(text)).toEqual(theirs(text))), { numRuns: 120 });
	});

	it.each([
		['escape pair at septet 153', 'a'.repeat(152) + '€' + 'a'.repeat(152)],
		['escape pair ending at septet 153', 'a'.repeat(151) + '€' + 'a'.repeat(153)],
		['surrogate pair at unit 67', 'ж'.repeat(66) + '😀' + 'ж'.repeat(66)],
		['CRLF line breaks', 'line one\r\nline two\r\n'.repeat(12)],
		['a lone high surrogate', 'ab\ud800cd'],
	])('on the edge case: %s', (_, text) => {
		expect(ours(text)).toEqual(theirs(text));
	});
});

describe('where we differ from sms-segments-calculator on purpose', () => {
	it('the empty text: the library says one segment, we say none (nothing is sent or billed)', () => {
		expect(new SegmentedMessage('').segmentsCount).toBe(1);
		expect(analyzeText('').parts).toBe(0);
	});

	it('a grapheme cluster across a boundary: the library keeps it whole, we split between code points', () => {
		// A flag is two regional-indicator code points (2 × 2 units). The gateways cut parts at
		// code-unit positions, keeping only surrogate pairs whole; the phone reassembles the parts
		// before drawing, so the flag is intact on screen. Keeping clusters whole overcounts.
		const text = 'ж'.repeat(65) + '🇧🇾' + 'ж'.repeat(64);
		expect(theirs(text).parts).toBe(3);
		expect(splitIntoParts(text)).toEqual(['ж'.repeat(65) + '🇧', '🇾' + 'ж'.repeat(64)]);
		expect(analyzeText(text).parts).toBe(2);
	});

	it('nonGsmCharacters: the library lists graphemes with repeats, we list distinct code points', () => {
		const text = 'Cafe\u0301 cafe\u0301';
		expect(new SegmentedMessage(text).getNonGsmCharacters()).toEqual(['e\u0301', 'e\u0301']);
		// The combining accent is what has to go for GSM-7; "e" itself is fine.
		expect(analyzeText(text).nonGsmCharacters).toEqual(['\u0301']);
		expect(ours(text)).toEqual(theirs(text));
	});

	it('smart encoding: the library can silently swap typography; we count the text as given', () => {
		// Replacing characters is the user's choice (sanitizeText), so the count reflects what will
		// really be sent; with the library's optional smart encoding on, it would not.
		const text = '«Order» — OK';
		expect(new SegmentedMessage(text, 'auto', true).encodingName).toBe('GSM-7');
		expect(analyzeText(text).encoding).toBe('UCS-2');
		expect(analyzeText(sanitizeText(text)).encoding).toBe('GSM-7');
	});
});
