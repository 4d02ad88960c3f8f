import type { NumberType } from 'libphonenumber-js/max';

type KnownNumberType = Exclude<NumberType, undefined>;

/**
 * Which kinds of number can receive SMS. FIXED_LINE_OR_MOBILE is where the numbering plan does not
 * tell them apart (the USA, for one); the gateway has the last word there.
 */
const RECEIVES_SMS: Record<KnownNumberType, boolean> = {
	MOBILE: true,
	FIXED_LINE_OR_MOBILE: true,
	FIXED_LINE: false,
	PREMIUM_RATE: false,
	TOLL_FREE: false,
	SHARED_COST: false,
	VOIP: false,
	PERSONAL_NUMBER: false,
	PAGER: false,
	UAN: false,
	VOICEMAIL: false,
};

const DESCRIPTION: Record<KnownNumberType, string> = {
	MOBILE: 'a mobile number',
	FIXED_LINE_OR_MOBILE: 'a fixed-line or mobile number',
	FIXED_LINE: 'a fixed-line number',
	PREMIUM_RATE: 'a premium-rate number',
	TOLL_FREE: 'a toll-free number',
	SHARED_COST: 'a shared-cost number',
	VOIP: 'a VoIP number',
	PERSONAL_NUMBER: 'a personal (forwarding) number',
	PAGER: 'a pager number',
	UAN: 'a company-wide (UAN) number',
	VOICEMAIL: 'a voicemail access number',
};

export function receivesSms(type: NumberType): boolean {
	return type !== undefined && RECEIVES_SMS[type];
}

export function describeNumberType(type: NumberType): string {
	return type === undefined ? 'a number of unknown type' : DESCRIPTION[type];
}
