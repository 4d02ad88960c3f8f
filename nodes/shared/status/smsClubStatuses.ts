import type { StatusTable } from './normalizeStatus';
import { SMPP_STATUSES } from './smppStatuses';

/**
 * SMSClub `/sms/status` words: SMPP delivery-receipt states, and [guess] the Russian/Ukrainian
 * words older accounts are said to see.
 */
export const SMSCLUB_STATUSES: StatusTable = {
	// The five documented words (seed 003) are SMPP receipt states; the rest of SMPP's [guess]
	// comes with them, read as for every gateway that passes receipts through.
	...SMPP_STATUSES,
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
