import type { ReportedStatus } from '../../core/reports/DeliveryReport';
import { recordReport, STORE_UNAVAILABLE, type ReportAnswer, type ReportMode } from '../../core/reports/receiveReport';
import { openReportTrackingStore } from '../../glue/reportTrackingStore';

/** The statuses of a checked report through the tracking store; a store that cannot be opened answers 503. */
export async function recordWithStore(gateway: string, statuses: readonly ReportedStatus[], mode: ReportMode): Promise<ReportAnswer> {
	let store;
	try {
		store = await openReportTrackingStore();
	} catch {
		return STORE_UNAVAILABLE;
	}
	return await recordReport(gateway, statuses, store, mode);
}
