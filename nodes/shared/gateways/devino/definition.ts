import { SmsGatewayError } from '../../errors/SmsError';
import { smsError } from '../../errors/errorTable';
import { resolveBaseUrl } from '../baseUrl';
import type { GatewayDefinition } from '../SmsGateway';
import { DevinoGateway, DEVINO_LIMITS } from './DevinoGateway';
import { DEVINO_DEFAULT_BASE_URL } from './devinoWire';

/** Devino Telecom's integrationapi.net REST API; credential `integrationApiNetApi` (login, password, baseUrl). */
export const devinoDefinition: GatewayDefinition = {
	id: 'devino',
	label: 'Devino (integrationapi.net)',
	credentialName: 'integrationApiNetApi',
	senderRules: 'devino',
	limits: DEVINO_LIMITS,
	create(credentials, transport, options) {
		const baseUrl = resolveBaseUrl(credentials.baseUrl, DEVINO_DEFAULT_BASE_URL, 'Devino');
		const login = typeof credentials.login === 'string' ? credentials.login.trim() : '';
		const password = typeof credentials.password === 'string' ? credentials.password : '';
		if (!login || !password) {
			throw new SmsGatewayError(smsError('auth_failed', 'Devino: the credential needs both a login and a password'));
		}
		return new DevinoGateway({ baseUrl, login, password }, transport, options);
	},
};
