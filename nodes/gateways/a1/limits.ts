import type { GatewayLimits } from '../../core/adapter/GatewayAdapter';

// One recipient per request, and no published rate limit: enough in flight to hide network
// latency (10 × 20 ms ≈ 500 messages/s), few enough not to look like a flood. Code 3 and HTTP 429
// still slow us down if the contract's limit is lower. [guess]
const DEFAULT_CONCURRENCY = 10;

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
