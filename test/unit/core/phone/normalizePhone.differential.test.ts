import { normalizePhone } from '../../../../nodes/core/phone/normalizePhone';
import type { PhoneResult } from '../../../../nodes/core/phone/PhoneResult';
import { phoneCases } from '../../../harness/generate/phoneInputs';
import { normalizePhoneReference } from '../../../harness/reference/normalizePhoneReference';

/**
 * The fast path (Belarusian, Ukrainian and Russian numbers that receive SMS read with the numbering
 * plans' patterns compiled once; otherwise one reading first, one parse, one getType, the length
 * verdict from the parsed number) must give exactly what the reference path gives (both readings,
 * throwing parse, getType twice, a second parse for the length verdict) — speed never changes a
 * result. A million distinct cases: every Default Country (and some that are not countries), with
 * and without Require Mobile, every way of typing a number, and garbage.
 */
const CASES = 1_000_000;
const CHUNKS = 4;

function sameResult(fast: PhoneResult, reference: PhoneResult): boolean {
	if (fast.ok !== reference.ok || fast.input !== reference.input) return false;
	if (fast.ok && reference.ok) {
		return fast.e164 === reference.e164 && fast.digits === reference.digits && fast.country === reference.country && Object.keys(fast).length === Object.keys(reference).length;
	}
	return !fast.ok && !reference.ok && fast.reason === reference.reason && fast.message === reference.message;
}

describe('normalizePhone is identical to the reference implementation', () => {
	const seen = new Set<string>();
	const outcomes = new Map<string, number>();

	it.each(Array.from({ length: CHUNKS }, (_, index) => index))(
		'on generated inputs, chunk %i of a million',
		(chunk) => {
			const differences: unknown[] = [];
			const target = (chunk + 1) * (CASES / CHUNKS);
			for (const phoneCase of phoneCases(1000 + chunk, Infinity)) {
				if (seen.size >= target) break;
				const key = `${phoneCase.input}\u0000${phoneCase.defaultCountry}\u0000${phoneCase.requireMobile}`;
				// A repeated case proves nothing new: only distinct cases are compared and counted.
				if (seen.has(key)) continue;
				seen.add(key);
				const options = { defaultCountry: phoneCase.defaultCountry, requireMobile: phoneCase.requireMobile };
				const fast = normalizePhone(phoneCase.input, options);
				const reference = normalizePhoneReference(phoneCase.input, options);
				const outcome = fast.ok ? 'accepted' : fast.reason;
				outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
				if (!sameResult(fast, reference) && differences.length < 5) differences.push({ phoneCase, fast, reference });
			}
			expect(differences).toEqual([]);
		},
		300_000,
	);

	it('compared at least a million distinct inputs, with every outcome well represented', () => {
		// Distinct = a different (input, Default Country, Require Mobile) triple.
		expect(seen.size).toBe(CASES);
		for (const outcome of ['accepted', 'not_mobile', 'invalid', 'too_short', 'too_long', 'invalid_characters', 'invalid_country_code', 'empty']) {
			// Few distinct inputs are empty (whitespace only), so "empty" needs fewer.
			expect(outcomes.get(outcome) ?? 0).toBeGreaterThan(outcome === 'empty' ? 10 : 10_000);
		}
	});
});
