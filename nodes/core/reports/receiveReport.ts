import { sameSecret } from '../security/sameSecret';
import type { NormalizedStatus } from '../status/SmsStatus';
import { statusEventOf, type StatusEvent } from '../tracking/poll/statusEvent';
import { isProgress } from '../tracking/statusProgress';
import type { StatusChange, TrackingStore } from '../tracking/TrackingStore';
import type { DeliveryReportFormat, ReportedStatus, ReportRequest } from './DeliveryReport';

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
	/** For receiveReport: record (default) or preview. */
	mode?: ReportMode;
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

/** record: write each change (production); preview: read the store but write nothing (a test call from the editor). */
export type ReportMode = 'record' | 'preview';

export type ReportCheck = { ok: false; answer: ReportAnswer } | { ok: true; statuses: ReportedStatus[] };

const refusal = (httpStatus: ReportAnswer['httpStatus'], message: string): ReportAnswer => ({ httpStatus, message, events: [], unchanged: 0 });

/** The answer when the tracking store cannot be opened or written: the gateway sends the report again. */
export const STORE_UNAVAILABLE = refusal(503, 'Tracking store unavailable; send the report again');

/**
 * Everything decided before the tracking store is touched, so a forged or broken call opens no
 * store: the secret (constant time; 403 otherwise), the size (413), the gateway's parser (400
 * when it is not a report).
 */
export function checkReport(report: IncomingReport): ReportCheck {
	if (!sameSecret(report.givenSecret, report.secret)) return { ok: false, answer: refusal(403, 'Forbidden') };
	if (report.bodyBytes > (report.maxBodyBytes ?? MAX_REPORT_BYTES)) return { ok: false, answer: refusal(413, 'Report too large') };
	let reading;
	try {
		reading = report.format.parse(report.request);
	} catch {
		reading = { kind: 'malformed' as const, reason: 'unreadable' };
	}
	if (reading.kind === 'malformed') return { ok: false, answer: refusal(400, `Not a delivery report: ${reading.reason}`) };
	if (reading.statuses.length === 0) return { ok: false, answer: refusal(400, 'Not a delivery report: no message status in it') };
	if (reading.statuses.length > MAX_STATUSES_PER_REPORT) return { ok: false, answer: refusal(413, `Report too large: more than ${MAX_STATUSES_PER_REPORT} statuses`) };
	return { ok: true, statuses: reading.statuses };
}

/**
 * Every status through the tracking store's compare-and-set, so a change that a poller (or a
 * repeated report) already recorded is not emitted again. A store failure answers 503 so the
 * gateway sends the report again; what was recorded before it is still emitted, and the repeat
 * will not emit it twice.
 */
export async function recordReport(gateway: string, statuses: readonly ReportedStatus[], store: TrackingStore, mode: ReportMode = 'record', now: () => Date = () => new Date()): Promise<ReportAnswer> {
	const events: StatusEvent[] = [];
	let unchanged = 0;
	for (const { messageId, status } of statuses) {
		try {
			const change = mode === 'preview' ? await previewChange(store, gateway, messageId, status, now()) : await recordChange(store, gateway, messageId, status, now());
			if (change) events.push(statusEventOf(change));
			else unchanged += 1;
		} catch {
			return { ...STORE_UNAVAILABLE, events, unchanged };
		}
	}
	return { httpStatus: 200, message: 'OK', events, unchanged };
}

/** One delivery report, start to end: checkReport, then recordReport on the store `openStore` gives. */
export async function receiveReport(report: IncomingReport, openStore: () => Promise<TrackingStore>, now: () => Date = () => new Date()): Promise<ReportAnswer> {
	const checked = checkReport(report);
	if (!checked.ok) return checked.answer;
	let store: TrackingStore;
	try {
		store = await openStore();
	} catch {
		return STORE_UNAVAILABLE;
	}
	return await recordReport(report.gateway, checked.statuses, store, report.mode, now);
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
