import type { StatusTable } from '../../core/status/normalizeStatus';

/**
 * Devino (integrationapi.net) message states. The REST API answers `/sms/state` with a number
 * (its REST description and public clients); the integrationapi.net 1C module shows the older SOAP service's words.
 * Both live in one table so a status from either source is understood.
 */
export const DEVINO_STATUSES: StatusTable = {
	// REST `State` numbers.
	'-98': 'failed', // stopped: the platform or the account owner halted it, it will not go out
	'-2': 'queued',
	'-1': 'sent',
	'0': 'delivered',
	'10': 'rejected', // invalid sender name: refused before reaching the network
	'11': 'undelivered', // invalid recipient: the network could not deliver to that number
	'41': 'rejected', // recipient not allowed
	'42': 'rejected', // rejected by the SMSC
	'46': 'expired',
	'47': 'failed', // deleted
	'48': 'rejected', // rejected by the platform
	'69': 'rejected',
	// 99 "unknown" and 255 "not found yet / older than 48 h" say nothing about the message: keep polling.
	'99': 'unknown',
	'255': 'unknown',
	// 1C module message statuses (the integrationapi.net 1C module's description); "everything else" is unrecognized and maps to unknown.
	Enqueued: 'queued',
	Delivered_To_Gateway: 'sent',
	Sent: 'sent',
	Delivered_To_Recipient: 'delivered',
	Error_Invalid_Destination_Address: 'undelivered',
	Error_Invalid_Source_Address: 'rejected',
	Error_Rejected: 'rejected',
	Error_Expired: 'expired',
};
