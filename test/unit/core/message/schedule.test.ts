import { validateSchedule, validateValidity } from '../../../../nodes/core/message/schedule';

describe('validateSchedule', () => {
	const now = new Date('2030-06-01T12:00:00Z');
	const limits = { minScheduleLeadMinutes: 10 };

	test('empty means now', () => {
		expect(validateSchedule('', limits, 'X', now)).toEqual({ ok: true });
		expect(validateSchedule(undefined, limits, 'X', now)).toEqual({ ok: true });
	});

	test('refuses the past, too little lead time, nonsense and gateways without scheduling', () => {
		expect(validateSchedule('2030-06-01T11:00:00Z', limits, 'X', now)).toMatchObject({ ok: false, message: expect.stringMatching(/past/) });
		expect(validateSchedule('2030-06-01T12:05:00Z', limits, 'X', now)).toMatchObject({ ok: false, message: expect.stringMatching(/at least 10 minutes/) });
		expect(validateSchedule('tomorrow-ish', limits, 'X', now)).toMatchObject({ ok: false });
		expect(validateSchedule('2030-06-02T12:00:00Z', {}, 'A1', now)).toMatchObject({ ok: false, message: expect.stringMatching(/A1 does not support/) });
	});

	test("reads a date-picker value without offset in the workflow's time zone", () => {
		const check = validateSchedule('2030-06-01T18:30:00', limits, 'X', now, 'Europe/Minsk');
		expect(check).toEqual({ ok: true, sendAt: new Date('2030-06-01T15:30:00Z') });
		const kyiv = validateSchedule('2030-01-15T09:00', limits, 'X', new Date('2030-01-01T00:00:00Z'), 'Europe/Kyiv');
		expect(kyiv).toEqual({ ok: true, sendAt: new Date('2030-01-15T07:00:00Z') });
		expect(validateSchedule('2030-06-01T18:30:00+03:00', limits, 'X', now, 'UTC')).toEqual({ ok: true, sendAt: new Date('2030-06-01T15:30:00Z') });
	});
});

describe('validateValidity', () => {
	test('hours to minutes within the gateway cap', () => {
		expect(validateValidity(0, { maxValidityMinutes: 2880, offersValidity: true }, 'X')).toEqual({ ok: true });
		expect(validateValidity(24, { maxValidityMinutes: 2880, offersValidity: true }, 'X')).toEqual({ ok: true, validityMinutes: 1440 });
		expect(validateValidity(49, { maxValidityMinutes: 2880, offersValidity: true }, 'SMS-assistent')).toMatchObject({ ok: false, message: expect.stringMatching(/at most 48 hours/) });
		expect(validateValidity(-1, { offersValidity: true }, 'X')).toMatchObject({ ok: false });
	});
});
