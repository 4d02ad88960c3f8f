import { analyzeText, type TextAnalysis } from '../../../../nodes/core/text/analyzeText';
import { sanitizeText } from '../../../../nodes/core/text/sanitizeText';
import { TEXT_KINDS, textCases, textHash } from '../../../harness/generate/textInputs';
import { analyzeTextReference } from '../../../harness/reference/analyzeTextReference';
import { sanitizeTextReference } from '../../../harness/reference/sanitizeTextReference';

/**
 * The single pass (analyzeText) and the copy-free sanitizeText must give exactly what the
 * reference path gives (encoding detected twice, part strings built and counted, the text rebuilt
 * character by character) — speed never changes a result. A million distinct texts of every kind,
 * half of them within three units of a part boundary; each is analyzed as it is and, when
 * Sanitize changes it, after sanitizing, as prepareMessage does.
 */
const CASES = 1_000_000;
const CHUNKS = 4;

function sameAnalysis(fast: TextAnalysis, reference: TextAnalysis): boolean {
	return (
		fast.encoding === reference.encoding &&
		fast.characters === reference.characters &&
		fast.units === reference.units &&
		fast.parts === reference.parts &&
		fast.perPart === reference.perPart &&
		fast.nonGsmCharacters.length === reference.nonGsmCharacters.length &&
		fast.nonGsmCharacters.every((character, index) => character === reference.nonGsmCharacters[index]) &&
		Object.keys(fast).length === Object.keys(reference).length
	);
}

describe('analyzeText and sanitizeText are identical to the reference implementation', () => {
	const seen = new Set<number>();
	const kinds = new Map<string, number>();
	const outcomes = new Map<string, number>();
	const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

	it.each(Array.from({ length: CHUNKS }, (_, index) => index))(
		'on generated texts, chunk %i of a million',
		(chunk) => {
			const differences: unknown[] = [];
			const target = (chunk + 1) * (CASES / CHUNKS);
			for (const { kind, text } of textCases(2000 + chunk)) {
				if (seen.size >= target) break;
				const key = textHash(text);
				// A repeated text proves nothing new: only distinct texts are compared and counted.
				if (seen.has(key)) continue;
				seen.add(key);
				count(kinds, kind);

				const fast = analyzeText(text);
				const reference = analyzeTextReference(text);
				const sanitized = sanitizeText(text);
				const sanitizedReference = sanitizeTextReference(text);
				// A text Sanitize leaves alone was compared just above.
				const changed = sanitized !== text || sanitizedReference !== text;
				const fastAfter = changed ? analyzeText(sanitized) : fast;
				const referenceAfter = changed ? analyzeTextReference(sanitizedReference) : reference;
				count(outcomes, `${fast.encoding} ${Math.min(fast.parts, 4)} part(s)`);
				if (sanitized === text) count(outcomes, 'unchanged by sanitize');
				if (fast.units === fast.perPart || fast.units === fast.perPart * fast.parts) count(outcomes, 'exactly full');
				// A part left one unit short (an escape pair or surrogate pair kept whole) that costs a part more.
				if (fast.parts > Math.ceil(fast.units / fast.perPart)) count(outcomes, 'part cut short');
				const same = sameAnalysis(fast, reference) && sanitized === sanitizedReference && sameAnalysis(fastAfter, referenceAfter);
				if (!same && differences.length < 5) differences.push({ kind, text, fast, reference, sanitized, sanitizedReference });
			}
			expect(differences).toEqual([]);
		},
		300_000,
	);

	it('compared at least a million distinct texts, with every kind and boundary well represented', () => {
		expect(seen.size).toBe(CASES);
		for (const kind of TEXT_KINDS) expect([kind, kinds.get(kind) ?? 0]).toEqual([kind, expect.any(Number)]);
		for (const kind of TEXT_KINDS) expect(kinds.get(kind) ?? 0).toBeGreaterThan(50_000);
		for (const outcome of ['GSM-7 0 part(s)', 'GSM-7 1 part(s)', 'GSM-7 2 part(s)', 'GSM-7 3 part(s)', 'GSM-7 4 part(s)', 'UCS-2 1 part(s)', 'UCS-2 2 part(s)', 'UCS-2 3 part(s)', 'UCS-2 4 part(s)', 'unchanged by sanitize', 'exactly full', 'part cut short']) {
			// Few distinct texts are empty, and few cuts cost a part.
			const least = outcome === 'GSM-7 0 part(s)' ? 0 : outcome === 'part cut short' ? 500 : 5_000;
			const seenTimes = outcomes.get(outcome) ?? 0;
			expect([outcome, seenTimes > least ? 'enough' : seenTimes]).toEqual([outcome, 'enough']);
		}
	});
});
