import { SmsGatewayError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import { resolveBaseUrl } from '../../core/adapter/baseUrl';
import type { GatewayDefinition } from '../../core/adapter/GatewayDefinition';
import { a1Reports } from './reportParser';
import { a1AuthFromCredentials } from './a1Auth';
import { A1Adapter } from './A1Adapter';
import { A1_DEFAULT_LIMITS, DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './limits';
import { A1_ERRORS } from './errors';
import { A1_SENDER_RULES } from './senderRules';
import { A1_STATUSES } from './statuses';

/** Built from the A1 API credential (a1Api). */
export const a1Definition: GatewayDefinition = {
	id: 'a1',
	label: 'A1',
	credentialName: 'a1Api',
	senderRules: A1_SENDER_RULES,
	errors: A1_ERRORS,
	statuses: A1_STATUSES,
	reports: a1Reports,
	limits: A1_DEFAULT_LIMITS,
	create(credentials, transport, options) {
		// A1 publishes no API address; it comes with the contract, so there is no default to fall back on.
		if (typeof credentials.baseUrl !== 'string' || credentials.baseUrl.trim() === '') {
			throw new SmsGatewayError(
				smsError('bad_request', 'A1: the credential needs the base URL of the A1 SMS API, as given in the contract (https://…)'),
			);
		}
		const baseUrl = resolveBaseUrl(credentials.baseUrl, '', 'A1');
		const rate = Number(credentials.maxRequestsPerSecond);
		const maxRequestsPerSecond = Number.isFinite(rate) && rate > 0 ? rate : undefined;
		const concurrency = concurrencyFrom(credentials.maxConcurrentRequests);
		return new A1Adapter({ baseUrl, auth: a1AuthFromCredentials(credentials), maxRequestsPerSecond, concurrency }, transport, options);
	},
};

/** Max Concurrent Requests: a whole number 1-200; a credential saved before the field existed has none (the default). */
function concurrencyFrom(value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_CONCURRENCY;
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
	if (!Number.isInteger(number) || number < 1 || number > MAX_CONCURRENCY) {
		throw new SmsGatewayError(
			smsError('bad_request', `A1: Max Concurrent Requests in the credential must be a whole number from 1 to ${MAX_CONCURRENCY}, not ${JSON.stringify(value)}`),
		);
	}
	return number;
}
