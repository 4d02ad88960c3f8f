import type { GatewayLimits } from '../../core/adapter/GatewayAdapter';

export const SMSCLUB_LIMITS: GatewayLimits = {
	maxRecipientsPerRequest: 100,
	maxStatusIdsPerRequest: 100,
	// The gateway allows about 9 requests a second; one less leaves room for network jitter.
	maxRequestsPerSecond: 8,
	concurrency: 3,
	// Scheduling is not documented, so it is not offered.
	minScheduleLeadMinutes: undefined,
	// [guess] `lifetime` is in minutes; a day is the usual network maximum.
	maxValidityMinutes: 1440,
	offersValidity: true,
	supportsSenderList: true,
	requiresSender: true,
};
