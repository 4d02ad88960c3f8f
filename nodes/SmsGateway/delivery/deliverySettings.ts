import type { SmsError } from '../../core/errors/SmsError';

/** Settings that apply to the whole run, read from the first item. */
export interface DeliverySettings {
	dryRun: boolean;
	pricePerPart?: number;
	deduplicate: boolean;
	checkBalanceFirst: boolean;
	/** Per input item. */
	includeInputFields: (itemIndex: number) => boolean;
}

/** Why the whole run is refused before sending, and what the user can do about it. */
export interface Refusal {
	error: SmsError;
	advice: string;
}
