import type { GatewayLimits } from '../../core/adapter/GatewayAdapter';

export const DEVINO_LIMITS: GatewayLimits = {
	// [guess] The documents set no limit on destinationAddresses, and the 1C module sends a whole
	// subscriber base as one mass mailing. 1,000 (as for SMS-assistent's packages) is a 35 KB form
	// that the gateway reads well within a request's time; 10,000 recipients take 10 requests.
	maxRecipientsPerRequest: 1000,
	// `/sms/state` takes one segment id per call.
	maxStatusIdsPerRequest: 1,
	// None documented.
	maxRequestsPerSecond: undefined,
	// [guess] Enough to fan status calls out without hammering the API.
	concurrency: 8,
	// `sendDate` accepts any time; no lead time is documented, so anything from a minute ahead.
	minScheduleLeadMinutes: 1,
	// Validity is in minutes; no maximum is documented. [guess] Networks keep an undelivered SMS for
	// about three days at most, so a bigger number is a mistake rather than a wish (10^6 hours was sent).
	maxValidityMinutes: 72 * 60,
	offersValidity: true,
	// `destinationAddress` takes international numbers of 10 to 15 digits.
	minRecipientDigits: 10,
	supportsSenderList: false,
	requiresSender: true,
};
