import fc from 'fast-check';
import { normalizePhone } from '../../../../nodes/core/phone/normalizePhone';
import { normalizePhoneList } from '../../../harness/normalizePhoneList';

const SEPARATORS = [' ', '-', '.', '(', ')', '\u00a0', '\u2009', '\u2013', '/', ''];

/** Strings that look like what people type, so that many of them are accepted numbers. */
const phoneLike = fc
	.tuple(
		fc.constantFrom('', '+', '00', '8', '80', '8 0', '+375', '375', '+380', '380', '+7', '7', '0', 'tel:+', '+690', '+683'),
		fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 14 }),
		fc.array(fc.constantFrom(...SEPARATORS), { minLength: 14, maxLength: 14 }),
	)
	.map(([prefix, digits, separators]) => prefix + digits.map((digit, index) => `${digit}${separators[index]}`).join(''));

/** A mobile prefix followed by random subscriber digits: most of these are real numbers. */
const mobileLike = fc
	.tuple(
		fc.constantFrom('+37529', '+37533', '+37544', '+37525', '+38050', '+38067', '+38097', '+7921', '+7903', '+7999'),
		fc.stringMatching(/^\d{7}$/),
	)
	.map(([prefix, rest]) => prefix + rest);

const anyInput = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary' }),
	fc.string({ unit: 'grapheme' }),
	phoneLike,
	mobileLike,
);

const options = fc.record(
	{
		defaultCountry: fc.oneof(fc.constantFrom('BY', 'UA', 'RU', 'by', 'PL', 'US', 'XX', ''), fc.string()),
		requireMobile: fc.boolean(),
	},
	{ requiredKeys: [] },
);

describe('normalizePhone properties', () => {
	it('never throws, and always answers ok with an E.164 number or a reason and a message', () => {
		fc.assert(
			fc.property(anyInput, options, (input, phoneOptions) => {
				const result = normalizePhone(input, phoneOptions);
				expect(result.input).toBe(input);
				if (result.ok) {
					expect(result.e164).toBe(`+${result.digits}`);
				} else {
					expect(result.reason).toMatch(/^[a-z_]+$/);
					expect(result.message.startsWith('Phone number "')).toBe(true);
					// The message normalizePhone gives when something inside it threw.
					expect(result.message.endsWith('(it could not be parsed)')).toBe(false);
				}
			}),
			{ numRuns: 600 },
		);
	});

	it('accepts only 8 to 15 digits', () => {
		fc.assert(
			fc.property(anyInput, options, (input, phoneOptions) => {
				const result = normalizePhone(input, phoneOptions);
				if (result.ok) expect(result.digits).toMatch(/^\d{8,15}$/);
			}),
			{ numRuns: 600 },
		);
	});

	it('is idempotent: an accepted E.164 number normalizes to itself, whatever the default country', () => {
		let accepted = 0;
		fc.assert(
			fc.property(fc.oneof(phoneLike, mobileLike), options, options, (input, first, second) => {
				const result = normalizePhone(input, first);
				if (!result.ok) return;
				accepted++;
				const again = normalizePhone(result.e164, { ...second, requireMobile: first.requireMobile });
				expect(again).toMatchObject({ ok: true, e164: result.e164, digits: result.digits, country: result.country });
			}),
			{ numRuns: 500 },
		);
		// Guards against a generator that never produces a valid number, which would make this test vacuous.
		expect(accepted).toBeGreaterThan(50);
	});

	it('normalizePhoneList gives one entry per input and points duplicates at an earlier first occurrence', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(mobileLike, phoneLike, fc.constant('8 029 671 72 59')), { maxLength: 30 }), (inputs) => {
				const entries = normalizePhoneList(inputs);
				expect(entries).toHaveLength(inputs.length);
				entries.forEach((entry, index) => {
					expect(entry.input).toBe(inputs[index]);
					if (entry.duplicateOf === undefined) return;
					const first = entries[entry.duplicateOf];
					expect(entry.duplicateOf).toBeLessThan(index);
					expect(first.duplicateOf).toBeUndefined();
					expect(first.ok && entry.ok && first.e164 === entry.e164).toBe(true);
				});
			}),
			{ numRuns: 150 },
		);
	});
});
