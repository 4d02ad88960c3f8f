import { normalizePhone, type PhoneResult } from '../../../../nodes/core/phone/normalizePhone';

function e164Of(result: PhoneResult): string | undefined {
	return result.ok ? result.e164 : `${result.reason}: ${result.message}`;
}

describe('normalizePhone: Belarus, the default country', () => {
	it.each([
		// SMS-assistent's API description writes recipients like these.
		'296717259',
		'8(029)671-72-59',
		'(29)671-72-59',
		// What people type.
		'8 (029) 671-72-59',
		'80296717259',
		'+375 29 671 72 59',
		'+375 (29) 671-72-59',
		'375296717259',
		'8029 6717259',
		'029 671 72 59',
		'29.671.72.59',
		'29/671/72/59',
		'  +375296717259  ',
		'00375296717259',
		'00 375 29 671 72 59',
		'810 375 29 671 72 59',
		'tel:+375296717259',
		'TEL:+375-29-671-72-59',
	])('reads %j as +375296717259', (input) => {
		expect(normalizePhone(input)).toEqual({
			ok: true,
			input,
			e164: '+375296717259',
			digits: '375296717259',
			country: 'BY',
		});
	});

	it.each([
		['no-break space', '+375\u00a029\u00a0671\u00a072\u00a059'],
		['narrow no-break and thin spaces', '+375\u202f29\u2009671\u200972\u200959'],
		['ideographic space and tab', '+375\u300029\t6717259'],
		['en dash, em dash and minus sign', '+375\u201429\u2013671\u221272\u201059'],
		['zero-width space and bidi marks copied from contacts', '\u202a+375\u200b29 671 72 59\u202c\u200e'],
		['full-width digits and plus', '\uff0b\uff13\uff17\uff15\uff12\uff19\uff16\uff17\uff11\uff17\uff12\uff15\uff19'],
		['full-width digits in national form', '\uff18\uff08\uff10\uff12\uff19\uff09\uff16\uff17\uff11\uff0d\uff17\uff12\uff0d\uff15\uff19'],
		['byte order mark', '\ufeff296717259'],
	])('accepts %s', (_label, input) => {
		expect(e164Of(normalizePhone(input))).toBe('+375296717259');
	});

	it.each([
		['+375 25 512 34 56', '+375255123456'],
		['8 029 123 45 67', '+375291234567'],
		['8 033 123 45 67', '+375331234567'],
		['8 044 123 45 67', '+375441234567'],
	])('accepts the mobile range of %j', (input, e164) => {
		expect(e164Of(normalizePhone(input))).toBe(e164);
	});

	it('reads numbers of other countries written with their calling code but without "+"', () => {
		expect(normalizePhone('380989361131')).toMatchObject({ ok: true, e164: '+380989361131', digits: '380989361131', country: 'UA' });
		expect(normalizePhone('79214563763')).toMatchObject({ ok: true, e164: '+79214563763', digits: '79214563763', country: 'RU' });
	});

	it('reads international numbers of other countries', () => {
		expect(normalizePhone('+380 98 936 11 31')).toMatchObject({ ok: true, e164: '+380989361131', country: 'UA' });
		expect(normalizePhone('+7 (921) 456-37-63')).toMatchObject({ ok: true, e164: '+79214563763', country: 'RU' });
		expect(normalizePhone('0048 512 345 678')).toMatchObject({ ok: true, e164: '+48512345678', country: 'PL' });
	});

	it('accepts numbers typed as JSON numbers by a workflow', () => {
		expect(e164Of(normalizePhone(375296717259 as unknown as string))).toBe('+375296717259');
	});
});

describe('normalizePhone: Ukraine and Russia as the default country', () => {
	it.each([
		// SMSClub's API page writes recipients this way.
		['380989361131', '+380989361131'],
		['0989361131', '+380989361131'],
		['098 936 11 31', '+380989361131'],
		['(098) 936-11-31', '+380989361131'],
		['+380 98 936 11 31', '+380989361131'],
		['0391234567', '+380391234567'],
		['0501234567', '+380501234567'],
		['0631234567', '+380631234567'],
		['0661234567', '+380661234567'],
		['0671234567', '+380671234567'],
		['0681234567', '+380681234567'],
		['0731234567', '+380731234567'],
		['0931234567', '+380931234567'],
		['0991234567', '+380991234567'],
		['375296717259', '+375296717259'],
	])('UA: reads %j as %s', (input, e164) => {
		expect(normalizePhone(input, { defaultCountry: 'UA' })).toMatchObject({ ok: true, e164 });
	});

	it.each([
		// The integrationapi.net 1C module writes recipients this way.
		['79214563763', '+79214563763'],
		['89214563763', '+79214563763'],
		['8 (921) 456-37-63', '+79214563763'],
		['9214563763', '+79214563763'],
		['+7 921 456 37 63', '+79214563763'],
		['375296717259', '+375296717259'],
		['380989361131', '+380989361131'],
	])('RU: reads %j as %s', (input, e164) => {
		expect(normalizePhone(input, { defaultCountry: 'RU' })).toMatchObject({ ok: true, e164 });
	});

	it('takes the default country in any case', () => {
		expect(e164Of(normalizePhone('0989361131', { defaultCountry: 'ua' }))).toBe('+380989361131');
	});
});

describe('normalizePhone: rejections', () => {
	it.each([
		['empty', ''],
		['empty', '   '],
		['empty', '\u00a0\u3000'],
		// Something was typed, but no digit: not "empty", which would read as a missing value.
		['invalid_characters', '( ) - .'],
		['invalid_characters', 'tel:'],
		['invalid_characters', '('],
		// A negative number from a spreadsheet is not a number with a dash.
		['invalid_characters', '-375291234567'],
		['invalid_characters', 'abc'],
		['invalid_characters', '29 671 72 5x'],
		['invalid_characters', '+375 29 671 72 59 ext. 5'],
		['invalid_characters', '375+296717259'],
		['invalid_characters', '++375296717259'],
		['invalid_characters', '29*671#7259'],
		['invalid_characters', 'СМС'],
		['too_short', '12345'],
		['too_short', '+'],
		['too_short', '00'],
		['too_short', '8'],
		['too_short', '+375 29 671'],
		['too_long', '+375 29 671 72 59 1234'],
		['too_long', '2967172591234567'],
		['too_long', '1'.repeat(300)],
		['invalid_country_code', '+999 123 456 789'],
		['invalid_country_code', '+0 296717259'],
		['invalid', '+375 29 000 00 00'],
		['not_mobile', '+375 17 222 22 22'],
		['not_mobile', '8 017 222-22-22'],
		['not_mobile', '+380 44 123 4567'],
		['not_mobile', '+7 495 123-45-67'],
		['not_mobile', '8 800 100-00-00'],
	])('%s: %j', (reason, input) => {
		const result = normalizePhone(input);
		expect(result).toMatchObject({ ok: false, input, reason });
		if (result.ok) return;
		expect(result.message).toMatch(/^Phone number ".*" /s);
	});

	it('names the input in the message', () => {
		expect(normalizePhone('29 671 72 5x')).toMatchObject({
			message: `Phone number "29 671 72 5x" contains 'x' that cannot be part of a phone number`,
		});
		expect(normalizePhone('+375 17 222 22 22')).toMatchObject({
			message: 'Phone number "+375 17 222 22 22" is a fixed-line number, not a mobile number, so it cannot receive SMS',
		});
		expect(normalizePhone('12345')).toMatchObject({
			message: 'Phone number "12345" is too short (5 digits) for a number of BY',
		});
	});

	it('shows invisible offending characters by code point and shortens long inputs', () => {
		const result = normalizePhone(`29671725\u00079${'x'.repeat(100)}`);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.message).toContain('U+0007');
		expect(result.message.length).toBeLessThan(200);
	});

	it('refuses valid numbers shorter than 8 digits with the country code', () => {
		expect(normalizePhone('+690 7290')).toMatchObject({ ok: false, reason: 'too_short' });
		expect(normalizePhone('+683 4002', { requireMobile: false })).toMatchObject({ ok: false, reason: 'too_short' });
		expect(normalizePhone('+690 72901')).toMatchObject({ ok: true, e164: '+69072901', country: 'TK' });
	});

	it('accepts fixed lines when mobile numbers are not required', () => {
		expect(normalizePhone('8 017 222-22-22', { requireMobile: false })).toMatchObject({
			ok: true,
			e164: '+375172222222',
			country: 'BY',
		});
	});

	it('blames the default country, not a country read from the digits, when it is not a country code', () => {
		const result = normalizePhone('291234567', { defaultCountry: 'XX' });
		expect(result).toMatchObject({ ok: false, reason: 'invalid_country_code' });
		expect(!result.ok && result.message).toBe('Phone number "291234567" has no country code, and Default Country "XX" is not a known ISO 3166 country code (such as BY, UA or RU)');
	});

	it('names what is wrong with input that has no digit or a leading minus', () => {
		expect(!normalizePhone('(').ok && (normalizePhone('(') as { message: string }).message).toBe('Phone number "(" has no digits');
		expect((normalizePhone('-375291234567') as { message: string }).message).toBe('Phone number "-375291234567" starts with a minus sign: a negative number is not a phone number');
	});

	it('says so when the default country is not a country code', () => {
		const result = normalizePhone('296717259', { defaultCountry: 'Belarus' });
		expect(result).toMatchObject({ ok: false, reason: 'invalid_country_code' });
		if (result.ok) return;
		expect(result.message).toContain('Default Country "Belarus"');
		// An international number does not need the default country.
		expect(e164Of(normalizePhone('+375296717259', { defaultCountry: 'Belarus' }))).toBe('+375296717259');
	});

	it('rejects values that are not text instead of throwing', () => {
		for (const value of [undefined, null, {}, [], Symbol('x'), () => 1]) {
			expect(normalizePhone(value as unknown as string)).toMatchObject({ ok: false, reason: 'empty' });
		}
	});
});
