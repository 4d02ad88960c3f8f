import { LATEST_DATE_MS, parseDateTime } from '../../../../nodes/core/dates/parseDateTime';
import { zonedWallClockToInstant } from '../../../../nodes/core/dates/zonedTime';

const ok = (value: unknown, timeZone?: string) => {
	const check = parseDateTime(value, timeZone, 'Schedule At');
	if (!check.ok) throw new Error(check.message);
	return check.date.toISOString();
};
const refusal = (value: unknown, timeZone?: string) => {
	const check = parseDateTime(value, timeZone, 'Schedule At');
	if (check.ok) throw new Error(`accepted ${check.date.toISOString()}`);
	return check.message;
};

describe('forms that are accepted', () => {
	test.each([
		['a UTC time', '2030-01-31T09:00:00Z', 'Europe/Minsk', '2030-01-31T09:00:00.000Z'],
		['an offset', '2030-01-31T09:00:00+03:00', 'UTC', '2030-01-31T06:00:00.000Z'],
		['an offset without colon', '2030-01-31T09:00+0530', 'UTC', '2030-01-31T03:30:00.000Z'],
		['milliseconds', '2030-01-31T09:00:00.123Z', undefined, '2030-01-31T09:00:00.123Z'],
		['the date picker (no zone): the workflow zone', '2030-01-31T09:00:00', 'Europe/Minsk', '2030-01-31T06:00:00.000Z'],
		['a space instead of T', '2030-01-31 09:00', 'Europe/Kyiv', '2030-01-31T07:00:00.000Z'],
		['a date alone: midnight in the workflow zone', '2030-01-01', 'Europe/Minsk', '2029-12-31T21:00:00.000Z'],
		['a date alone in New York', '2030-07-01', 'America/New_York', '2030-07-01T04:00:00.000Z'],
		['29 February of a leap year', '2028-02-29T12:00Z', undefined, '2028-02-29T12:00:00.000Z'],
	])('%s', (_, value, zone, iso) => {
		expect(ok(value, zone)).toBe(iso);
	});

	test('a Date, milliseconds and a Luxon-like DateTime', () => {
		expect(ok(new Date('2030-01-01T00:00:00Z'))).toBe('2030-01-01T00:00:00.000Z');
		expect(ok(Date.UTC(2030, 0, 1))).toBe('2030-01-01T00:00:00.000Z');
		expect(ok({ toISO: () => '2030-01-01T03:00:00.000+03:00' }, 'UTC')).toBe('2030-01-01T00:00:00.000Z');
	});
});

describe('impossible or unusable values are refused, never shifted', () => {
	test.each([
		['30 February', '2030-02-30T10:00', /month 2 of 2030 has 28 days/],
		['29 February of a common year', '2029-02-29', /has 28 days/],
		['31 April', '2030-04-31T10:00:00Z', /month 4 of 2030 has 30 days/],
		['hour 25', '2030-01-01T25:00', /no hour 25/],
		['hour 24', '2030-01-01T24:00', /no hour 24/],
		['minute 60', '2030-01-01T10:60', /no minute 60/],
		['second 60', '2030-01-01T10:00:60', /no second 60/],
		['month 13', '2030-13-01T10:00', /no month 13/],
		['month 0', '2030-00-10', /no month 0/],
		['day 0', '2030-01-00', /has 31 days/],
		['an offset beyond 14 hours', '2030-01-01T10:00+15:00', /impossible UTC offset/],
		['words', 'tomorrow at noon', /not a date and time in ISO 8601 form/],
		['a year beyond 9999', '+010000-01-01T00:00:00Z', /not a date and time in ISO 8601 form/],
		['NaN', NaN, /not a date and time/],
		['Infinity', Infinity, /not a date and time/],
		['1e20 ms', 1e20, /outside the dates a gateway accepts/],
		['before 1970', -1, /outside the dates/],
		['an invalid Date', new Date(NaN), /not a date and time/],
		['an object', { a: 1 }, /must be a date and time, not an object/],
		['a boolean', true, /must be a date and time, not a boolean/],
	])('%s', (_, value, message) => {
		expect(refusal(value, 'Europe/Minsk')).toMatch(message);
	});

	test('the last writable instant is accepted, the next one is not', () => {
		expect(ok(LATEST_DATE_MS)).toBe('9999-12-30T23:59:59.000Z');
		expect(refusal(LATEST_DATE_MS + 1000)).toMatch(/year 9999/);
	});

	test('an invalid workflow time zone is named as such', () => {
		expect(refusal('2030-01-01T10:00', 'Mars/Olympus')).toMatch(/workflow's time zone "Mars\/Olympus" is not a time zone/);
		// A time with its own offset does not need the workflow's zone.
		expect(ok('2030-01-01T10:00Z', 'Mars/Olympus')).toBe('2030-01-01T10:00:00.000Z');
	});
});

describe('daylight saving time: one rule for every zone', () => {
	test.each([
		// Clocks jump forward: the missing wall-clock time moves forward by the jump.
		['Europe/Berlin', '2030-03-31T02:30', '2030-03-31T01:30:00.000Z'],
		['America/New_York', '2030-03-10T02:30', '2030-03-10T07:30:00.000Z'],
		['Australia/Sydney', '2030-10-06T02:30', '2030-10-05T16:30:00.000Z'],
		// Clocks go back: the repeated wall-clock time is the earlier one.
		['Europe/Berlin', '2030-10-27T02:30', '2030-10-27T00:30:00.000Z'],
		['America/New_York', '2030-11-03T01:30', '2030-11-03T05:30:00.000Z'],
		['Australia/Sydney', '2030-04-07T02:30', '2030-04-06T15:30:00.000Z'],
	])('%s %s', (zone, wallClock, iso) => {
		expect(ok(wallClock, zone)).toBe(iso);
	});

	test('every wall-clock minute of a DST year maps to an instant that reads back as that time, or the gap rule', () => {
		for (let minute = 0; minute < 365 * 24 * 60; minute += 37) {
			const wall = Date.UTC(2030, 0, 1) + minute * 60_000;
			const instant = zonedWallClockToInstant(wall, 'Europe/Berlin');
			const delta = instant - wall;
			// Berlin is UTC+1 or UTC+2; an instant in a gap is read with the earlier offset.
			expect([-3_600_000, -7_200_000]).toContain(delta);
		}
	});
});
