import type { ErrorTable } from '../../core/errors/errorTable';

/**
 * SMS-assistent result codes. -1…-15: its API description, section 1.2. -16…-27 come from the newer
 * API (v1.2); public sources name only their topics (templates, sender names, codes) and two of
 * them exactly (-24, -27) [seen]; the other texts are [guess] and say so to the user.
 */
export const SMS_ASSISTENT_ERRORS: ErrorTable = {
	'-1': { code: 'insufficient_funds', message: 'Not enough funds on the account' },
	'-2': { code: 'auth_failed', message: 'Wrong login or password (or API token)' },
	'-3': { code: 'invalid_text', message: 'The message text is missing' },
	'-4': { code: 'invalid_number', message: 'Invalid recipient number' },
	'-5': { code: 'invalid_sender', message: 'Invalid sender name (it must be registered on the account; case matters)' },
	'-6': { code: 'auth_failed', message: 'The login is missing' },
	'-7': { code: 'auth_failed', message: 'The password is missing' },
	'-10': { code: 'unavailable', message: 'The service is temporarily unavailable' },
	'-11': { code: 'invalid_message_id', message: 'Invalid message ID' },
	// Newer accounts also get it when API access is not enabled in "SMS-рассылка → Рассылка по API".
	'-12': { code: 'bad_request', message: 'Other error (check that API access is enabled in the account)' },
	'-13': { code: 'blocked', message: 'Sending is blocked for this account (send many recipients in one package, not one request per number)' },
	'-14': { code: 'outside_allowed_hours', message: 'The request is outside the sending hours set in the account ("My settings → Personal settings")' },
	'-15': { code: 'invalid_schedule', message: 'Invalid scheduled send date (format YYYYMMDDHHMM, Minsk time, at least 10 minutes ahead)' },
	'-16': { code: 'bad_request', message: 'Message template not found (code -16, meaning not confirmed)' },
	'-17': { code: 'invalid_text', message: 'The text does not match an approved template (code -17, meaning not confirmed)' },
	'-18': { code: 'bad_request', message: 'Template error (code -18, meaning not confirmed)' },
	'-19': { code: 'invalid_sender', message: 'Sender name not found on the account (code -19, meaning not confirmed)' },
	'-20': { code: 'invalid_sender', message: 'Sender name not yet approved or registered with the operators (code -20, meaning not confirmed)' },
	'-21': { code: 'invalid_sender', message: 'Sender name error (code -21, meaning not confirmed)' },
	'-22': { code: 'bad_request', message: 'Verification code error (code -22, meaning not confirmed)' },
	'-23': { code: 'bad_request', message: 'Verification code error (code -23, meaning not confirmed)' },
	'-24': { code: 'bad_request', message: 'Invalid webhook URL' },
	'-25': { code: 'bad_request', message: 'Verification code error (code -25, meaning not confirmed)' },
	'-26': { code: 'bad_request', message: 'Request error (code -26, meaning not confirmed)' },
	'-27': { code: 'blocked', message: 'The account is blocked' },
};
