import { normalizePhoneList } from '../../../harness/normalizePhoneList';

describe('normalizePhoneList', () => {
	it('gives one entry per input, in order, and marks later copies of a number as duplicates', () => {
		const inputs = ['296717259', '+380989361131', 'abc', '8 (029) 671-72-59', '380989361131', '+375296717259', 'abc'];
		const entries = normalizePhoneList(inputs);

		expect(entries.map((entry) => entry.input)).toEqual(inputs);
		expect(entries.map((entry) => (entry.ok ? entry.e164 : entry.reason))).toEqual([
			'+375296717259',
			'+380989361131',
			'invalid_characters',
			'+375296717259',
			'+380989361131',
			'+375296717259',
			'invalid_characters',
		]);
		expect(entries.map((entry) => entry.duplicateOf)).toEqual([undefined, undefined, undefined, 0, 1, 0, undefined]);
	});

	it('leaves the first occurrence unmarked so it is the one sent', () => {
		const [first, second] = normalizePhoneList(['+375 29 671 72 59', '80296717259']);
		expect(first).not.toHaveProperty('duplicateOf');
		expect(second).toMatchObject({ ok: true, e164: '+375296717259', duplicateOf: 0 });
	});

	it('applies the options to every entry', () => {
		const entries = normalizePhoneList(['0989361131', '8 017 222-22-22'], { defaultCountry: 'UA', requireMobile: false });
		expect(entries[0]).toMatchObject({ ok: true, e164: '+380989361131' });
		// A Belarusian fixed line in national form means nothing in Ukraine.
		expect(entries[1]).toMatchObject({ ok: false, reason: 'too_long' });
		const byEntries = normalizePhoneList(['8 017 222-22-22'], { requireMobile: false });
		expect(byEntries[0]).toMatchObject({ ok: true, e164: '+375172222222' });
	});

	it('returns an empty list for no inputs', () => {
		expect(normalizePhoneList([])).toEqual([]);
	});
});
