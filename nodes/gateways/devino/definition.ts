import { SmsGatewayError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import { resolveBaseUrl } from '../../core/adapter/baseUrl';
import type { GatewayDefinition } from '../../core/adapter/GatewayDefinition';
import { DevinoAdapter } from './DevinoAdapter';
import { DEVINO_LIMITS } from './limits';
import { DEVINO_DEFAULT_BASE_URL } from './devinoWire';
import { DEVINO_ERRORS } from './errors';
import { DEVINO_SENDER_RULES } from './senderRules';
import { DEVINO_STATUSES } from './statuses';
import { DEVINO_SESSION_REUSE_MS } from './devinoSessions';

/** Devino Telecom's integrationapi.net REST API; credential `integrationApiNetApi` (login, password, baseUrl). */
export const devinoDefinition: GatewayDefinition = {
	id: 'devino',
	label: 'Devino (integrationapi.net)',
	credentialName: 'integrationApiNetApi',
	senderRules: DEVINO_SENDER_RULES,
	errors: DEVINO_ERRORS,
	statuses: DEVINO_STATUSES,
	limits: DEVINO_LIMITS,
	sessionReuseMs: DEVINO_SESSION_REUSE_MS,
	create(credentials, transport, options) {
		const baseUrl = resolveBaseUrl(credentials.baseUrl, DEVINO_DEFAULT_BASE_URL, 'Devino');
		const login = typeof credentials.login === 'string' ? credentials.login.trim() : '';
		const password = typeof credentials.password === 'string' ? credentials.password : '';
		if (!login || !password) {
			throw new SmsGatewayError(smsError('auth_failed', 'Devino: the credential needs both a login and a password'));
		}
		return new DevinoAdapter({ baseUrl, login, password }, transport, options);
	},
};
