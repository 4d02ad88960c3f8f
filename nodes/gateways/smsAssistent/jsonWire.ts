import type { SmsAssistentWire } from './wire';
import {
	sharedDefaults,
	toInteger,
	UnexpectedAnswerError,
	validityHours,
	type PackageMessage,
	type SentMessageAnswer,
	type SmsAssistentAuth,
	type StatusAnswer,
	type WireAnswer,
} from './smsAssistentPackage';

type JsonObject = Record<string, unknown>;

/** `POST {base}/json` (SMS-assistent's API description, section 4). */
export const jsonWire: SmsAssistentWire = {
	path: '/json',
	contentType: 'application/json; charset=utf-8',

	buildSend(auth, { dateSend, webhookUrl, messages, recipientField }) {
		const shared = sharedDefaults(messages);
		const head = JSON.stringify({ ...authFields(auth), command: 'sms_send', ...(dateSend ? { date_send: dateSend } : {}), ...(webhookUrl ? { webhook_url: webhookUrl } : {}) });
		const defaults = jsonFields(shared);
		const defaultJson = Object.keys(defaults).length > 0 ? `,"default":${JSON.stringify(defaults)}` : '';
		const recipientKey = JSON.stringify(recipientField);
		const msg = messages.map((m) => msgJson(recipientKey, m, shared)).join(',');
		// `head` is an object with the login at least: its closing brace makes room for the package.
		return `${head.slice(0, -1)},"message":{"msg":[${msg}]${defaultJson}}}`;
	},

	parseSend(body) {
		return parseItems(body, 'message', (item): SentMessageAnswer => {
			const smsId = toInteger(item.sms_id);
			const errorCode = toInteger(item.error_code) ?? (smsId !== undefined && smsId > 0 ? 0 : undefined);
			if (smsId === undefined || errorCode === undefined) throw new UnexpectedAnswerError('a message without sms_id or error_code');
			return { smsId: String(smsId), parts: toInteger(item.sms_count), errorCode };
		});
	},

	buildStatuses(auth, messageIds) {
		return JSON.stringify({ ...authFields(auth), command: 'statuses', status: { msg: messageIds.map((id) => ({ sms_id: id })) } });
	},

	parseStatuses(body) {
		return parseItems(body, 'status', (item): StatusAnswer => {
			if (item.sms_id === undefined || item.sms_id === null) throw new UnexpectedAnswerError('a status without sms_id');
			// The document's example says `sms_status`, its field list says `status`.
			const status = item.sms_status ?? item.status;
			const errorCode = toInteger(item.error_code);
			return {
				smsId: String(item.sms_id),
				parts: toInteger(item.sms_count),
				status: typeof status === 'string' ? status : undefined,
				errorCode: errorCode !== undefined && errorCode !== 0 ? errorCode : undefined,
			};
		});
	},
};

/** `command: "get_senders"`, offered by the JSON API only. */
export function buildGetSenders(auth: SmsAssistentAuth): string {
	return JSON.stringify({ ...authFields(auth), command: 'get_senders' });
}

export function parseSenders(body: string): WireAnswer<string> {
	const answer = parseObject(body);
	const error = wholeRequestError(answer);
	if (error) return error;
	if (!Array.isArray(answer.senders)) throw new UnexpectedAnswerError('no senders list');
	const names = answer.senders.map((s) => (typeof s === 'string' ? s : (s as JsonObject | null)?.name));
	if (!names.every((n): n is string => typeof n === 'string')) throw new UnexpectedAnswerError('a sender that is not a name');
	return { kind: 'items', items: names };
}

/** The password goes in the body; with a token only the login does (the token is a header). */
function authFields(auth: SmsAssistentAuth): JsonObject {
	return 'password' in auth ? { login: auth.login, password: auth.password } : { login: auth.login };
}

/**
 * One `msg` entry as JSON text: the recipient, then what it does not share with `default` (in the
 * order jsonFields writes them). Written out rather than built as objects to stringify: a package
 * of 1,000 would make 3,000 objects, and V8 may allocate objects from such a busy site straight
 * into its old generation, where a batch of 100,000 leaves them until the next full collection.
 */
function msgJson(recipientKey: string, m: PackageMessage, shared: Partial<Omit<PackageMessage, 'recipient'>>): string {
	let json = `{${recipientKey}:${JSON.stringify(m.recipient)}`;
	if (shared.sender === undefined && m.sender !== undefined) json += `,"sender":${JSON.stringify(m.sender)}`;
	if (shared.validityMinutes === undefined && m.validityMinutes !== undefined) json += `,"validity_period":${validityHours(m.validityMinutes)}`;
	if (shared.text === undefined && m.text !== undefined) json += `,"sms_text":${JSON.stringify(m.text)}`;
	return `${json}}`;
}

function jsonFields(fields: Partial<Omit<PackageMessage, 'recipient'>>): JsonObject {
	const out: JsonObject = {};
	if (fields.sender !== undefined) out.sender = fields.sender;
	if (fields.validityMinutes !== undefined) out.validity_period = validityHours(fields.validityMinutes);
	if (fields.text !== undefined) out.sms_text = fields.text;
	return out;
}

function parseObject(body: string): JsonObject {
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch {
		throw new UnexpectedAnswerError('not JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UnexpectedAnswerError('not a JSON object');
	return value as JsonObject;
}

function wholeRequestError(answer: JsonObject): WireAnswer<never> | undefined {
	if (!('error' in answer)) return undefined;
	const code = toInteger(answer.error);
	if (code === undefined) throw new UnexpectedAnswerError('an error that is not a number');
	return { kind: 'error', code };
}

function parseItems<T>(body: string, key: 'message' | 'status', read: (item: JsonObject) => T): WireAnswer<T> {
	const answer = parseObject(body);
	const error = wholeRequestError(answer);
	if (error) return error;
	const list = (answer[key] as JsonObject | undefined)?.msg;
	if (!Array.isArray(list)) throw new UnexpectedAnswerError(`no ${key}.msg list`);
	return {
		kind: 'items',
		items: list.map((item) => {
			if (typeof item !== 'object' || item === null) throw new UnexpectedAnswerError('an item that is not an object');
			return read(item as JsonObject);
		}),
	};
}
