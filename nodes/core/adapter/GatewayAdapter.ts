import type { RetryPolicy, Sleep } from './retry';
import type { NormalizedStatus } from '../status/SmsStatus';
import type { SmsError } from '../errors/SmsError';
import type { AccountLimiterStore } from '../state/accountLimiters';
import type { SessionStore } from '../state/sessionStore';

/** One message to one recipient, already validated and normalized by the core. */
export interface OutgoingSms {
	/** The caller's key for this recipient (e.g. input item index); echoed in the result. */
	ref: number;
	/** E.164 with the plus, e.g. +375296717259. Adapters format it as their API wants. */
	to: string;
	text: string;
	sender?: string;
	/** When to send; undefined = now. */
	sendAt?: Date;
	/** How long the network keeps trying, in minutes. */
	validityMinutes?: number;
	/** Where the gateway posts this message's delivery reports, for a gateway that takes one per send. */
	reportUrl?: string;
	/** Parts of the text as prepareMessage counted them; adapters use it instead of analyzing the text again. */
	parts?: number;
}

export interface SendResult {
	ref: number;
	to: string;
	/** Set when the gateway accepted the message. */
	messageId?: string;
	/** One id per part where the gateway gives them (Devino). */
	partIds?: string[];
	parts?: number;
	status: NormalizedStatus;
	error?: SmsError;
}

/** Takes one message's result; `position` is the message's index in the batch. Must not throw. */
export type AnswerSink = (result: SendResult, position: number) => void;

export interface StatusResult {
	messageId: string;
	partIds?: string[];
	parts?: number;
	status: NormalizedStatus;
	error?: SmsError;
}

export interface Balance {
	amount: number;
	/** Currency code (UAH, BYN, RUB) or 'credits' where the gateway counts in credits. */
	unit: string;
}

export interface GatewayLimits {
	/** Recipients one send request may carry. */
	maxRecipientsPerRequest: number;
	/** Status ids one request may carry. */
	maxStatusIdsPerRequest: number;
	/** Documented or advised request rate; undefined = none known. */
	maxRequestsPerSecond?: number;
	/** Requests in flight at once. */
	concurrency: number;
	/** Earliest schedule allowed, in minutes from now; undefined = scheduling not offered. */
	minScheduleLeadMinutes?: number;
	maxValidityMinutes?: number;
	/** The API takes a validity period at all. */
	offersValidity: boolean;
	/** Shortest number the API takes, in E.164 digits with the country code; undefined = any valid number. */
	minRecipientDigits?: number;
	supportsSenderList: boolean;
	/** The API refuses a message without a sender name (so the node can say so before sending). */
	requiresSender?: boolean;
}

/**
 * What every gateway adapter offers. Adapters speak the core's terms (E.164 in, normalized
 * statuses and errors out) and hide everything about their wire format, auth and chunking.
 * send() and getStatuses() never throw once they have started talking to the gateway: a failed
 * request marks each of its recipients (or ids) with the error, so a batch whose third chunk fails
 * still reports the first two as sent. getBalance() and listSenders() throw SmsGatewayError.
 */
export interface GatewayAdapter {
	/** The registry id of its gateway. */
	readonly id: string;
	readonly label: string;
	readonly limits: GatewayLimits;
	/** Exactly one result per input message, in input order. */
	send(messages: OutgoingSms[]): Promise<SendResult[]>;
	/**
	 * The same requests as send(), with each message's result handed to `answered` as soon as its
	 * request is done: exactly once per message, in no set order, with the message's position in
	 * `messages`. Nothing is kept, so a caller that turns results into output as they come never
	 * holds a whole batch of them (100,000 results at once) in memory.
	 */
	sendEach(messages: readonly OutgoingSms[], answered: AnswerSink): Promise<void>;
	/** Exactly one result per input id, in input order. */
	getStatuses(messageIds: string[]): Promise<StatusResult[]>;
	getBalance(): Promise<Balance>;
	/** Throws SmsGatewayError with code bad_request ("not offered by …") where the API has none. */
	listSenders(): Promise<string[]>;
}

export interface GatewayOptions {
	retryPolicy?: RetryPolicy;
	sleep?: Sleep;
	/** Per-request timeout. */
	timeoutMs?: number;
	/** Injected clock, for schedule checks in tests. */
	now?: () => Date;
	/** Where per-account rate limits and in-flight bounds are kept; default: shared by the whole process. */
	limiters?: AccountLimiterStore;
	/** Where login sessions (Devino) are kept; default: shared by the whole process. */
	sessions?: SessionStore;
}
