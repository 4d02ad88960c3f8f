import { parseDateTime } from '../dates/parseDateTime';
import { describeValue } from '../text/textRule';
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
	if (limits.minScheduleLeadMinutes === undefined) {
		return { ok: false, message: `${gatewayLabel} does not support scheduled sending; clear "Schedule At" to send now` };
	}
	const parsed = parseDateTime(value, timeZone, 'Schedule At');
	if (!parsed.ok) return parsed;
	const sendAt = parsed.date;
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

/**
 * Validity comes in hours from the user; gateways cap it (SMS-assistent: 48 h). Empty or 0 = the
 * gateway's default. A number or a numeric text; anything else, and anything above the cap, is
 * refused rather than rounded, clamped or dropped.
 */
export function validateValidity(
	hours: unknown,
	limits: Pick<GatewayLimits, 'maxValidityMinutes' | 'offersValidity'>,
	gatewayLabel: string,
): ValidityCheck {
	if (hours === undefined || hours === null || hours === '' || hours === 0) return { ok: true };
	if (!limits.offersValidity) return { ok: false, message: `${gatewayLabel} does not offer a validity period; leave Validity (Hours) at 0` };
	const value = typeof hours === 'number' ? hours : typeof hours === 'string' && NUMBER.test(hours.trim()) ? Number(hours) : NaN;
	if (!Number.isFinite(value) || value < 0) {
		return { ok: false, message: `Validity (Hours) must be a positive number of hours, not ${describeValidity(hours)}` };
	}
	if (value === 0) return { ok: true };
	const validityMinutes = Math.round(value * 60);
	if (validityMinutes < 1) return { ok: false, message: 'Validity (Hours) must be at least one minute (0.017 hours)' };
	if (limits.maxValidityMinutes !== undefined && validityMinutes > limits.maxValidityMinutes) {
		return {
			ok: false,
			message: `${gatewayLabel} accepts a validity of at most ${formatHours(limits.maxValidityMinutes)} hours, not ${String(value)}`,
		};
	}
	return { ok: true, validityMinutes };
}

const NUMBER = /^[+]?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

function describeValidity(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
	if (typeof value === 'number') return String(value);
	return describeValue(value);
}

function formatHours(minutes: number): string {
	return String(Math.round((minutes / 60) * 100) / 100);
}
