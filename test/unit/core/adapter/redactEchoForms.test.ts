/**
 * Secrets in every spelling an echoing proxy, web framework or debugging page produces: masked
 * in the redactor itself (secrets with every awkward character) and in what the node outputs
 * when each gateway echoes its account's secret back in such a spelling.
 */
import type { IDataObject } from 'n8n-workflow';
import { SecretRedactor } from '../../../../nodes/core/adapter/redactSecrets';
import { runNode } from '../../../harness/runNode';
import { credentialsFor, secretsOf, startEmulators, type Emulator } from '../../../harness/emulators';
import { GATEWAY_CASES } from '../../../harness/gatewayCases';

const byte = (encode: (code: number) => string) => (text: string) => [...Buffer.from(text, 'utf8')].map(encode).join('');
const everyCharacter = (encode: (code: number) => string) => (text: string) => [...text].map((c) => encode(c.codePointAt(0) as number)).join('');

/** Each echo form the issue lists, applied to a secret. */
export const ECHO_FORMS: Array<[string, (secret: string) => string]> = [
	['as typed', (s) => s],
	['upper-case percent-encoding', (s) => encodeURIComponent(s)],
	['lower-case percent-encoding', (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
	['every byte percent-encoded, lower case', byte((b) => `%${b.toString(16).padStart(2, '0')}`)],
	['form encoding (+ for space)', (s) => new URLSearchParams({ s }).toString().slice(2)],
	['base64 of the bare secret', (s) => Buffer.from(s).toString('base64')],
	['base64 without padding', (s) => Buffer.from(s).toString('base64').replace(/=+$/, '')],
	['base64url', (s) => Buffer.from(s).toString('base64url')],
	['HTML named entities', (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')],
	['HTML decimal entities for specials', (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)],
	['HTML hex entities for specials', (s) => s.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)],
	['HTML decimal entities for every character', everyCharacter((c) => `&#${c};`)],
	['HTML upper-case hex entities for every character', everyCharacter((c) => `&#X${c.toString(16).toUpperCase()};`)],
	['JSON string', (s) => JSON.stringify(s).slice(1, -1)],
	['JSON with \\u escapes', (s) => [...Array(s.length).keys()].map((i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')],
	['JSON inside JSON', (s) => JSON.stringify(JSON.stringify(s)).slice(1, -1)],
	['JSON inside JSON inside JSON', (s) => JSON.stringify(JSON.stringify(JSON.stringify(s))).slice(1, -1)],
];

describe('the redactor masks every echo form', () => {
	const secrets = ["p@ss'wörd/+=\"x <&> \\ end", 'plain-token-123', 'ключ-🔑'];
	test.each(ECHO_FORMS.flatMap(([form, encode]) => secrets.map((secret): [string, string, string] => [form, secret, encode(secret)])))('%s of %p', (_, secret, echoed) => {
		const redactor = new SecretRedactor([secret]);
		const masked = redactor.redact(`<p>You sent: ${echoed}</p> and again "${echoed}".`);
		expect(masked).not.toContain(echoed);
		expect(masked).toMatch(/^<p>You sent: \W*\*\*\*\W*<\/p> and again "\W*\*\*\*\W*"\.$/);
	});

	test('text without a secret is left alone, and the pattern is built once', () => {
		const redactor = new SecretRedactor(['s3cr3t']);
		expect(redactor.redact('nothing to hide: s3cr 3t, c2VjcmV')).toBe('nothing to hide: s3cr 3t, c2VjcmV');
		expect(redactor.redact('s3cr3t')).toBe('***');
	});
});

describe('the node never shows an echoed secret', () => {
	let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
	beforeAll(async () => {
		env = await startEmulators();
	});
	afterAll(async () => {
		await env.close();
	});

	test.each(GATEWAY_CASES.flatMap((gateway) => ECHO_FORMS.map(([form, encode]): [string, string, (s: string) => string] => [gateway.id, form, encode])))(
		'%s echoing %s',
		async (id, _, encode) => {
			const emulator = env.emulators[id];
			emulator.reset();
			// The secrets the node holds (an A1 bearer credential has no password to leak).
			const credentialValues = JSON.stringify(credentialsFor(emulator));
			const secrets = secretsOf(emulator).filter((secret) => credentialValues.includes(secret));
			expect(secrets.length).toBeGreaterThan(0);
			const echo = secrets.map((s) => `secret=${encode(s)}`).join('; ');
			emulator.faults.inject({ kind: 'http', status: 400, body: `{"message":"bad request: ${echo.replace(/"/g, '\\"')}","error":"${echo.replace(/"/g, '\\"')}"}`, contentType: 'application/json', times: 3 });
			const sender = GATEWAY_CASES.find((g) => g.id === id)!.sender;
			const output = await runNode({
				parameters: { gateway: id, operation: 'send', to: '+375291000001', text: 'Hi', sender },
				credentials: credentialsFor(emulator),
				continueOnFail: true,
			});
			const shown = JSON.stringify(output);
			expect((output[0].json.error as IDataObject | undefined)?.code).toBeDefined();
			for (const secret of secrets) {
				expect(shown).not.toContain(encode(secret));
				expect(shown).not.toContain(secret);
			}
		},
	);
});
