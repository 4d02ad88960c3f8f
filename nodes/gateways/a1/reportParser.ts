import type { DeliveryReportFormat, ReportedStatus, ReportReading } from '../../core/reports/DeliveryReport';
import { normalizeStatus } from '../../core/status/normalizeStatus';
import { A1_STATUSES } from './statuses';

/**
 * Where an A1 delivery report may keep what we need. A1 posts reports to the callback URL agreed
 * in the contract, and the payload is described only in the contract's documentation, so every
 * name here is a guess, listed in the README; a name A1 turns out to use is one more entry here.
 */
export const A1_REPORT_FIELDS = {
	/** The message id the send answered. */
	messageId: ['messageId', 'message_id', 'msgId', 'msg_id', 'smsId', 'sms_id', 'id'],
	/** The delivery status: a word or an SMPP message_state number (statuses.ts). */
	status: ['status', 'state', 'deliveryStatus', 'delivery_status', 'dlrStatus', 'dlr_status', 'stat', 'message_state'],
	/** A list of reports in one body. */
	list: ['reports', 'statuses', 'messages', 'items', 'data', 'results'],
	/** One report wrapped in an object. */
	wrapper: ['report', 'data', 'message'],
} as const;

type Fields = Record<string, unknown>;

/**
 * A1 delivery reports, read tolerantly [guess]: JSON (one object, an array, or a list under one
 * of A1_REPORT_FIELDS.list), form fields, or the SMPP delivery-receipt text (`id:… stat:DELIVRD …`,
 * SMPP 3.4 Appendix B) that an SMSC-backed API may pass through.
 */
export const a1Reports: DeliveryReportFormat = {
	urlGiven: 'contract',
	contentTypes: ['application/json', 'application/x-www-form-urlencoded', 'text/plain'],
	parse({ contentType, body }): ReportReading {
		const text = body.trim();
		if (text === '') return { kind: 'malformed', reason: 'empty body' };
		const records = contentType === 'application/x-www-form-urlencoded' ? [formFields(text)] : jsonRecords(text) ?? dlrText(text) ?? [formFields(text)];
		const statuses: ReportedStatus[] = [];
		for (const record of records) {
			const status = readRecord(record);
			if (status) statuses.push(status);
		}
		if (statuses.length === 0) return { kind: 'malformed', reason: 'no message id with a status in it' };
		return { kind: 'statuses', statuses };
	},
};

function readRecord(record: Fields): ReportedStatus | undefined {
	const messageId = pick(record, A1_REPORT_FIELDS.messageId);
	const status = pick(record, A1_REPORT_FIELDS.status);
	// Path steps, spaces and controls are no id A1 gives (the adapter refuses them too).
	if (messageId === undefined || status === undefined || !/^[A-Za-z0-9_.:+-]{1,100}$/.test(messageId) || /^\.+$/.test(messageId)) return undefined;
	return { messageId, status: normalizeStatus(A1_STATUSES, status) };
}

function jsonRecords(text: string): Fields[] | undefined {
	if (!/^[[{]/.test(text)) return undefined;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return [];
	}
	if (Array.isArray(value)) return value.filter(isObject);
	if (!isObject(value)) return [];
	for (const name of A1_REPORT_FIELDS.list) {
		const list = value[name];
		if (Array.isArray(list)) return list.filter(isObject);
	}
	for (const name of A1_REPORT_FIELDS.wrapper) {
		const inner = value[name];
		if (isObject(inner) && pick(value, A1_REPORT_FIELDS.messageId) === undefined) return [inner];
	}
	return [value];
}

/** `id:123 sub:001 dlvrd:001 submit date:… done date:… stat:DELIVRD err:000`, one receipt per line. */
function dlrText(text: string): Fields[] | undefined {
	if (!/(^|\s)id:\S+/.test(text) || !/(^|\s)stat:\S+/.test(text)) return undefined;
	return text.split(/\r?\n/).flatMap((line) => {
		const id = /(?:^|\s)id:(\S+)/.exec(line)?.[1];
		const stat = /(?:^|\s)stat:(\S+)/.exec(line)?.[1];
		return id && stat ? [{ id, stat }] : [];
	});
}

function formFields(text: string): Fields {
	return Object.fromEntries(new URLSearchParams(text));
}

function pick(record: Fields, names: readonly string[]): string | undefined {
	for (const name of names) {
		const value = record[name];
		if ((typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '') return String(value).trim();
	}
	return undefined;
}

function isObject(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
