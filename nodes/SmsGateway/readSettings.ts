import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { isKnownCountry } from '../core/phone/normalizePhone';
import {
	booleanFrom,
	choiceFrom,
	collectionFrom,
	nodeParameter,
	numberFrom,
	parameterNodeError,
	ParameterError,
	stopOnParameterError,
	stringFrom,
	TRACKING_STORES,
	type TrackingStoreKind,
} from '../glue';
import type { MessageSettings } from '../core/message/prepareMessage';
import type { DeliverySettings, TrackingSettings } from './delivery/deliverySettings';

const TRANSLITERATION = ['off', 'ru', 'be'] as const;

/** A Reference longer than this is refused: it is a key (order id, CRM id), not a note. */
const MAX_REFERENCE_LENGTH = 256;

/** Node version 2 tracks delivery unless told not to; version 1 (workflows saved with 0.1.0) only when asked. */
const FIRST_VERSION_TRACKING_BY_DEFAULT = 2;

/** The longest Max Retry Wait accepted: an hour; a run should not sit waiting longer than that. */
const MAX_RETRY_WAIT_SECONDS = 3600;

/** The item's Options collection; a value of another type is refused naming the item. */
export function readOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	// As readParameter does, without a closure per item: a batch reads the options of every item.
	try {
		return collectionFrom(nodeParameter(context, 'options', itemIndex, {}), itemIndex, 'Options');
	} catch (error) {
		if (error instanceof ParameterError) throw parameterNodeError(context, error);
		throw error;
	}
}

/**
 * One item's message options. A wrong value fails only this item (`problem`), so that with
 * Continue On Fail the others are still sent. Options without an expression are the same object
 * for every item (read once per run), and so are their settings: a batch of 100,000 items shares
 * one settings object instead of making one per item.
 */
export function messageSettings(context: IExecuteFunctions, itemIndex: number): MessageSettings {
	try {
		const options = readOptions(context, itemIndex);
		const last = lastSettings.get(context);
		if (last && (last.options === options || (isEmpty(last.options) && isEmpty(options)))) return last.settings;
		const settings = settingsFrom(options, itemIndex);
		lastSettings.set(context, { options, settings });
		return settings;
	} catch (error) {
		if (!(error instanceof ParameterError)) throw error;
		return { sanitize: false, transliterate: 'off', defaultCountry: 'BY', problem: `${error.parameter} ${error.reason}` };
	}
}

/** The settings made from the last options object of a run (its context). */
const lastSettings = new WeakMap<IExecuteFunctions, { options: IDataObject; settings: MessageSettings }>();

function isEmpty(options: IDataObject): boolean {
	for (const key in options) if (Object.prototype.hasOwnProperty.call(options, key)) return false;
	return true;
}

function settingsFrom(options: IDataObject, itemIndex: number): MessageSettings {
	const defaultCountry = stringFrom(options.defaultCountry, 'BY', itemIndex, 'Default Country').toUpperCase();
	if (!isKnownCountry(defaultCountry)) {
		throw new ParameterError(itemIndex, 'Default Country', `"${defaultCountry}" is not a two-letter country code (ISO 3166) such as BY, UA or RU`);
	}
	// A wrong Reference fails its item before sending, as any other wrong value would.
	referenceFrom(options.reference, itemIndex);
	return {
		scheduleAt: options.scheduleAt,
		validityHours: options.validityHours,
		reportUrl: options.deliveryReportUrl,
		sanitize: booleanFrom(options.sanitize, true, itemIndex, 'Sanitize Typographic Characters'),
		transliterate: choiceFrom(options.transliterate, TRANSLITERATION, 'off', itemIndex, 'Transliterate Cyrillic'),
		defaultCountry,
	};
}

/**
 * Run-wide settings come from the first item: one run is one mailing. A wrong value stops the
 * run before anything is sent, whatever Continue On Fail says: nobody can tell whether a run
 * with Dry Run "maybe" was meant to send.
 */
export function deliverySettings(context: IExecuteFunctions, batch: boolean): DeliverySettings {
	return stopOnParameterError(context, () => {
		const first = readOptions(context, 0);
		const price = numberFrom(first.pricePerPart, 0, 0, 'Price Per Part', { min: 0 });
		const includeInputFields = includeInputFieldsOfAll(context);
		return {
			dryRun: booleanFrom(first.dryRun, false, 0, 'Dry Run'),
			pricePerPart: price > 0 ? price : undefined,
			deduplicate: batch && booleanFrom(first.deduplicate, true, 0, 'Deduplicate Recipients'),
			checkBalanceFirst: batch && booleanFrom(first.checkBalanceFirst, false, 0, 'Check Balance First'),
			includeInputFields: (itemIndex) => includeInputFields[itemIndex] ?? false,
			tracking: trackingSettings(context, first),
		};
	});
}

/**
 * Track Delivery and Tracking Store come from the first item (one run, one store). Version 2
 * tracks by default; a version 1 node keeps 0.1.0's behaviour (and output) unless the option is
 * added and on.
 */
function trackingSettings(context: IExecuteFunctions, first: IDataObject): TrackingSettings {
	const version = context.getNode().typeVersion;
	const byDefault = version >= FIRST_VERSION_TRACKING_BY_DEFAULT;
	const enabled = booleanFrom(first.trackDelivery, byDefault, 0, 'Track Delivery');
	return {
		enabled,
		store: choiceFrom(first.trackingStore, TRACKING_STORES, 'builtIn', 0, 'Tracking Store'),
		showFields: byDefault || enabled,
		referenceOf: (itemIndex) => {
			try {
				return referenceFrom(readOptions(context, itemIndex).reference, itemIndex);
			} catch {
				return undefined;
			}
		},
	};
}

/** The item's Reference: text or a number from an expression, at most 256 characters; empty means none. */
export function referenceFrom(value: unknown, itemIndex: number): string | undefined {
	const reference = stringFrom(value, '', itemIndex, 'Reference');
	if (reference.length > MAX_REFERENCE_LENGTH) {
		throw new ParameterError(itemIndex, 'Reference', `must be at most ${MAX_REFERENCE_LENGTH} characters, not ${reference.length}`);
	}
	return reference === '' ? undefined : reference;
}

function includeInputFieldsOf(context: IExecuteFunctions, itemIndex: number): boolean {
	return booleanFrom(readOptions(context, itemIndex).includeInputFields, false, itemIndex, 'Include Input Fields');
}

/** Include Input Fields of every item, read before anything is sent. */
export function includeInputFieldsOfAll(context: IExecuteFunctions): boolean[] {
	return stopOnParameterError(context, () => context.getInputData().map((_, itemIndex) => includeInputFieldsOf(context, itemIndex)));
}

/**
 * Where the run keeps the gateway account's limits and login session: with a Redis Tracking Store
 * (queue mode) in that Redis, shared by every worker; otherwise in this n8n process. Send SMS, Send
 * Batch and Get Status have the option; read from the first item, like every run-wide setting. Get
 * Balance and List Senders make one request a run and have no options: theirs are limited per process.
 */
export function sharedStateStore(context: IExecuteFunctions, operation: string): TrackingStoreKind {
	if (!['send', 'sendBatch', 'getStatus'].includes(operation)) return 'builtIn';
	return stopOnParameterError(context, () => choiceFrom(readOptions(context, 0).trackingStore, TRACKING_STORES, 'builtIn', 0, 'Tracking Store'));
}

export function maxRetryWaitSeconds(context: IExecuteFunctions, operation: string): number | undefined {
	if (!['send', 'sendBatch', 'getStatus'].includes(operation)) return undefined;
	return stopOnParameterError(context, () =>
		numberFrom(readOptions(context, 0).maxRetryWaitSeconds, 60, 0, 'Max Retry Wait (Seconds)', { min: 0, max: MAX_RETRY_WAIT_SECONDS }),
	);
}
