import { analyzeText } from '../../../../nodes/core/text/analyzeText';
import { splitIntoParts } from '../../../../nodes/core/text/splitIntoParts';

const latin = (length: number) => 'a'.repeat(length);
const cyrillic = (length: number) => 'ж'.repeat(length);

describe('analyzeText', () => {
	it('reports an empty text as no parts', () => {
		expect(analyzeText('')).toEqual({
			encoding: 'GSM-7',
			characters: 0,
			units: 0,
			parts: 0,
			perPart: 160,
			nonGsmCharacters: [],
		});
	});

	it('makes a Cyrillic text UCS-2 and names the distinct characters that did it, in order', () => {
		expect(analyzeText('Ваш код: 1234. Код!')).toEqual({
			encoding: 'UCS-2',
			characters: 19,
			units: 19,
			parts: 1,
			perPart: 70,
			nonGsmCharacters: ['В', 'а', 'ш', 'к', 'о', 'д', 'К'],
		});
	});

	it('reports a single stray character that forces an otherwise Latin text into UCS-2', () => {
		const result = analyzeText(`Order ${latin(100)} — confirmed`);
		expect(result).toMatchObject({ encoding: 'UCS-2', parts: 2, perPart: 67, nonGsmCharacters: ['—'] });
	});

	it('counts code points as characters and UTF-16 units for UCS-2', () => {
		expect(analyzeText('Hi 😀')).toMatchObject({ encoding: 'UCS-2', characters: 4, units: 5, nonGsmCharacters: ['😀'] });
	});

	it('counts extension characters as two septets', () => {
		expect(analyzeText('{€}')).toMatchObject({ encoding: 'GSM-7', characters: 3, units: 6, parts: 1 });
	});

	it.each([
		[160, 1, 160],
		[161, 2, 153],
		[306, 2, 153],
		[307, 3, 153],
	])('GSM-7: %i septets are %i part(s) of %i', (length, parts, perPart) => {
		expect(analyzeText(latin(length))).toMatchObject({ encoding: 'GSM-7', units: length, parts, perPart });
	});

	it.each([
		[70, 1, 70],
		[71, 2, 67],
		[134, 2, 67],
		[135, 3, 67],
	])('UCS-2: %i units are %i part(s) of %i', (length, parts, perPart) => {
		expect(analyzeText(cyrillic(length))).toMatchObject({ encoding: 'UCS-2', units: length, parts, perPart });
	});

	it('fits 80 extension characters (160 septets) in one SMS, not 81', () => {
		expect(analyzeText('€'.repeat(80)).parts).toBe(1);
		expect(analyzeText('€'.repeat(81)).parts).toBe(2);
	});

	it('moves an extension character at septet 153 to the next part, which can cost a part', () => {
		// 152 + 2 + 152 = 306 septets: naive ceil(306 / 153) = 2, but the escape pair cannot be split.
		const text = latin(152) + '€' + latin(152);
		const parts = splitIntoParts(text);
		expect(parts.map((part) => part.length)).toEqual([152, 152, 1]);
		expect(parts[1].startsWith('€')).toBe(true);
		expect(analyzeText(text)).toMatchObject({ units: 306, parts: 3 });
	});

	it('keeps an extension character that ends exactly at septet 153 in the first part', () => {
		const text = latin(151) + '€' + latin(153);
		expect(splitIntoParts(text).map((part) => part.length)).toEqual([152, 153]);
		expect(analyzeText(text)).toMatchObject({ units: 306, parts: 2 });
	});

	it('moves an emoji at unit 67 to the next part, which can cost a part', () => {
		const text = cyrillic(66) + '😀' + cyrillic(66);
		const parts = splitIntoParts(text);
		expect(parts).toEqual([cyrillic(66), '😀' + cyrillic(65), cyrillic(1)]);
		expect(analyzeText(text)).toMatchObject({ units: 134, parts: 3, perPart: 67 });
	});

	it('keeps an emoji that ends exactly at unit 67 in the first part', () => {
		const text = cyrillic(65) + '😀' + cyrillic(67);
		expect(splitIntoParts(text)).toEqual([cyrillic(65) + '😀', cyrillic(67)]);
		expect(analyzeText(text).parts).toBe(2);
	});

	it('does not split a single SMS even when it holds a pair at the 153rd septet', () => {
		expect(splitIntoParts(latin(152) + '€' + latin(6))).toEqual([latin(152) + '€' + latin(6)]);
	});
});
