import type { GatewayLimits } from '../adapter/GatewayAdapter';

export type ScheduleCheck = { ok: true; sendAt?: Date } | { ok: false; message: string };

/**
 * Turns the user's "schedule at" into a send time the gateway will accept, or says why not.
 * Empty means "send now". The check is made against the gateway's own lead time because a
 * gateway that refuses a too-early date does so only after the whole batch was posted.
 */
export function validateSchedule(
	value: unknown,
	limits: Pick<GatewayLimits, 'minScheduleLeadMinutes'>,
	gatewayLabel: string,
	now: Date = new Date(),
	timeZone?: string,
): ScheduleCheck {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return { ok: true };
	}
	const sendAt = toDate(value, timeZone);
	if (!sendAt) return { ok: false, message: `"${String(value)}" is not a date and time` };
	if (limits.minScheduleLeadMinutes === undefined) {
		return { ok: false, message: `${gatewayLabel} does not support scheduled sending; clear "Schedule At" to send now` };
	}
	if (sendAt.getTime() <= now.getTime()) {
		return { ok: false, message: `The schedule time ${sendAt.toISOString()} is in the past` };
	}
	const earliest = new Date(now.getTime() + limits.minScheduleLeadMinutes * 60_000);
	if (sendAt.getTime() < earliest.getTime()) {
		return {
			ok: false,
			message: `${gatewayLabel} needs the schedule time at least ${limits.minScheduleLeadMinutes} minutes ahead (earliest now: ${earliest.toISOString()})`,
		};
	}
	return { ok: true, sendAt };
}

export type ValidityCheck = { ok: true; validityMinutes?: number } | { ok: false; message: string };

/** Validity comes in hours from the user; gateways cap it (SMS-assistent: 48 h). Empty or 0 = the gateway's default. */
export function validateValidity(
	hours: unknown,
	limits: Pick<GatewayLimits, 'maxValidityMinutes' | 'offersValidity'>,
	gatewayLabel: string,
): ValidityCheck {
	if (hours === undefined || hours === null || hours === '' || hours === 0) return { ok: true };
	if (!limits.offersValidity) return { ok: false, message: `${gatewayLabel} does not offer a validity period; leave Validity (Hours) at 0` };
	const value = Number(hours);
	if (!Number.isFinite(value) || value < 0) return { ok: false, message: `Validity must be a positive number of hours, not "${String(hours)}"` };
	const validityMinutes = Math.round(value * 60);
	if (validityMinutes < 1) return { ok: false, message: 'Validity must be at least one minute' };
	if (limits.maxValidityMinutes !== undefined && validityMinutes > limits.maxValidityMinutes) {
		return {
			ok: false,
			message: `${gatewayLabel} accepts a validity of at most ${formatHours(limits.maxValidityMinutes)} hours`,
		};
	}
	return { ok: true, validityMinutes };
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

function toDate(value: unknown, timeZone?: string): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value === 'number') return new Date(value);
	if (typeof value !== 'string') {
		// Luxon DateTime and similar objects from expressions.
		const iso = (value as { toISO?: () => string } | null)?.toISO?.();
		return typeof iso === 'string' ? toDate(iso, timeZone) : undefined;
	}
	const text = value.trim();
	// n8n's date picker gives a wall-clock time without offset, meant in the workflow's time zone.
	const local = LOCAL_DATE_TIME.exec(text);
	if (local && timeZone) {
		const [, y, mo, d, h, mi, s] = local.map(Number);
		return zonedTimeToDate([y, mo, d, h, mi, Number.isNaN(s) ? 0 : s], timeZone);
	}
	const parsed = Date.parse(text);
	return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

function zonedTimeToDate(parts: number[], timeZone: string): Date | undefined {
	const [y, mo, d, h, mi, s] = parts;
	const wallClockAsUtc = Date.UTC(y, mo - 1, d, h, mi, s);
	try {
		// Twice, so that a guess on the other side of a DST change corrects itself.
		let instant = wallClockAsUtc - offsetMs(wallClockAsUtc, timeZone);
		instant = wallClockAsUtc - offsetMs(instant, timeZone);
		return new Date(instant);
	} catch {
		return undefined;
	}
}

/** How far the zone's wall clock is ahead of UTC at that instant. */
function offsetMs(instant: number, timeZone: string): number {
	const fields = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(fields.find((f) => f.type === type)?.value);
	const wallClock = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wallClock - Math.floor(instant / 1000) * 1000;
}

function formatHours(minutes: number): string {
	return String(Math.round((minutes / 60) * 100) / 100);
}
