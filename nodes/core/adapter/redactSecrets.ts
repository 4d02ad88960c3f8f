import { SmsGatewayError } from '../errors/SmsError';
import type { HttpResponse } from './http';

const MASK = '***';

/**
 * Masks secrets in everything a gateway or a proxy in front of it may echo back. A secret is
 * echoed in whatever spelling the echoing software uses, so each character of it is matched in
 * every spelling it can have, in any mix:
 * - as typed; `+` for a space (HTML forms);
 * - percent-encoded UTF-8, upper or lower case (%2F, %2f);
 * - HTML/XML entities: named (&amp; &quot; &apos; &lt; &gt;), decimal (&#39;) and hex (&#x27;);
 * - JSON escapes (\" \\ \/ \u0027), also escaped again when JSON is quoted inside JSON (\\\" \\u0027);
 * and the whole secret as base64 (standard or URL-safe, with or without padding), which is how a
 * Basic Authorization header or a debugging page shows it.
 * The pattern is built once per set of secrets (once per gateway instance), not per answer.
 */
export class SecretRedactor {
	private readonly secrets = new Set<string>();
	private pattern?: RegExp;

	constructor(secrets: readonly string[] = []) {
		for (const secret of secrets) this.add(secret);
	}

	/** Adds a secret learnt later (a Devino session id); blank ones are ignored. */
	add(secret: string): void {
		if (!secret || this.secrets.has(secret)) return;
		this.secrets.add(secret);
		this.pattern = undefined;
	}

	redact(text: string): string {
		if (this.secrets.size === 0 || text === '') return text;
		this.pattern ??= buildPattern([...this.secrets]);
		return text.replace(this.pattern, MASK);
	}

	/** The answer with every secret masked in its body (before any excerpt can cut a secret in two). */
	response(response: HttpResponse): HttpResponse {
		return { ...response, body: this.redact(response.body) };
	}

	/** The same error with its message and gateway text masked; anything else is returned as it is. */
	error(error: unknown): unknown {
		if (!(error instanceof SmsGatewayError)) return error;
		const { message, gatewayMessage } = error.error;
		return new SmsGatewayError({
			...error.error,
			message: this.redact(message),
			...(gatewayMessage === undefined ? {} : { gatewayMessage: this.redact(gatewayMessage) }),
		});
	}
}

/** Masks every secret in a text meant for people (error messages, gateway reasons). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	return new SecretRedactor(secrets).redact(text);
}

const NAMED_ENTITIES: Record<string, string> = { '&': 'amp', '"': 'quot', "'": 'apos', '<': 'lt', '>': 'gt' };

function buildPattern(secrets: string[]): RegExp {
	// Longest first, so a secret that contains another is masked whole.
	const sorted = [...secrets].sort((a, b) => b.length - a.length);
	const alternatives = sorted.flatMap((secret) => [...base64Spellings(secret).map(escapeRegExp), [...secret].map(characterPattern).join('')]);
	return new RegExp(alternatives.join('|'), 'g');
}

function characterPattern(character: string): string {
	const code = character.codePointAt(0) as number;
	const spellings = [escapeRegExp(character), percentEncoded(character), `&#0*${code};`, `&#[xX]0*${hexPattern(code)};`];
	if (character === ' ') spellings.push('\\+');
	const named = NAMED_ENTITIES[character];
	if (named) spellings.push(`&${named};`);
	// A JSON escape, possibly escaped again (any number of backslashes before it).
	if (character === '"' || character === '/') spellings.push(`\\\\+${escapeRegExp(character)}`);
	if (character === '\\') spellings.push('\\\\+');
	if (code <= 0xffff) spellings.push(`\\\\+u${hexPattern(code, 4)}`);
	else {
		const high = 0xd800 + ((code - 0x10000) >> 10);
		const low = 0xdc00 + ((code - 0x10000) & 0x3ff);
		spellings.push(`\\\\+u${hexPattern(high, 4)}\\\\+u${hexPattern(low, 4)}`);
	}
	return `(?:${spellings.join('|')})`;
}

/** %E2%80%99 in either case, byte by byte. */
function percentEncoded(character: string): string {
	return [...Buffer.from(character, 'utf8')].map((byte) => `%${hexPattern(byte, 2)}`).join('');
}

/** A hexadecimal number matching either letter case, optionally zero-padded to `width`. */
function hexPattern(value: number, width = 1): string {
	return [...value.toString(16).padStart(width, '0')].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join('');
}

function base64Spellings(secret: string): string[] {
	const standard = Buffer.from(secret, 'utf8').toString('base64');
	const unpadded = standard.replace(/=+$/, '');
	const urlSafe = unpadded.replace(/\+/g, '-').replace(/\//g, '_');
	// Very short secrets would give base64 strings that occur by chance in ordinary text.
	return unpadded.length >= 4 ? [...new Set([standard, unpadded, urlSafe])].sort((a, b) => b.length - a.length) : [];
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** For callers that hold a secret list rather than a redactor. */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
	return new SecretRedactor(secrets).error(error);
}

/** For callers that hold a secret list rather than a redactor. */
export function redactResponse(response: HttpResponse, secrets: readonly string[]): HttpResponse {
	return new SecretRedactor(secrets).response(response);
}
