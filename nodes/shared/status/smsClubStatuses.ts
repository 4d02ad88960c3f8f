import type { StatusTable } from './normalizeStatus';

/**
 * SMSClub `/sms/status` words. The five documented ones (seed 003) come first. The rest are
 * [guess]: the other SMPP delivery-receipt states, which an SMPP-backed gateway may pass through,
 * and the Russian/Ukrainian words older accounts are said to see.
 */
export const SMSCLUB_STATUSES: StatusTable = {
	// Documented (seed 003).
	ENROUTE: 'sent',
	DELIVRD: 'delivered',
	EXPIRED: 'expired',
	UNDELIV: 'undelivered',
	REJECTD: 'rejected',
	// [guess] Remaining SMPP 3.4 receipt states and their long spellings.
	ACCEPTD: 'queued',
	ACCEPTED: 'queued',
	DELIVERED: 'delivered',
	UNDELIVERABLE: 'undelivered',
	REJECTED: 'rejected',
	DELETED: 'failed',
	UNKNOWN: 'unknown',
	// [guess] Words of older accounts (Russian, then Ukrainian).
	'В очереди': 'queued',
	'Отправлено': 'sent',
	'Доставлено': 'delivered',
	'Не доставлено': 'undelivered',
	'Просрочено': 'expired',
	'Отклонено': 'rejected',
	'Ошибка': 'failed',
	'В черзі': 'queued',
	'Відправлено': 'sent',
	'Прострочено': 'expired',
	'Відхилено': 'rejected',
	'Помилка': 'failed',
};

/** The words seed 003 lists, for tests and documentation. */
export const SMSCLUB_DOCUMENTED_STATUSES = ['ENROUTE', 'DELIVRD', 'EXPIRED', 'UNDELIV', 'REJECTD'] as const;
