import { sameSecret } from '../security/sameSecret';
import { statusEventOf, type StatusEvent } from '../tracking/poll/statusEvent';
import { isProgress } from '../tracking/statusProgress';
import type { StatusChange, TrackingStore } from '../tracking/TrackingStore';
import type { NormalizedStatus } from '../status/SmsStatus';
import type { DeliveryReportFormat, ReportRequest } from './DeliveryReport';

/** A report bigger than this is refused unread: a gateway's report is a few fields per message. */
export const MAX_REPORT_BYTES = 256 * 1024;

/** Statuses one request may carry; more is not a report from a gateway. */
export const MAX_STATUSES_PER_REPORT = 1000;

export interface IncomingReport {
	/** The gateway the trigger listens for (its registry id). */
	gateway: string;
	format: DeliveryReportFormat;
	/** The secret the call carried (the URL's `secret` query parameter); anything not a string is no secret. */
	givenSecret: unknown;
	/** The trigger's secret; an empty one refuses every call. */
	secret: string;
	request: ReportRequest;
	/** Size of the body as received, in bytes. */
	bodyBytes: number;
	maxBodyBytes?: number;
	/** preview: read the store but write nothing, for a test call from the editor that must consume no event. */
	mode?: 'record' | 'preview';
}

/** What to answer the gateway, and the events to start the workflow with (none → no execution). */
export interface ReportAnswer {
	httpStatus: 200 | 400 | 403 | 413 | 503;
	/** Short and free of anything the caller sent. */
	message: string;
	events: StatusEvent[];
	/** Statuses the report carried that changed nothing (repeats, stale, already final, unknown words). */
	unchanged: number;
}

/**
 * One delivery report, start to end: the secret (constant time; 403 otherwise), the size (413),
 * the gateway's parser (400 when it is not a report), then every status through the tracking
 * store's compare-and-set, so a change that a poller (or a repeated report) already recorded is
 * not emitted again. A store failure answers 503 so the gateway sends the report again; what was
 * recorded before it is still emitted, and the repeat will not emit it twice.
 */
export async function receiveReport(report: IncomingReport, store: () => Promise<TrackingStore>, now: () => Date = () => new Date()): Promise<ReportAnswer> {
	const refuse = (httpStatus: ReportAnswer['httpStatus'], message: string): ReportAnswer => ({ httpStatus, message, events: [], unchanged: 0 });
	if (!sameSecret(report.givenSecret, report.secret)) return refuse(403, 'Forbidden');
	if (report.bodyBytes > (report.maxBodyBytes ?? MAX_REPORT_BYTES)) return refuse(413, 'Report too large');
	let reading;
	try {
		reading = report.format.parse(report.request);
	} catch {
		reading = { kind: 'malformed' as const, reason: 'unreadable' };
	}
	if (reading.kind === 'malformed') return refuse(400, `Not a delivery report: ${reading.reason}`);
	if (reading.statuses.length === 0) return refuse(400, 'Not a delivery report: no message status in it');
	if (reading.statuses.length > MAX_STATUSES_PER_REPORT) return refuse(413, `Report too large: more than ${MAX_STATUSES_PER_REPORT} statuses`);

	const events: StatusEvent[] = [];
	let unchanged = 0;
	let opened: TrackingStore;
	try {
		opened = await store();
	} catch {
		return refuse(503, 'Tracking store unavailable; send the report again');
	}
	for (const { messageId, status } of reading.statuses) {
		try {
			const change = report.mode === 'preview' ? await previewChange(opened, report.gateway, messageId, status, now()) : await recordChange(opened, report.gateway, messageId, status, now());
			if (change) events.push(statusEventOf(change));
			else unchanged += 1;
		} catch {
			return { httpStatus: 503, message: 'Tracking store unavailable; send the report again', events, unchanged };
		}
	}
	return { httpStatus: 200, message: 'OK', events, unchanged };
}

async function recordChange(store: TrackingStore, gateway: string, messageId: string, status: NormalizedStatus, now: Date): Promise<StatusChange | undefined> {
	const outcome = await store.record({ gateway, messageId, source: 'report', outcome: { kind: 'status', status } }, now);
	return outcome.kind === 'changed' ? outcome.change : undefined;
}

/** The change the report would make, from the stored record, without writing it. */
async function previewChange(store: TrackingStore, gateway: string, messageId: string, status: NormalizedStatus, now: Date): Promise<StatusChange | undefined> {
	const current = await store.get(gateway, messageId);
	if (current && (current.finishedAt !== undefined || !isProgress(current.status, status.status))) return undefined;
	const message = current ?? { gateway, credentialId: '', messageId, origin: 'reported' as const, status: status.status, gatewayStatus: status.raw, changedAt: now.getTime(), updatedAt: now.getTime(), checks: 0, notKnownChecks: 0, expiresAt: now.getTime(), giveUpAt: now.getTime(), version: 0 };
	return { message, previousStatus: current?.status, status: status.status, final: status.final, gatewayStatus: status.raw, changedAt: now.getTime() };
}
