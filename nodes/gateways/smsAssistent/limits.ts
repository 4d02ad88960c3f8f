import type { GatewayLimits } from '../../core/adapter/GatewayAdapter';
import { MAX_VALIDITY_MINUTES } from './smsAssistentPackage';

/** `date_send` must be at least 10 minutes ahead. */
export const MIN_SCHEDULE_LEAD_MINUTES = 10;

export const SMS_ASSISTENT_LIMITS: GatewayLimits = {
	// The document sets no package size; 1000 keeps a request well under a minute. [guess]
	maxRecipientsPerRequest: 1000,
	maxStatusIdsPerRequest: 1000,
	// No documented request rate; the gateway throttles per SMS, which packages avoid.
	maxRequestsPerSecond: undefined,
	concurrency: 2,
	minScheduleLeadMinutes: MIN_SCHEDULE_LEAD_MINUTES,
	maxValidityMinutes: MAX_VALIDITY_MINUTES,
	offersValidity: true,
	supportsSenderList: true,
};
