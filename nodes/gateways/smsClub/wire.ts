import type { Balance } from '../../core/adapter/GatewayAdapter';

/** SMSClub's JSON API (https://smsclub.mobi/en/api): every call is a POST under the base URL. */
export const SMSCLUB_PATHS = {
	send: '/sms/send',
	status: '/sms/status',
	balance: '/sms/balance',
	senders: '/sms/originator',
} as const;

export interface SmsClubSendBody {
	/** Digits without '+', at most 100. */
	phone: string[];
	message: string;
	src_addr: string;
	/** Minutes the network keeps trying ([seen] in public clients; the unit is a [guess]). */
	lifetime?: number;
}

export interface SmsClubSendAnswer {
	/** Phone digits → message id. */
	accepted: Map<string, string>;
	/** Phone digits → the gateway's reason, for recipients the gateway did not take. */
	refused: Map<string, string>;
}

/** The `info` (and `add_info`) of a documented `{success_request: {...}}` answer; undefined otherwise. */
function readSuccess(body: string): { info: unknown; addInfo: unknown } | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return undefined;
	}
	if (!isObject(parsed) || !isObject(parsed.success_request)) return undefined;
	return { info: parsed.success_request.info, addInfo: parsed.success_request.add_info };
}

/**
 * `info: {"<id>": "<phone>"}, add_info?: {"<phone>": "<reason>"}`. Phones are keyed by their
 * digits; `phonesSent` lets an echo in another form (national, with '+') still be matched.
 */
export function parseSendAnswer(body: string, phonesSent: readonly string[]): SmsClubSendAnswer | undefined {
	const success = readSuccess(body);
	if (!success) return undefined;
	const { info, addInfo } = success;
	// An empty `info` comes back as [] from PHP when every recipient was refused.
	if (!isObject(info) && !(Array.isArray(info) && info.length === 0)) return undefined;
	if (addInfo !== undefined && addInfo !== null && !isObject(addInfo) && !Array.isArray(addInfo)) return undefined;
	const accepted = new Map<string, string>();
	for (const [id, phone] of Object.entries(isObject(info) ? info : {})) {
		if (!isScalar(phone)) return undefined;
		accepted.set(matchPhone(String(phone), phonesSent), id);
	}
	const refused = new Map<string, string>();
	for (const [phone, reason] of Object.entries(isObject(addInfo) ? addInfo : {})) {
		refused.set(matchPhone(phone, phonesSent), isScalar(reason) ? String(reason) : JSON.stringify(reason));
	}
	return { accepted, refused };
}

/** `info: {"<id>": "<status word>"}`; ids the gateway does not know are simply absent. */
export function parseStatusAnswer(body: string): Map<string, string> | undefined {
	const success = readSuccess(body);
	if (!success) return undefined;
	if (Array.isArray(success.info) && success.info.length === 0) return new Map();
	if (!isObject(success.info)) return undefined;
	const statuses = new Map<string, string>();
	for (const [id, word] of Object.entries(success.info)) {
		if (!isScalar(word)) return undefined;
		statuses.set(id, String(word));
	}
	return statuses;
}

/** `info: {money: "8111.1700", currency: "UAH"}`. */
export function parseBalanceAnswer(body: string): Balance | undefined {
	const info = readSuccess(body)?.info;
	if (!isObject(info) || !isScalar(info.money)) return undefined;
	const amount = Number(String(info.money).replace(',', '.'));
	if (!Number.isFinite(amount)) return undefined;
	// The documented answer always names the currency; an SMSClub account without one is in hryvnias.
	const unit = typeof info.currency === 'string' && info.currency.trim() !== '' ? info.currency.trim() : 'UAH';
	return { amount, unit };
}

/** `info: ["name", ...]`. */
export function parseSendersAnswer(body: string): string[] | undefined {
	const info = readSuccess(body)?.info;
	if (!Array.isArray(info) || !info.every((name) => typeof name === 'string')) return undefined;
	return info as string[];
}

/**
 * The reason in an error answer. The documents give only status codes, so any of the usual
 * shapes is read: `{error_request: {info}}` [guess], `{message}`, `{error}`, or a short plain text.
 */
export function readErrorReason(body: string): string | undefined {
	const text = body.trim();
	if (text === '') return undefined;
	try {
		const parsed: unknown = JSON.parse(text);
		const found = findReason(parsed);
		if (found !== undefined) return found;
	} catch {
		if (!text.startsWith('<') && text.length <= 300) return text;
	}
	return undefined;
}

function findReason(value: unknown): string | undefined {
	if (isScalar(value)) return String(value);
	if (!isObject(value)) return undefined;
	for (const key of ['error_request', 'info', 'message', 'error', 'errors']) {
		const found = findReason(value[key]);
		if (found !== undefined) return found;
	}
	return undefined;
}

export function phoneDigits(phone: string): string {
	return phone.replace(/\D/g, '');
}

/** The sent phone an echoed phone stands for: same digits, or the same last nine (a national echo). */
function matchPhone(echoed: string, phonesSent: readonly string[]): string {
	const digits = phoneDigits(echoed);
	if (phonesSent.includes(digits)) return digits;
	if (digits.length >= 9) {
		const tail = digits.slice(-9);
		const candidates = phonesSent.filter((sent) => sent.endsWith(tail));
		if (candidates.length === 1) return candidates[0];
	}
	return digits;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number {
	return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}
