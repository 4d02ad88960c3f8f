import type { StatusTable } from '../../core/status/normalizeStatus';
import { SMPP_STATUSES } from '../../core/status/smppStatuses';

/**
 * SMSClub `/sms/status` words: SMPP delivery-receipt states, and [guess] the Russian/Ukrainian
 * words older accounts are said to see.
 */
export const SMSCLUB_STATUSES: StatusTable = {
	// The five documented words (https://smsclub.mobi/en/api) are SMPP receipt states; the rest of SMPP's [guess]
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
