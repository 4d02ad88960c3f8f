import fc from 'fast-check';
import { analyzeText } from '../../../../nodes/core/text/analyzeText';
import { sanitizeText } from '../../../../nodes/core/text/sanitizeText';
import { TRANSLITERATION_TABLES, transliterate } from '../../../../nodes/core/text/transliterate';
import { GSM_BASIC } from './alphabets';

const RUSSIAN_LETTERS = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'];
const BELARUSIAN_LETTERS = [...'абвгдеёжзійклмнопрстуўфхцчшыьэюя'];

describe('transliterate (ICAO Doc 9303)', () => {
	it.each([
		['Ваш заказ №1234 подтверждён', 'Vash zakaz №1234 podtverzhden'],
		['Съешь же ещё этих мягких французских булок', 'Sieesh zhe eshche etikh miagkikh frantsuzskikh bulok'],
		['Щука, Юля, Хабаровск, Цой, Йошкар-Ола', 'Shchuka, Iulia, Khabarovsk, Tsoi, Ioshkar-Ola'],
		['Д\'Артаньян', "D'Artanian"],
	])('ru: %s', (input, expected) => {
		expect(transliterate(input, 'ru')).toBe(expected);
	});

	it.each([
		['Ваша замова гатовая. Дзякуй!', 'Vasha zamova hatovaia. Dziakui!'],
		// The standard's own examples for Belarusian names.
		['Бабрыковіч Аляксандр', 'Babrykovich Aliaksandr'],
		['Міховіч Марыя', 'Mikhovich Maryia'],
		['Ігар', 'Ihar'],
		['СВЯТЛАНА', 'SVIATLANA'],
		['Фёдар з Мёраў', 'Fiodar z Miorau'],
		// The apostrophe between letters is dropped, in any of its typed forms.
		["сям'я, сям\u2019я, сям\u02bcя", 'siamia, siamia, siamia'],
		["'цытата'", "'tsytata'"],
	])('be: %s', (input, expected) => {
		expect(transliterate(input, 'be')).toBe(expected);
	});

	it.each([
		['Жук', 'Zhuk'],
		['ЖУК', 'ZHUK'],
		['ПИЩ', 'PISHCH'],
		['Щ.', 'Shch.'],
		['ЮЛЯ И ЯША', 'IULIA I IASHA'],
		['ЁЖ', 'EZH'],
		['ОБЪЕКТ', 'OBIEEKT'],
		['СЪЕЗД', 'SIEEZD'],
		['ПОДЪЁМ Ъ', 'PODIEEM Ie'],
		['МЫШЬ', 'MYSH'],
	])('case: %s → %s', (input, expected) => {
		expect(transliterate(input, 'ru')).toBe(expected);
	});

	it('leaves every non-Cyrillic character alone', () => {
		expect(transliterate('Order #12: 5 € {ok} 😀 Ελλάδα', 'ru')).toBe('Order #12: 5 € {ok} 😀 Ελλάδα');
	});

	it('covers every letter of both alphabets, in both cases, with plain ASCII', () => {
		for (const [language, letters] of [
			['ru', RUSSIAN_LETTERS],
			['be', BELARUSIAN_LETTERS],
		] as const) {
			for (const letter of [...letters, ...letters.map((l) => l.toUpperCase())]) {
				const latin = transliterate(letter, language);
				expect([letter, /^[A-Za-z]*$/.test(latin)]).toEqual([letter, true]);
			}
			expect(TRANSLITERATION_TABLES[language].size).toBeGreaterThanOrEqual(letters.length);
		}
	});

	it('makes any Russian or Belarusian text (after sanitizing) GSM-7', () => {
		const text = (letters: string[]) =>
			fc
				.array(
					fc.oneof(
						fc.constantFrom(...letters),
						fc.constantFrom(...letters.map((letter) => letter.toUpperCase())),
						fc.constantFrom(...GSM_BASIC),
						fc.constantFrom('«', '»', '—', '№', '…'),
					),
					{ maxLength: 200, size: 'max' },
				)
				.map((characters) => characters.join(''));
		fc.assert(
			fc.property(text(RUSSIAN_LETTERS), (input) => {
				expect(analyzeText(transliterate(sanitizeText(input), 'ru')).encoding).toBe('GSM-7');
			}),
		);
		fc.assert(
			fc.property(text(BELARUSIAN_LETTERS), (input) => {
				expect(analyzeText(transliterate(sanitizeText(input), 'be')).encoding).toBe('GSM-7');
			}),
		);
	});

	it('turns a long Cyrillic notice into fewer SMS parts', () => {
		const notice = 'Уважаемый клиент! Ваш заказ №1234 подтверждён и будет доставлен завтра с 10:00 до 14:00.';
		const before = analyzeText(notice);
		const after = analyzeText(transliterate(sanitizeText(notice), 'ru'));
		expect(before).toMatchObject({ encoding: 'UCS-2', parts: 2 });
		expect(after).toMatchObject({ encoding: 'GSM-7', parts: 1 });
	});
});
