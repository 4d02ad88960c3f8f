import type { ErrorTable } from '../../core/errors/errorTable';

/**
 * Devino (integrationapi.net) errors. The REST API answers `{Code, Desc}` with codes 1-9
 * (its REST description and public clients); the integrationapi.net 1C module reports the older SOAP service's
 * operation statuses. The documents give no retry policy, so the defaults apply (only
 * rate_limited and unavailable are retried).
 */
export const DEVINO_ERRORS: ErrorTable = {
	// REST codes, with the HTTP status each comes with.
	'1': { code: 'bad_request', message: 'a required parameter is missing (null argument)' }, // 400
	'2': { code: 'bad_request', message: 'a parameter has an invalid value' }, // 400
	'3': { code: 'auth_failed', message: 'the session id is invalid' }, // 400
	'4': { code: 'auth_failed', message: 'wrong login or password, or the session expired' }, // 401
	'5': { code: 'insufficient_funds', message: 'not enough credits on the account' }, // 403
	'6': { code: 'bad_request', message: 'the operation is not allowed in this state (invalid operation)' }, // 400
	'7': { code: 'blocked', message: 'the account may not perform this operation (forbidden)' }, // 403
	'8': { code: 'unavailable', message: 'gateway error, try again later' }, // 500
	'9': { code: 'unavailable', message: 'internal error, try again later' }, // 500
	// 1C module operation statuses (the integrationapi.net 1C module's description); OK_Operation_Completed is not an error.
	Error_Not_Enough_Credits: { code: 'insufficient_funds', message: 'not enough credits on the account' },
	Error_Message_Rejected: { code: 'blocked', message: 'the message was rejected' },
	Error_Invalid_Source_Address: { code: 'invalid_sender', message: 'the sender name is invalid or not registered' },
	Error_Invalid_Destination_Address: { code: 'invalid_number', message: 'the recipient number is invalid' },
	Error_SMS_User_Disabled: { code: 'blocked', message: 'the SMS account is disabled' },
	Error_Invalid_MessageID: { code: 'invalid_message_id', message: 'the message id is invalid' },
	Error_Invalid_Header: { code: 'bad_request', message: 'the request parameters are invalid' },
	Error_Invalid_Login: { code: 'auth_failed', message: 'wrong login' },
	Error_Invalid_Password: { code: 'auth_failed', message: 'wrong password' },
	Error_Unauthorised_IP_Address: { code: 'auth_failed', message: 'requests from this IP address are not allowed for the account' },
	Error_SMS_User_Not_Activated: { code: 'auth_failed', message: 'the SMS account is not activated yet' },
	Error_Message_Queue_Full: { code: 'rate_limited', message: 'the message queue is full, try again later' },
	Error_Gateway_Offline: { code: 'unavailable', message: 'the server is unavailable' },
	Error_Gateway_Busy: { code: 'unavailable', message: 'the server is busy with another request' },
	Error_Database_Offline: { code: 'unavailable', message: 'the database server is unavailable' },
};
