import type { SmsError } from '../../core/errors/SmsError';
import type { TrackingStoreKind } from '../../glue';

/** Settings that apply to the whole run, read from the first item. */
export interface DeliverySettings {
	dryRun: boolean;
	pricePerPart?: number;
	deduplicate: boolean;
	checkBalanceFirst: boolean;
	/** Per input item. */
	includeInputFields: (itemIndex: number) => boolean;
	tracking: TrackingSettings;
}

/** Track Delivery and where: run-wide (one store per run); the Reference is per item. */
export interface TrackingSettings {
	enabled: boolean;
	store: TrackingStoreKind;
	/** Whether output items carry `reference` and `tracking` (node version 2, or tracking asked for on version 1). */
	showFields: boolean;
	/** The item's Reference; undefined when empty (an invalid one has already failed its item). */
	referenceOf: (itemIndex: number) => string | undefined;
}

/** Why the whole run is refused before sending, and what the user can do about it. */
export interface Refusal {
	error: SmsError;
	advice: string;
}
