import { SmsGatewayError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';

/** How A1 authenticates: the contract decides between a bearer token and Basic auth (A1's public API description). */
export type A1Auth = { type: 'bearer'; token: string } | { type: 'basic'; username: string; password: string };

/** Reads the A1 API credential (a1Api); throws auth_failed when a needed field is empty. */
export function a1AuthFromCredentials(credentials: Record<string, unknown>): A1Auth {
	const type = credentials.authType === 'basic' ? 'basic' : 'bearer';
	if (type === 'bearer') {
		const token = textField(credentials.token);
		if (!token) throw missing('an API token (or switch Authentication to Basic)');
		// It travels in the Authorization header, which carries visible ASCII only.
		if (!/^[\x21-\x7e]+$/.test(token)) {
			throw new SmsGatewayError(smsError('auth_failed', 'A1: the Token contains spaces or characters other than visible ASCII, which an HTTP header cannot carry; paste it again'));
		}
		return { type, token };
	}
	const username = textField(credentials.username);
	const password = typeof credentials.password === 'string' ? credentials.password : '';
	if (!username || !password) throw missing('a username and a password for Basic authentication');
	// RFC 7617: the user-id cannot carry a colon, the gateway would split it wrongly.
	if (username.includes(':')) {
		throw new SmsGatewayError(smsError('auth_failed', 'A1: the username for Basic authentication must not contain ":"'));
	}
	return { type, username, password };
}

/** The Authorization header value; the only place a secret goes. */
export function authorizationHeader(auth: A1Auth): string {
	if (auth.type === 'bearer') return `Bearer ${auth.token}`;
	return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
}

/** What must never be shown: the secret itself and the header value built from it. */
export function authSecrets(auth: A1Auth): string[] {
	const header = authorizationHeader(auth);
	const encoded = header.slice(header.indexOf(' ') + 1);
	return auth.type === 'bearer' ? [auth.token] : [auth.password, encoded];
}

function textField(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

function missing(what: string): SmsGatewayError {
	return new SmsGatewayError(smsError('auth_failed', `A1: the credential needs ${what}`));
}
