import type { GatewayLimits } from '../../core/adapter/GatewayAdapter';

// One recipient per request, and no published limit: the credential's Max Concurrent Requests
// says how many are open at once. Its default, 50, hides the latency of a slow link (50 requests
// per 100 ms round trip = 500 messages/s) without looking like a flood; code 3 ("limit exceeded,
// retry in 60 s") and HTTP 429 still slow us down when the contract's limit is lower. [guess]
export const DEFAULT_CONCURRENCY = 50;
/** The most the credential accepts: more gains nothing over one link and risks the contract's limit. */
export const MAX_CONCURRENCY = 200;

export const A1_DEFAULT_LIMITS: GatewayLimits = {
	maxRecipientsPerRequest: 1,
	maxStatusIdsPerRequest: 1,
	maxRequestsPerSecond: undefined,
	concurrency: DEFAULT_CONCURRENCY,
	// Scheduling and validity are not in the public description.
	minScheduleLeadMinutes: undefined,
	maxValidityMinutes: undefined,
	offersValidity: false,
	supportsSenderList: false,
};
