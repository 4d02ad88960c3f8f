import type { StatusTable } from '../../core/status/normalizeStatus';
import { SMPP_STATUSES } from '../../core/status/smppStatuses';

/**
 * A1 delivery statuses. A1's public API description (integration guides for 1C-Bitrix; the vendor's own documentation comes with the contract) names no status words, only that
 * delivery reports come from the SMSC, so this table covers what an SMSC-backed HTTP API plausibly
 * passes through [guess]: the SMPP DLR words and message_state names (shared with the other
 * gateways), the numeric message_state values, and the plain words HTTP front-ends use.
 */
export const A1_STATUSES: StatusTable = {
	...SMPP_STATUSES,
	// SMPP 5.0 message_state names beyond 3.4.
	SCHEDULED: 'scheduled',
	// Dropped by an interface on the way.
	SKIPPED: 'rejected',

	// Numeric message_state (SMPP 3.4: 1–8; SMPP 5.0 adds 0 and 9), read as the names above.
	'0': 'scheduled',
	'1': SMPP_STATUSES.ENROUTE,
	'2': SMPP_STATUSES.DELIVERED,
	'3': SMPP_STATUSES.EXPIRED,
	'4': SMPP_STATUSES.DELETED,
	'5': SMPP_STATUSES.UNDELIVERABLE,
	'6': SMPP_STATUSES.ACCEPTED,
	'7': SMPP_STATUSES.UNKNOWN,
	'8': SMPP_STATUSES.REJECTED,
	'9': 'rejected',

	// Plain words HTTP front-ends use for what SMPP has no name for, or instead of its names.
	QUEUED: 'queued',
	PENDING: 'queued',
	SENT: 'sent',
	FAILED: 'failed',
	UNDELIVERED: 'undelivered',
};
