import { SmsGatewayError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import { resolveBaseUrl } from '../../core/adapter/baseUrl';
import type { GatewayDefinition } from '../../core/adapter/GatewayDefinition';
import { smsAssistentReports } from './reportParser';
import { SMS_ASSISTENT_LABEL } from './httpAnswer';
import { SMS_ASSISTENT_DEFAULT_BASE_URL, SmsAssistentAdapter } from './SmsAssistentAdapter';
import { SMS_ASSISTENT_LIMITS } from './limits';
import type { SmsAssistentAuth } from './smsAssistentPackage';
import { SMS_ASSISTENT_ERRORS } from './errors';
import { SMS_ASSISTENT_SENDER_RULES } from './senderRules';
import { SMS_ASSISTENT_STATUSES } from './statuses';

/** Reads the `smsAssistentApi` credential (credentials/SmsAssistentApi.credentials.ts). */
export const smsAssistentDefinition: GatewayDefinition = {
	id: 'smsAssistent',
	label: SMS_ASSISTENT_LABEL,
	credentialName: 'smsAssistentApi',
	senderRules: SMS_ASSISTENT_SENDER_RULES,
	errors: SMS_ASSISTENT_ERRORS,
	statuses: SMS_ASSISTENT_STATUSES,
	reports: smsAssistentReports,
	limits: SMS_ASSISTENT_LIMITS,
	create(credentials, transport, options) {
		const baseUrl = resolveBaseUrl(credentials.baseUrl, SMS_ASSISTENT_DEFAULT_BASE_URL, SMS_ASSISTENT_LABEL);
		const apiFormat = credentials.apiFormat === 'xml' ? 'xml' : 'json';
		return new SmsAssistentAdapter({ baseUrl, apiFormat, auth: readAuth(credentials) }, transport, options);
	},
};

function readAuth(credentials: Record<string, unknown>): SmsAssistentAuth {
	const login = text(credentials.login);
	if (!login) throw missing('the login');
	if (credentials.authMethod === 'token') {
		const token = secret(credentials.token);
		if (!token) throw missing('the API token');
		// It travels in the requestAuthToken header, which carries visible ASCII only; anything
		// else would be dropped or mangled and the gateway would report a missing password.
		if (!/^[\x21-\x7e]+$/.test(token.trim())) {
			throw new SmsGatewayError(
				smsError('auth_failed', `${SMS_ASSISTENT_LABEL}: the API Token contains spaces or characters other than visible ASCII, which an HTTP header cannot carry; paste it again`),
			);
		}
		return { login, token };
	}
	const password = secret(credentials.password);
	if (!password) throw missing('the password');
	return { login, password };
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** Secrets are used as typed (a space may be part of a password); only an all-blank one is missing. */
function secret(value: unknown): string {
	return typeof value === 'string' && value.trim() !== '' ? value : '';
}

function missing(what: string): SmsGatewayError {
	return new SmsGatewayError(smsError('auth_failed', `${SMS_ASSISTENT_LABEL}: the credential has no value for ${what}`));
}
