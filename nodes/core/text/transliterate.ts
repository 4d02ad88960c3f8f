/**
 * Cyrillic → Latin transliteration after ICAO Doc 9303 "Machine Readable Travel Documents",
 * 8th edition (2021), Part 3, section 6 "Transliteration of Cyrillic characters" — the system
 * printed in Russian (since 2013) and Belarusian (since 2014) passports. Its output is plain ASCII,
 * so a transliterated Cyrillic text fits GSM-7 (160 characters per SMS instead of 70).
 *
 *   А A   Б B   В V   Г G   Д D   Е E   Ё E   Ж ZH  З Z   И I   Й I   К K   Л L
 *   М M   Н N   О O   П P   Р R   С S   Т T   У U   Ф F   Х KH  Ц TS  Ч CH  Ш SH
 *   Щ SHCH      Ъ IE  Ы Y   Ь —   Э E   Ю IU  Я IA
 *   І I   Ї I   Є IE  Ґ G   Ў U   (letters of the other Cyrillic alphabets in the same table)
 *
 * Language-specific rows of the table:
 *   Belarusian: Г → H, Ё → IO (the standard's own exceptions, e.g. Ігар → Ihar, Фёдар → Fiodar).
 * The standard has no entry for Ь (the soft sign is dropped) nor for the Belarusian apostrophe
 * (сям'я); since the standard transliterates letters only, we drop an apostrophe that stands
 * between two Cyrillic letters in Belarusian (сям'я → siamia). In Russian it is punctuation: kept.
 *
 * Case: an upper-case letter gives a capitalised Latin sequence (Ж → Zh), or an all-capitals one
 * when the neighbouring letter is upper case too (ЖУК → ZHUK). Non-Cyrillic characters pass through.
 */
export type TransliterationLanguage = 'ru' | 'be';

const ICAO_CYRILLIC: Readonly<Record<string, string>> = {
	а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i',
	к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
	х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
	і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'u',
};

const LANGUAGE_EXCEPTIONS: Readonly<Record<TransliterationLanguage, Readonly<Record<string, string>>>> = {
	ru: {},
	be: { г: 'h', ё: 'io' },
};

/** Apostrophes dropped between Cyrillic letters, per language (Belarusian uses one in сям'я, б'ю). */
const DROPPED_APOSTROPHES: Readonly<Record<TransliterationLanguage, ReadonlySet<string>>> = {
	ru: new Set(),
	be: new Set(["'", '\u2019', '\u02bc']),
};

export const TRANSLITERATION_TABLES: Readonly<
	Record<TransliterationLanguage, ReadonlyMap<string, string>>
> = {
	ru: buildTable('ru'),
	be: buildTable('be'),
};

export function transliterate(text: string, language: TransliterationLanguage): string {
	const table = TRANSLITERATION_TABLES[language];
	const apostrophes = DROPPED_APOSTROPHES[language];
	const characters = [...text];
	return characters
		.map((character, index) => {
			const previous = characters[index - 1];
			const next = characters[index + 1];
			if (apostrophes.has(character)) {
				return isCyrillicLetter(table, previous) && isCyrillicLetter(table, next) ? '' : character;
			}
			const latin = table.get(character.toLowerCase());
			if (latin === undefined) return character;
			if (!isUpperCase(character)) return latin;
			return isUpperCase(next) || (!isLetter(next) && isUpperCase(previous))
				? latin.toUpperCase()
				: latin.charAt(0).toUpperCase() + latin.slice(1);
		})
		.join('');
}

function buildTable(language: TransliterationLanguage): ReadonlyMap<string, string> {
	return new Map(Object.entries({ ...ICAO_CYRILLIC, ...LANGUAGE_EXCEPTIONS[language] }));
}

function isLetter(character: string | undefined): boolean {
	return character !== undefined && character.toLowerCase() !== character.toUpperCase();
}

function isUpperCase(character: string | undefined): boolean {
	return character !== undefined && isLetter(character) && character === character.toUpperCase();
}

function isCyrillicLetter(table: ReadonlyMap<string, string>, character: string | undefined): boolean {
	return character !== undefined && table.has(character.toLowerCase());
}
