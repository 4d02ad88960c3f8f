import { FAST_PATH_COUNTRIES, readMobileQuickly } from '../../../../nodes/core/phone/readMobileQuickly';
import { readPhoneNumber } from '../../../../nodes/core/phone/readPhoneNumber';

/**
 * The fast path answers for Belarusian, Ukrainian and Russian numbers that receive SMS, with what
 * the library's own reading gives, and leaves everything else to the library. The differential
 * test proves "the same" on a million inputs; this says which inputs it takes at all, so that a
 * metadata update that switched it off (a calling code no longer read the same way) shows.
 */
describe('readMobileQuickly', () => {
	it.each([
		// National, with and without the trunk prefix; the calling code typed without '+'.
		['291234567', 'BY', '+375291234567', 'BY'],
		['80291234567', 'BY', '+375291234567', 'BY'],
		['0291234567', 'BY', '+375291234567', 'BY'],
		['375291234567', 'BY', '+375291234567', 'BY'],
		['501234567', 'UA', '+380501234567', 'UA'],
		['0501234567', 'UA', '+380501234567', 'UA'],
		['380501234567', 'UA', '+380501234567', 'UA'],
		['9121234567', 'RU', '+79121234567', 'RU'],
		['89121234567', 'RU', '+79121234567', 'RU'],
		['79121234567', 'RU', '+79121234567', 'RU'],
		// After a '+' (no default country applies).
		['375291234567', undefined, '+375291234567', 'BY'],
		['380671234567', undefined, '+380671234567', 'UA'],
		['79261234567', undefined, '+79261234567', 'RU'],
	] as const)('reads %s (default %s) as %s in %s, as the library does', (digits, country, e164, numberCountry) => {
		const quick = readMobileQuickly(digits, country);
		expect(quick).toEqual({ valid: true, e164, country: numberCountry, type: 'MOBILE' });
		expect(readPhoneNumber(digits, country)).toEqual(quick);
	});

	it.each([
		['a fixed line', '172123456', 'BY'],
		['a toll-free number', '8800123456', 'BY'],
		['too short', '2912345', 'BY'],
		['typed with the international prefix', '810375291234567', 'BY'],
		['typed with the international prefix', '00380501234567', 'UA'],
		['a Kazakh mobile number (calling code 7, not a fast-path country)', '77011234567', undefined],
		['a Kazakh mobile number with Russia as the default country', '87011234567', 'RU'],
		['a Polish number', '48512345678', undefined],
		['another default country', '512345678', 'PL'],
		['a calling code that does not exist', '999123456789', undefined],
	] as const)('leaves %s (%s, default %s) to the library', (_, digits, country) => {
		expect(readMobileQuickly(digits, country)).toBeUndefined();
	});

	it('is on for every fast-path country with the metadata installed', () => {
		expect(FAST_PATH_COUNTRIES).toEqual(['BY', 'UA', 'RU']);
		for (const [digits, country] of [['291234567', 'BY'], ['501234567', 'UA'], ['9121234567', 'RU']] as const) {
			expect(readMobileQuickly(digits, country)?.country).toBe(country);
		}
	});
});
