import { SmsGatewayError } from '../errors/SmsError';
import type { HttpResponse } from './http';

const MASK = '***';

/**
 * Every spelling a secret takes on the wire: as typed, form- and URL-encoded, JSON- and
 * XML-escaped. A gateway or proxy that echoes the request echoes one of these, not the raw value.
 */
function spellingsOf(secret: string): string[] {
	const xmlEscaped = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
	const spellings = [secret, new URLSearchParams({ s: secret }).toString().slice(2), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), xmlEscaped];
	// Longest first, so a spelling that contains another is masked whole.
	return [...new Set(spellings)].sort((a, b) => b.length - a.length);
}

/** Masks every secret in a text meant for people (error messages, gateway reasons). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let redacted = text;
	for (const secret of secrets) {
		if (!secret) continue;
		for (const spelling of spellingsOf(secret)) redacted = redacted.split(spelling).join(MASK);
	}
	return redacted;
}

/** The same error with its message and gateway text masked; anything else is returned as it is. */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
	if (!(error instanceof SmsGatewayError)) return error;
	const { message, gatewayMessage } = error.error;
	return new SmsGatewayError({
		...error.error,
		message: redactSecrets(message, secrets),
		...(gatewayMessage === undefined ? {} : { gatewayMessage: redactSecrets(gatewayMessage, secrets) }),
	});
}

/**
 * The answer with every secret masked in its body. Applied as soon as an answer arrives: error
 * messages show only an excerpt of the body, and an excerpt can cut a secret so that masking it
 * later would miss the part that is left.
 */
export function redactResponse(response: HttpResponse, secrets: readonly string[]): HttpResponse {
	return { ...response, body: redactSecrets(response.body, secrets) };
}
