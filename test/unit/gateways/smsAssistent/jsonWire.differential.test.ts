/**
 * The JSON package (`sms_send`) is written out as text rather than built as objects and
 * stringified; this proves the text is exactly what JSON.stringify of the documented package
 * gives, over 20,000 generated packages: shared and own texts, senders and validities, texts with
 * quotes, backslashes, controls, Cyrillic and emoji, both spellings of the recipient field, with
 * and without date_send, webhook_url and a token.
 */
import { jsonWire } from '../../../../nodes/gateways/smsAssistent/jsonWire';
import { validityHours, type PackageMessage, type SendPackage, type SmsAssistentAuth } from '../../../../nodes/gateways/smsAssistent/smsAssistentPackage';
import { seededRandom } from '../../../harness/generate/phoneInputs';

type Fields = Partial<Omit<PackageMessage, 'recipient'>>;

/** The package as objects, stringified: the plain form the written-out text must equal. */
function reference(auth: SmsAssistentAuth, { dateSend, webhookUrl, messages, recipientField }: SendPackage & { recipientField: string }): string {
	const shared: Fields = {};
	for (const key of ['text', 'sender', 'validityMinutes'] as const) {
		const value = messages[0]?.[key];
		if (value !== undefined && messages.every((m) => m[key] === value)) (shared as Record<string, unknown>)[key] = value;
	}
	const fields = (f: Fields) => ({
		...(f.sender !== undefined ? { sender: f.sender } : {}),
		...(f.validityMinutes !== undefined ? { validity_period: validityHours(f.validityMinutes) } : {}),
		...(f.text !== undefined ? { sms_text: f.text } : {}),
	});
	const msg = messages.map((m) => ({
		[recipientField]: m.recipient,
		...fields({ sender: shared.sender === undefined ? m.sender : undefined, validityMinutes: shared.validityMinutes === undefined ? m.validityMinutes : undefined, text: shared.text === undefined ? m.text : undefined }),
	}));
	const defaults = fields(shared);
	const message = Object.keys(defaults).length > 0 ? { msg, default: defaults } : { msg };
	const authFields = 'password' in auth ? { login: auth.login, password: auth.password } : { login: auth.login };
	return JSON.stringify({ ...authFields, command: 'sms_send', ...(dateSend ? { date_send: dateSend } : {}), ...(webhookUrl ? { webhook_url: webhookUrl } : {}), message });
}

const TEXTS = ['Your order is ready', 'Заказ №5 готов', 'He said "hi" \\ bye', 'line\nbreak\ttab\u0001', '🎉 emoji', ''];
const SENDERS = ['MyShop', 'Shop "2"', undefined];
const VALIDITIES = [undefined, 1, 59, 61, 600, 2880, 5000];

test('the written-out package equals JSON.stringify of the package, over 20,000 generated packages', () => {
	for (let seed = 1; seed <= 20_000; seed++) {
		const random = seededRandom(seed);
		const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
		// Often one value for the whole package (it goes to `default`), sometimes one per message.
		const sharedText = random() < 0.6 ? pick(TEXTS) : undefined;
		const sharedSender = random() < 0.6 ? pick(SENDERS) : null;
		const messages: PackageMessage[] = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => ({
			recipient: `37529${1_000_000 + i}`,
			text: sharedText ?? pick(TEXTS),
			sender: sharedSender === null ? pick(SENDERS) : sharedSender,
			validityMinutes: random() < 0.5 ? VALIDITIES[seed % VALIDITIES.length] : pick(VALIDITIES),
		}));
		const auth: SmsAssistentAuth = random() < 0.5 ? { login: 'shop "one"', password: 'p\\ss' } : { login: 'shop', token: 't' };
		const sendPackage = {
			messages,
			recipientField: pick(['recipient', 'recepient'] as const),
			dateSend: random() < 0.3 ? '202612021530' : undefined,
			webhookUrl: random() < 0.3 ? 'https://example.com/hook?a=1&b="2"' : undefined,
		};
		expect(jsonWire.buildSend(auth, sendPackage)).toBe(reference(auth, sendPackage));
	}
});
