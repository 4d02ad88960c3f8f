import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';
import { FINAL_STATUS, SMS_STATUSES, type SmsStatus } from '../../core/status/SmsStatus';
import { pollStatuses } from '../../core/tracking/poll/pollStatuses';
import type { StatusEvent } from '../../core/tracking/poll/statusEvent';
import { matchesFilter, type StatusEventFilter, type StatusEventKind } from '../../core/tracking/poll/eventFilter';
import { choiceFrom, collectionFrom, type GatewayHandle, ParameterError, stringFrom, TRACKING_STORES, trackingScope, withTrackingStore } from '../../glue';

/** n8n starts a poll once a minute at most, a few milliseconds early or late; messages due this soon are asked about now. */
const DUE_WITHIN_MS = 10_000;

/**
 * Status Changed / Final Status: one poll of the tracking store for the messages of this gateway
 * account, one item per change this poller is the first to see. In manual mode (Fetch Test
 * Event) nothing is claimed or recorded: a clearly marked sample shows the item's fields.
 */
export async function pollStatusEvents(context: IPollFunctions, handle: GatewayHandle, kind: StatusEventKind): Promise<INodeExecutionData[][] | null> {
	const options = readStatusOptions(context);
	const filter: StatusEventFilter = { kind, statuses: options.statuses, reference: options.reference };
	if (context.getMode() === 'manual') return [[{ json: sampleEvent(handle.definition.id, filter) }]];
	const scope = trackingScope(context, handle.definition);
	const result = await withTrackingStore(context, options.store, (store) =>
		pollStatuses({ store, gateway: handle.gateway, scope, filter, dueWithinMs: DUE_WITHIN_MS }),
	);
	for (const failure of result.failures) {
		// The messages stay tracked and are asked about again later; a failed poll is not an error of the workflow.
		context.logger.warn(`SMS Gateway Trigger: status check on ${handle.definition.label} failed (${failure.code}): ${failure.message}`);
	}
	if (result.events.length === 0) return null;
	return [result.events.map((event) => ({ json: { ...event } as IDataObject }))];
}

/** The Tracking Store of a status event poll, which also says where the account's limits and session live. */
export function statusTrackingStore(context: IPollFunctions): (typeof TRACKING_STORES)[number] {
	return context.getMode() === 'manual' ? 'builtIn' : readStatusOptions(context).store;
}

function readStatusOptions(context: IPollFunctions): { statuses: SmsStatus[]; reference?: string; store: (typeof TRACKING_STORES)[number] } {
	try {
		const options = collectionFrom(context.getNodeParameter('options', {}), 0, 'Options');
		const statuses = Array.isArray(options.statuses) ? options.statuses : options.statuses === undefined ? [] : [options.statuses];
		const known = statuses.map((status) => choiceFrom(status, SMS_STATUSES, 'unknown', 0, 'Statuses'));
		const reference = stringFrom(options.reference, '', 0, 'Reference');
		return { statuses: known, reference: reference || undefined, store: choiceFrom(options.trackingStore, TRACKING_STORES, 'builtIn', 0, 'Tracking Store') };
	} catch (error) {
		if (error instanceof ParameterError) throw new NodeOperationError(context.getNode(), `${error.parameter} ${error.reason}`);
		throw error;
	}
}

/** A plausible status before each one, for the sample. */
const SAMPLE_PREVIOUS: Record<SmsStatus, SmsStatus | null> = {
	queued: null,
	scheduled: null,
	sent: 'queued',
	delivered: 'sent',
	undelivered: 'sent',
	expired: 'sent',
	rejected: 'queued',
	failed: 'queued',
	unknown: 'sent',
};

/**
 * What Fetch Test Event shows: every field an event has, marked `sample: true` so nobody mistakes
 * it for a real message. It passes the trigger's own filters (the first chosen status this event
 * can emit, the Reference), so the fields mapped downstream are those of an event it would emit.
 */
function sampleEvent(gateway: string, filter: StatusEventFilter): IDataObject {
	const changedAt = new Date();
	const sampleOf = (status: SmsStatus): StatusEvent => ({
		eventId: `${gateway}:sample:${status}`,
		messageId: 'sample',
		to: '+375291234567',
		status,
		previousStatus: SAMPLE_PREVIOUS[status],
		final: FINAL_STATUS[status],
		gatewayStatus: 'sample',
		parts: 1,
		reference: filter.reference || 'sample-reference',
		gateway,
		sentAt: new Date(changedAt.getTime() - 60_000).toISOString(),
		changedAt: changedAt.toISOString(),
		reason: null,
	});
	const candidates = [...(filter.statuses ?? []), 'delivered' as const].map(sampleOf);
	return { ...(candidates.find((event) => matchesFilter(event, filter)) ?? sampleOf('delivered')), sample: true };
}
