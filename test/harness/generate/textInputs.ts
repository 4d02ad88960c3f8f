/**
 * Message texts for the differential test: deterministic (seeded), cheap to make, and spread over
 * what decides encoding and parts: GSM basic and extension characters, Cyrillic, emoji (surrogate
 * pairs), typographic characters Sanitize replaces, and mixes, with lengths around every part
 * boundary (70/67 units for UCS-2, 160/153 septets for GSM-7, and their multiples).
 */
import { GSM_BASIC_CHARACTERS, GSM_EXTENSION_CHARACTERS } from '../../../nodes/core/text/gsmAlphabet';
import { TYPOGRAPHIC_REPLACEMENTS } from '../../../nodes/core/text/typographicReplacements';
import { seededRandom } from './phoneInputs';

// Bound once: under jest every global lookup (`Math`) goes through the test context's global
// object and costs ~300 ns, which made hashing a million texts take minutes.
const { floor, imul, max } = Math;

const GSM_BASIC = [...GSM_BASIC_CHARACTERS];
const GSM_EXTENSION = [...GSM_EXTENSION_CHARACTERS];
const CYRILLIC = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіІўЎєЄїЇґҐ'];
const EMOJI = ['😀', '🎉', '🚀', '💬', '🙂', '👍', '❤️', '👨\u200d👩\u200d👧', '🇧🇾', '𝄞', '𝐀'];
const TYPOGRAPHY = [...TYPOGRAPHIC_REPLACEMENTS.keys()];
/** Other characters outside GSM: Latin with diacritics, CJK, Arabic, symbols, controls. */
const OTHER = [...'çâêîôûœłđ中文字あアاب∆Ω€\u0000\u0007\u007f\u0085\ufffd'];
/** Broken text: lone surrogates (a damaged text must still be analyzed the same way). */
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];

type Pool = { weight: number; characters: readonly string[] };

/** Text kinds: each a weighted mix of pools. */
const KINDS: Record<string, readonly Pool[]> = {
	gsmBasic: [{ weight: 1, characters: GSM_BASIC }],
	gsmExtension: [
		{ weight: 4, characters: GSM_BASIC },
		{ weight: 1, characters: GSM_EXTENSION },
	],
	cyrillic: [
		{ weight: 6, characters: CYRILLIC },
		{ weight: 2, characters: [' ', ',', '.', '!', '\n'] },
		{ weight: 1, characters: [...'0123456789'] },
	],
	emoji: [
		{ weight: 3, characters: GSM_BASIC },
		{ weight: 1, characters: EMOJI },
	],
	typography: [
		{ weight: 5, characters: GSM_BASIC },
		{ weight: 2, characters: CYRILLIC },
		{ weight: 1, characters: TYPOGRAPHY },
	],
	mixed: [
		{ weight: 6, characters: GSM_BASIC },
		{ weight: 2, characters: GSM_EXTENSION },
		{ weight: 3, characters: CYRILLIC },
		{ weight: 1, characters: EMOJI },
		{ weight: 1, characters: TYPOGRAPHY },
		{ weight: 1, characters: OTHER },
	],
	latinWithOneStray: [
		{ weight: 200, characters: GSM_BASIC },
		{ weight: 1, characters: [...CYRILLIC, ...EMOJI, ...TYPOGRAPHY, ...OTHER] },
	],
	broken: [
		{ weight: 8, characters: GSM_BASIC },
		{ weight: 2, characters: CYRILLIC },
		{ weight: 1, characters: LONE_SURROGATES },
		{ weight: 1, characters: EMOJI },
	],
};

export const TEXT_KINDS = Object.keys(KINDS);

/** Unit counts where a part ends: one part, and the multi-part sizes up to four parts. */
const BOUNDARIES = [70, 67, 134, 201, 268, 160, 153, 306, 459, 612];

export interface TextCase {
	kind: string;
	text: string;
}

/** UTF-16 units of each kind's tape: texts are slices of it, so making one costs no per-character work. */
const TAPE_LENGTH = 1 << 18;

function tapeOf(pools: readonly Pool[], random: () => number): string {
	const total = pools.reduce((sum, pool) => sum + pool.weight, 0);
	const characters: string[] = [];
	let length = 0;
	while (length < TAPE_LENGTH) {
		let weight = random() * total;
		let pool = pools[0];
		for (const candidate of pools) {
			pool = candidate;
			weight -= candidate.weight;
			if (weight < 0) break;
		}
		const character = pool.characters[floor(random() * pool.characters.length)];
		characters.push(character);
		length += character.length;
	}
	return characters.join('');
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * An endless stream of texts: slices of a long random text of each kind (its characters drawn by
 * the kind's weights). Half aim at a boundary (a UTF-16 length within ±3 of one, where extension
 * characters and surrogate pairs straddle the cut), the rest are 0-500 units long. Slices never
 * cut a surrogate pair, except in the "broken" kind.
 */
export function* textCases(seed: number): Generator<TextCase> {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[floor(random() * list.length)];
	const kinds = Object.entries(KINDS).map(([kind, pools]) => ({ kind, tape: tapeOf(pools, random) }));
	for (;;) {
		const { kind, tape } = pick(kinds);
		const target = random() < 0.5 ? max(0, pick(BOUNDARIES) + floor(random() * 7) - 3) : floor(random() * 500);
		let start = floor(random() * (TAPE_LENGTH - 1000));
		let end = start + target;
		if (kind !== 'broken') {
			if (isLow(tape.charCodeAt(start))) {
				start++;
				end++;
			}
			if (end > start && isHigh(tape.charCodeAt(end - 1))) end++;
		}
		yield { kind, text: tape.slice(start, end) };
	}
}

/** A 53-bit hash (cyrb53) to count distinct texts without keeping a million of them. */
export function textHash(text: string, seed = 0): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let index = 0; index < text.length; index++) {
		const unit = text.charCodeAt(index);
		h1 = imul(h1 ^ unit, 2654435761);
		h2 = imul(h2 ^ unit, 1597334677);
	}
	h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
