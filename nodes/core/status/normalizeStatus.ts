import { FINAL_STATUS, type NormalizedStatus, type SmsStatus } from './SmsStatus';

/** A gateway's status words (or numbers, as strings) mapped onto our model; keys are matched case-insensitively. */
export type StatusTable = Readonly<Record<string, SmsStatus>>;

export function normalizeStatus(table: StatusTable, raw: string | number | undefined | null): NormalizedStatus {
	const rawText = raw === undefined || raw === null ? '' : String(raw).trim();
	const status = lookup(table, rawText) ?? 'unknown';
	return { status, final: FINAL_STATUS[status], raw: rawText };
}

/** A status without the gateway's own word is one frozen object per status, shared by a batch's results. */
const PLAIN_STATUS = new Map<SmsStatus, NormalizedStatus>();

export function statusOf(status: SmsStatus, raw = ''): NormalizedStatus {
	if (raw !== '') return { status, final: FINAL_STATUS[status], raw };
	let plain = PLAIN_STATUS.get(status);
	if (plain === undefined) {
		plain = Object.freeze({ status, final: FINAL_STATUS[status], raw });
		PLAIN_STATUS.set(status, plain);
	}
	return plain;
}

function lookup(table: StatusTable, key: string): SmsStatus | undefined {
	if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
	const lower = key.toLowerCase();
	for (const [word, status] of Object.entries(table)) {
		if (word.toLowerCase() === lower) return status;
	}
	return undefined;
}
