import { FINAL_STATUS, type NormalizedStatus, type SmsStatus } from './SmsStatus';

/** A gateway's status words (or numbers, as strings) mapped onto our model; keys are matched case-insensitively. */
export type StatusTable = Readonly<Record<string, SmsStatus>>;

export function normalizeStatus(table: StatusTable, raw: string | number | undefined | null): NormalizedStatus {
	const rawText = raw === undefined || raw === null ? '' : String(raw).trim();
	const status = lookup(table, rawText) ?? 'unknown';
	return { status, final: FINAL_STATUS[status], raw: rawText };
}

export function statusOf(status: SmsStatus, raw = ''): NormalizedStatus {
	return { status, final: FINAL_STATUS[status], raw };
}

function lookup(table: StatusTable, key: string): SmsStatus | undefined {
	if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
	const lower = key.toLowerCase();
	for (const [word, status] of Object.entries(table)) {
		if (word.toLowerCase() === lower) return status;
	}
	return undefined;
}

/** The statuses Bitrix24 accepts in `messageservice.message.status.update`. */
export type Bitrix24Status = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

const BITRIX24_STATUS: Record<SmsStatus, Bitrix24Status> = {
	queued: 'queued',
	scheduled: 'queued',
	sent: 'sent',
	delivered: 'delivered',
	undelivered: 'undelivered',
	expired: 'undelivered',
	// Rejected by the network or the operator: the message reached the gateway but not the phone.
	rejected: 'undelivered',
	failed: 'failed',
	// Bitrix24 has no "unknown"; "sent" is the last thing we know happened.
	unknown: 'sent',
};

export function toBitrix24Status(status: SmsStatus): Bitrix24Status {
	return BITRIX24_STATUS[status];
}
