import type { SmsStatus } from '../core/status/SmsStatus';

/**
 * The statuses Bitrix24 accepts in `messageservice.message.status.update`
 * (https://dev.1c-bitrix.ru/rest_help/messageservice/messageservice_message_status_update.php).
 * Only Bitrix24 needs this mapping, so it lives where the Bitrix24 nodes will.
 */
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
