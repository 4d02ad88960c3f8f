import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { MessageSettings } from '../core/message/prepareMessage';
import type { DeliverySettings } from './delivery/deliverySettings';

const TRANSLITERATION = new Set(['off', 'ru', 'be']);

export function readOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

export function messageSettings(options: IDataObject): MessageSettings {
	const transliterate = String(options.transliterate ?? 'off');
	return {
		scheduleAt: options.scheduleAt,
		validityHours: options.validityHours,
		sanitize: options.sanitize !== false,
		transliterate: (TRANSLITERATION.has(transliterate) ? transliterate : 'off') as MessageSettings['transliterate'],
		defaultCountry: typeof options.defaultCountry === 'string' && options.defaultCountry ? options.defaultCountry : 'BY',
	};
}

/** Run-wide settings come from the first item: one run is one mailing. */
export function deliverySettings(context: IExecuteFunctions, batch: boolean): DeliverySettings {
	const first = readOptions(context, 0);
	const price = Number(first.pricePerPart ?? 0);
	return {
		dryRun: first.dryRun === true,
		pricePerPart: Number.isFinite(price) && price > 0 ? price : undefined,
		deduplicate: batch && first.deduplicate !== false,
		checkBalanceFirst: batch && first.checkBalanceFirst === true,
		includeInputFields: (itemIndex) => includeInputFields(context, itemIndex),
	};
}

export function includeInputFields(context: IExecuteFunctions, itemIndex: number): boolean {
	return readOptions(context, itemIndex).includeInputFields === true;
}

export function maxRetryWaitSeconds(context: IExecuteFunctions): number | undefined {
	const operation = context.getNodeParameter('operation', 0) as string;
	if (!['send', 'sendBatch', 'getStatus'].includes(operation)) return undefined;
	const value = readOptions(context, 0).maxRetryWaitSeconds;
	return typeof value === 'number' ? value : undefined;
}
