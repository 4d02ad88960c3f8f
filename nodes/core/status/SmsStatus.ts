/**
 * One status model for every gateway. Gateway-specific words are mapped onto it by the tables in
 * this folder; the raw value is always kept beside the normalized one.
 */
export const SMS_STATUSES = [
	'queued',
	'scheduled',
	'sent',
	'delivered',
	'undelivered',
	'expired',
	'rejected',
	'failed',
	'unknown',
] as const;

export type SmsStatus = (typeof SMS_STATUSES)[number];

/** A final status never changes again, so polling for it can stop. */
export const FINAL_STATUS: Record<SmsStatus, boolean> = {
	queued: false,
	scheduled: false,
	sent: false,
	delivered: true,
	undelivered: true,
	expired: true,
	rejected: true,
	failed: true,
	unknown: false,
};

export interface NormalizedStatus {
	status: SmsStatus;
	final: boolean;
	/** The gateway's own word or number, untouched. */
	raw: string;
}
