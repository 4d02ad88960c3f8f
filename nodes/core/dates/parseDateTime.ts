import { knownTimeZone, zonedWallClockToInstant } from './zonedTime';

export type DateTimeCheck = { ok: true; date: Date } | { ok: false; message: string };

/**
 * The last instant every gateway's date format can write in any zone (a four-digit year on the
 * gateway's wall clock, which may be ahead of UTC): 9999-12-30T23:59:59Z.
 */
export const LATEST_DATE_MS = Date.UTC(9999, 11, 30, 23, 59, 59);

// ISO 8601 as n8n gives it: the date picker ("2030-01-31T09:00:00"), $now.toISO()
// ("2030-01-31T09:00:00.000+03:00"), Date#toISOString ("…Z"), or a date alone ("2030-01-31").
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A date and time from a parameter: a Date, a Luxon DateTime, milliseconds since 1970, or an ISO
 * 8601 text. A text without a zone (date picker, "2030-01-31", "2030-01-31 09:00") is wall-clock
 * time in `timeZone` (the workflow's), with the DST rules of zonedWallClockToInstant. Impossible
 * fields (30 February, 25:00, month 13) are refused, never rolled over into another date.
 */
export function parseDateTime(value: unknown, timeZone: string | undefined, label: string): DateTimeCheck {
	if (value instanceof Date) return checkInstant(value.getTime(), label, 'The date');
	if (typeof value === 'number') return checkInstant(value, label, `The number ${String(value)}`);
	if (typeof value === 'object' && value !== null && typeof (value as { toISO?: unknown }).toISO === 'function') {
		// Luxon DateTime (what $now and DateTime expressions give) carries its own zone.
		const iso = (value as { toISO: () => unknown }).toISO();
		if (typeof iso === 'string') return parseDateTime(iso, timeZone, label);
		return { ok: false, message: `${label} is an invalid date` };
	}
	if (typeof value !== 'string') return { ok: false, message: `${label} must be a date and time, not ${typeName(value)}` };
	return parseText(value.trim(), timeZone, label);
}

function parseText(text: string, timeZone: string | undefined, label: string): DateTimeCheck {
	const quoted = `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
	const match = ISO_DATE_TIME.exec(text);
	if (!match) {
		return { ok: false, message: `${label} ${quoted} is not a date and time in ISO 8601 form, such as 2030-01-31T09:00 or 2030-01-31T09:00:00+03:00` };
	}
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
	const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
	const impossible = impossibleField(year, month, day, hour, minute, second);
	if (impossible) return { ok: false, message: `${label} ${quoted} does not exist: ${impossible}` };
	const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
	if (zone) {
		const offset = zoneOffsetMs(zone);
		if (offset === undefined) return { ok: false, message: `${label} ${quoted} has an impossible UTC offset "${zone}"` };
		return checkInstant(wallClock - offset, label, quoted);
	}
	if (!timeZone) return checkInstant(wallClock, label, quoted);
	if (!knownTimeZone(timeZone)) {
		return { ok: false, message: `The workflow's time zone "${timeZone}" is not a time zone this system knows; fix it in the workflow settings (for example Europe/Minsk)` };
	}
	return checkInstant(zonedWallClockToInstant(wallClock, timeZone), label, quoted);
}

function impossibleField(year: number, month: number, day: number, hour: number, minute: number, second: number): string | undefined {
	if (year < 1) return 'the year must be 1 or later';
	if (month < 1 || month > 12) return `there is no month ${month}`;
	const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
	if (day < 1 || day > daysInMonth) return `month ${month} of ${year} has ${daysInMonth} days`;
	if (hour > 23) return `there is no hour ${hour} (00-23)`;
	if (minute > 59) return `there is no minute ${minute} (00-59)`;
	if (second > 59) return `there is no second ${second} (00-59)`;
	return undefined;
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** "Z", "+03", "+0300", "+03:00" → ms ahead of UTC; undefined beyond ±14:00 (no zone is further). */
function zoneOffsetMs(zone: string): number | undefined {
	if (zone.toUpperCase() === 'Z') return 0;
	const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
	if (!match) return undefined;
	const hours = Number(match[2]);
	const minutes = Number(match[3] ?? '0');
	if (minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
	return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function checkInstant(ms: number, label: string, what: string): DateTimeCheck {
	if (!Number.isFinite(ms)) return { ok: false, message: `${label}: ${what} is not a date and time` };
	if (ms < 0 || ms > LATEST_DATE_MS) {
		return { ok: false, message: `${label}: ${what} is outside the dates a gateway accepts (1970 to the year 9999)` };
	}
	return { ok: true, date: new Date(ms) };
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}
