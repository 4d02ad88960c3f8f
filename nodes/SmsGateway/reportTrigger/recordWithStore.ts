import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import type { ReportedStatus } from '../../core/reports/DeliveryReport';
import { recordReport, STORE_UNAVAILABLE, type ReportAnswer, type ReportMode } from '../../core/reports/receiveReport';
import { choiceFrom, TRACKING_STORES, withTrackingStore } from '../../glue';

/**
 * The statuses of a checked report through the tracking store the node's Options name (the
 * same store the sending node and the SMS Gateway Trigger use). A store that cannot be opened
 * (n8n 1.x without node:sqlite, Redis down) answers 503: the gateway sends the report again.
 */
export async function recordWithStore(context: IWebhookFunctions, gateway: string, statuses: readonly ReportedStatus[], mode: ReportMode): Promise<ReportAnswer> {
	const options = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const kind = choiceFrom(options.trackingStore, TRACKING_STORES, 'builtIn', 0, 'Tracking Store');
	try {
		return await withTrackingStore(context, kind, (store) => recordReport(gateway, statuses, store, mode));
	} catch {
		return STORE_UNAVAILABLE;
	}
}
