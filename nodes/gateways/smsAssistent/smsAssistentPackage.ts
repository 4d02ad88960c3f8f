/** The wire-neutral shape of one SMS-assistent request; jsonWire.ts and xmlWire.ts serialize it. */

export type SmsAssistentAuth = { login: string; password: string } | { login: string; token: string };

/** The request field for the number: SMS-assistent's API description spells it `recipient`, the vendor's own client libraries `recepient`. */
export type RecipientField = 'recipient' | 'recepient';

export interface PackageMessage {
	/** Digits with the country code, no plus. */
	recipient: string;
	text: string;
	sender?: string;
	validityMinutes?: number;
}

/** One `sms_send` package: every message in it shares the one optional `date_send`. */
export interface SendPackage {
	dateSend?: string;
	/**
	 * Where the gateway posts delivery reports (`webhook_url`). The PLAIN API documents it per
	 * send; for the JSON and XML packages its place is a guess: beside `date_send`, which also
	 * belongs to the whole package.
	 */
	webhookUrl?: string;
	messages: PackageMessage[];
	recipientField: RecipientField;
}

/** The gateway's answer for one message of a package, in request order. */
export interface SentMessageAnswer {
	smsId: string;
	parts?: number;
	/** 0 = accepted. */
	errorCode: number;
}

export interface StatusAnswer {
	smsId: string;
	parts?: number;
	status?: string;
	/** Set (negative) when the gateway refused this id. */
	errorCode?: number;
}

/** A whole-request refusal (`{"error": -N}` / `<error>-N</error>`) or the per-item answers. */
export type WireAnswer<T> = { kind: 'error'; code: number } | { kind: 'items'; items: T[] };

/** The answer has neither documented shape. */
export class UnexpectedAnswerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnexpectedAnswerError';
	}
}

/**
 * Fields every message shares go once into `default`, so a package of 1000 recipients of one
 * text carries the text once.
 */
export function sharedDefaults(messages: readonly PackageMessage[]): Partial<Omit<PackageMessage, 'recipient'>> {
	const shared: Partial<Omit<PackageMessage, 'recipient'>> = {};
	const first = messages[0];
	if (!first) return shared;
	for (const key of ['text', 'sender', 'validityMinutes'] as const) {
		const value = first[key];
		if (value !== undefined && messages.every((m) => m[key] === value)) {
			(shared as Record<string, unknown>)[key] = value;
		}
	}
	return shared;
}

/** What one message must carry itself: its fields that are not in `default`. */
export function ownFields(message: PackageMessage, shared: Partial<Omit<PackageMessage, 'recipient'>>): Partial<Omit<PackageMessage, 'recipient'>> {
	return {
		sender: shared.sender === undefined ? message.sender : undefined,
		validityMinutes: shared.validityMinutes === undefined ? message.validityMinutes : undefined,
		text: shared.text === undefined ? message.text : undefined,
	};
}

/** The API takes validity in hours in JSON (at most 48) and in seconds in XML (at most 172800). */
export const MAX_VALIDITY_MINUTES = 48 * 60;

export function validityHours(minutes: number): number {
	return Math.min(48, Math.max(1, Math.ceil(minutes / 60)));
}

export function validitySeconds(minutes: number): number {
	return Math.min(MAX_VALIDITY_MINUTES * 60, Math.max(60, Math.round(minutes * 60)));
}

/** Integers only: codes and ids are whole numbers, anything else is not the documented answer. */
export function toInteger(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
	return undefined;
}
