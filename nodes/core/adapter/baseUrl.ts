import { SmsGatewayError } from '../errors/SmsError';
import { smsError } from '../errors/errorTable';

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The credential's base URL, or the gateway's default. Plain http is refused except on loopback,
 * so credentials are never sent in clear text by mistake while local emulators still work.
 */
export function resolveBaseUrl(value: unknown, defaultUrl: string, gatewayName: string): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : defaultUrl;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new SmsGatewayError(smsError('bad_request', `${gatewayName}: the base URL is not a valid URL (expected https://host/path)`));
	}
	const loopback = LOOPBACK_HOSTS.test(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		throw new SmsGatewayError(
			smsError('bad_request', `${gatewayName}: the base URL must start with https:// (plain http is allowed only for 127.0.0.1/localhost)`),
		);
	}
	// A query or fragment would end up in the middle of every endpoint URL ({base}?x=1/sms/send).
	if (url.search || url.hash || /[?#]/.test(text)) {
		throw new SmsGatewayError(smsError('bad_request', `${gatewayName}: the base URL must not contain "?" or "#"; give only the scheme, host and path`));
	}
	if (url.username || url.password) {
		throw new SmsGatewayError(smsError('bad_request', `${gatewayName}: put credentials in their fields, not in the base URL`));
	}
	return text.replace(/\/+$/, '');
}
