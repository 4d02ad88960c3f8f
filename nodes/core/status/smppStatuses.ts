import type { StatusTable } from './normalizeStatus';

/**
 * SMPP 3.4 delivery-report `stat:` words (SMPP 3.4, appendix B; SMS-assistent's API description lists them in section 5.3) and the message_state names they
 * abbreviate. Gateways that pass DLR words through (SMS-assistent over SMPP, SMSClub) share this.
 */
export const SMPP_STATUSES: StatusTable = {
	ENROUTE: 'sent',
	DELIVRD: 'delivered',
	// SMS-assistent's API description lists DELIVERY as "delivered" beside DELIVRD.
	DELIVERY: 'delivered',
	DELIVERED: 'delivered',
	EXPIRED: 'expired',
	// Deleted by the SMSC after it was submitted: it reached the network but not the phone.
	DELETED: 'undelivered',
	UNDELIV: 'undelivered',
	UNDELIVERABLE: 'undelivered',
	// Accepted on the subscriber's behalf (e.g. by customer care), not delivered to the handset;
	// SMSCs such as Kannel treat it as still buffered, so it stays non-final. [guess]
	ACCEPTD: 'sent',
	ACCEPTED: 'sent',
	UNKNOWN: 'unknown',
	REJECTD: 'rejected',
	REJECTED: 'rejected',
};
