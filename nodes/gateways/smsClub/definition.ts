import { SmsGatewayError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import { resolveBaseUrl } from '../../core/adapter/baseUrl';
import type { GatewayDefinition } from '../../core/adapter/GatewayDefinition';
import { SMSCLUB_DEFAULT_BASE_URL, SmsClubAdapter } from './SmsClubAdapter';
import { SMSCLUB_LIMITS } from './limits';
import { SMSCLUB_LABEL } from './smsClubResponseErrors';
import { SMSCLUB_ERRORS } from './errors';
import { SMSCLUB_SENDER_RULES } from './senderRules';
import { SMSCLUB_STATUSES } from './statuses';

/** A token goes into a header, so only visible ASCII can be sent; anything else is a pasting mistake. */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

export const smsClubDefinition: GatewayDefinition = {
	id: 'smsClub',
	label: SMSCLUB_LABEL,
	credentialName: 'smsClubApi',
	senderRules: SMSCLUB_SENDER_RULES,
	errors: SMSCLUB_ERRORS,
	statuses: SMSCLUB_STATUSES,
	limits: SMSCLUB_LIMITS,
	create(credentials, transport, options) {
		const token = typeof credentials.token === 'string' ? credentials.token.trim() : '';
		if (token === '') {
			throw new SmsGatewayError(smsError('auth_failed', `${SMSCLUB_LABEL}: the credential has no token`));
		}
		if (!TOKEN_PATTERN.test(token)) {
			throw new SmsGatewayError(
				smsError('auth_failed', `${SMSCLUB_LABEL}: the token contains spaces or characters a token cannot have; paste it again`),
			);
		}
		const baseUrl = resolveBaseUrl(credentials.baseUrl, SMSCLUB_DEFAULT_BASE_URL, SMSCLUB_LABEL);
		return new SmsClubAdapter({ baseUrl, token }, transport, options);
	},
};
