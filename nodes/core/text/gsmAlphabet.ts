/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet, mapped to Unicode as in the Unicode
 * consortium's GSM0338.TXT. Each row string holds 16 consecutive septet codes, so a character's
 * index in the joined table is its septet code.
 */
const ESCAPE = 0x1b;

const GSM_BASIC_ROWS = [
	'@£$¥èéùìòÇ\nØø\rÅå',
	// 0x1B is the escape to the extension table, not a character; the Greek capitals are written
	// as escapes because they look exactly like Latin letters in source.
	'\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u001bÆæßÉ',
	' !"#¤%&\'()*+,-./',
	'0123456789:;<=>?',
	'¡ABCDEFGHIJKLMNO',
	'PQRSTUVWXYZÄÖÑÜ§',
	'¿abcdefghijklmno',
	'pqrstuvwxyzäöñüà',
] as const;

/** Extension table: each costs two septets on the air, ESC followed by this code. */
const GSM_EXTENSION_CODES: ReadonlyArray<readonly [string, number]> = [
	['\f', 0x0a],
	['^', 0x14],
	['{', 0x28],
	['}', 0x29],
	['\\', 0x2f],
	['[', 0x3c],
	['~', 0x3d],
	[']', 0x3e],
	['|', 0x40],
	['€', 0x65],
];

const BASIC_CODES = new Map<string, number>(
	[...GSM_BASIC_ROWS.join('')]
		.map((character, code) => [character, code] as const)
		.filter(([, code]) => code !== ESCAPE),
);

const EXTENSION_CODES = new Map<string, number>(GSM_EXTENSION_CODES);

export const GSM_BASIC_CHARACTERS: ReadonlySet<string> = new Set(BASIC_CODES.keys());
export const GSM_EXTENSION_CHARACTERS: ReadonlySet<string> = new Set(EXTENSION_CODES.keys());

export function isGsmCharacter(character: string): boolean {
	return BASIC_CODES.has(character) || EXTENSION_CODES.has(character);
}

/** The septets one character takes in GSM-7 (one, or ESC + code), or undefined if GSM-7 cannot carry it. */
export function gsmSeptetsOf(character: string): number[] | undefined {
	const basic = BASIC_CODES.get(character);
	if (basic !== undefined) return [basic];
	const extension = EXTENSION_CODES.get(character);
	if (extension !== undefined) return [ESCAPE, extension];
	return undefined;
}

export const GSM_ESCAPE = ESCAPE;

/**
 * Septets per UTF-16 code unit: 1 for the basic table, 2 for the extension table, 0 when GSM-7
 * cannot carry it. Every GSM character is a single BMP unit, so a text is read unit by unit with
 * one array lookup (no string per character); the 64 KB table is built once.
 */
export const GSM_SEPTETS_BY_UNIT: Readonly<Uint8Array> = septetTable();

function septetTable(): Uint8Array {
	const table = new Uint8Array(0x10000);
	const mark = (characters: Iterable<string>, septets: number) => {
		for (const character of characters) {
			if (character.length !== 1) throw new Error(`GSM character ${character} is not one UTF-16 unit`);
			table[character.charCodeAt(0)] = septets;
		}
	};
	mark(BASIC_CODES.keys(), 1);
	mark(EXTENSION_CODES.keys(), 2);
	return table;
}
