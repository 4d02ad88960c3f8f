import type { TrackingLimits } from './trackingLimits';

/** Minutes between checks of one message: the first after the send, then one per check made; the last repeats. */
export const CHECK_MINUTES_VARIABLE = 'N8N_SMS_GATEWAYS_TRACKING_CHECK_MINUTES';
/** Checks in a row in which the gateway does not know a message before it is given up. */
export const UNKNOWN_CHECKS_VARIABLE = 'N8N_SMS_GATEWAYS_TRACKING_UNKNOWN_CHECKS';

/** n8n polls at most once a minute, and a check more than a day apart would miss most of a validity. */
const CHECK_MINUTES_RANGE = { min: 1, max: 1440 };
const MAX_CHECK_STEPS = 20;
const UNKNOWN_CHECKS_RANGE = { min: 1, max: 20 };

/**
 * The tracking limits an n8n administrator may change, from the environment of the n8n process
 * (main and workers alike): the back-off between status checks and how soon an id the gateway
 * does not know is given up. Unset means the defaults; a value out of its bounds is refused with
 * the variable, the value and the bounds, rather than quietly replaced.
 */
export function trackingLimitsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Partial<TrackingLimits> {
	const limits: Partial<TrackingLimits> = {};
	const minutes = env[CHECK_MINUTES_VARIABLE]?.trim();
	if (minutes) {
		const steps = minutes.split(',').map((step) => step.trim());
		const valid =
			steps.length <= MAX_CHECK_STEPS &&
			steps.every((step) => /^\d+$/.test(step) && Number(step) >= CHECK_MINUTES_RANGE.min && Number(step) <= CHECK_MINUTES_RANGE.max);
		if (!valid) {
			throw new RangeError(
				`${CHECK_MINUTES_VARIABLE} must be up to ${MAX_CHECK_STEPS} whole numbers of minutes from ${CHECK_MINUTES_RANGE.min} to ${CHECK_MINUTES_RANGE.max}, separated by commas (such as 1,1,2,3,5,10,15,30,60), not "${minutes}"`,
			);
		}
		limits.checkIntervalsMs = steps.map((step) => Number(step) * 60_000);
	}
	const unknown = env[UNKNOWN_CHECKS_VARIABLE]?.trim();
	if (unknown) {
		const value = Number(unknown);
		if (!/^\d+$/.test(unknown) || value < UNKNOWN_CHECKS_RANGE.min || value > UNKNOWN_CHECKS_RANGE.max) {
			throw new RangeError(`${UNKNOWN_CHECKS_VARIABLE} must be a whole number from ${UNKNOWN_CHECKS_RANGE.min} to ${UNKNOWN_CHECKS_RANGE.max}, not "${unknown}"`);
		}
		limits.notKnownLimit = value;
	}
	return limits;
}
