import type { StatusTable } from '../../core/status/normalizeStatus';

/**
 * SMS-assistent status words (its API description, section 1.3, in the account under Help → SMS mailing → API). The API answers the English word; the
 * Russian "description in API" column is accepted too in case an account or the webhook answers
 * with it.
 */
export const SMS_ASSISTENT_STATUSES: StatusTable = {
	Queued: 'queued',
	Sent: 'sent',
	Delivered: 'delivered',
	Expired: 'expired',
	// Version v1_1711/16 of the document renamed it from "rejected" to "not delivered": the
	// message left the gateway but never reached the phone.
	Rejected: 'undelivered',
	Unknown: 'unknown',
	// "Not sent": stop list, invalid number, network unavailable, no funds; it never left the gateway.
	Failed: 'failed',
	'В очереди': 'queued',
	'Отправлено': 'sent',
	'Доставлено': 'delivered',
	'Просрочено': 'expired',
	'Не доставлено': 'undelivered',
	'Неизвестен': 'unknown',
	'Не отправлено': 'failed',
};
