import { openBuiltInTrackingStore } from '../core/tracking/sqlite/openBuiltInTrackingStore';
import type { TrackingStore } from '../core/tracking/TrackingStore';
import { trackingLimitsFromEnvironment } from '../core/tracking/trackingSettings';

/**
 * The tracking store a delivery-report trigger records into: the built-in one (SQLite in the n8n
 * user folder), shared with every other node of the package in this process. It is opened on the
 * first report, so an n8n 1.x (Node 20) without node:sqlite fails that report with advice (503,
 * the gateway sends it again) rather than the activation. The limits are the environment's, as
 * for every other node (the first opener in a process sets them for the shared store).
 */
export async function openReportTrackingStore(): Promise<TrackingStore> {
	return openBuiltInTrackingStore({ limits: trackingLimitsFromEnvironment() });
}
