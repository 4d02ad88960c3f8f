import { SmsGatewayError, type SmsError } from '../../core/errors/SmsError';
import { errorFromTable, smsError } from '../../core/errors/errorTable';
import { SMS_ASSISTENT_ERRORS } from './errors';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../core/adapter/http';
import { normalizeStatus, statusOf } from '../../core/status/normalizeStatus';
import { SMS_ASSISTENT_STATUSES } from './statuses';
import { partsOf } from '../../core/adapter/messageParts';
import { failedSendResult } from '../../core/adapter/answerErrors';
import { toSmsError } from '../../core/errors/toSmsError';
import { chunk, mapWithConcurrency } from '../../core/adapter/concurrency';
import { collectResults } from '../../core/adapter/collectResults';
import { RequestPipeline } from '../../core/adapter/requestPipeline';
import type { AnswerSink, Balance, GatewayOptions, OutgoingSms, SendResult, GatewayAdapter, StatusResult } from '../../core/adapter/GatewayAdapter';
import { SMS_ASSISTENT_LABEL, unexpectedAnswer } from './httpAnswer';
import { buildGetSenders, jsonWire, parseSenders } from './jsonWire';
import { formatDateSend } from './minskTime';
import { toInteger, UnexpectedAnswerError, type RecipientField, type SmsAssistentAuth, type WireAnswer } from './smsAssistentPackage';
import { MIN_SCHEDULE_LEAD_MINUTES, SMS_ASSISTENT_LIMITS } from './limits';
import type { SmsAssistentWire } from './wire';
import { xmlWire } from './xmlWire';
import { e164Digits } from '../../core/phone/e164';

export const SMS_ASSISTENT_DEFAULT_BASE_URL = 'https://userarea.sms-assistent.by/api/v1';
/** Header of API v1.2 that replaces the password. */
export const SMS_ASSISTENT_TOKEN_HEADER = 'requestAuthToken';


export interface SmsAssistentConfig {
	baseUrl: string;
	auth: SmsAssistentAuth;
	apiFormat: 'json' | 'xml';
	/** `recipient` as the API description documents it, unless an account needs the vendor's `recepient`. */
	recipientField?: RecipientField;
}

/** A chunk of one send: input indexes that share a `date_send` and a `webhook_url` (both belong to the whole package). */
interface SendChunk {
	dateSend?: string;
	webhookUrl?: string;
	indexes: number[];
}

export class SmsAssistentAdapter implements GatewayAdapter {
	readonly id = 'smsAssistent' as const;
	readonly label = SMS_ASSISTENT_LABEL;
	readonly limits = SMS_ASSISTENT_LIMITS;

	private readonly wire: SmsAssistentWire;
	private readonly pipeline: RequestPipeline;

	constructor(
		private readonly config: SmsAssistentConfig,
		transport: HttpTransport,
		options: GatewayOptions = {},
	) {
		this.wire = config.apiFormat === 'xml' ? xmlWire : jsonWire;
		// The API answers 200 with its own codes; the pipeline's default reads any other status.
		this.pipeline = new RequestPipeline({
			name: SMS_ASSISTENT_LABEL,
			transport,
			options,
			account: { gateway: 'smsAssistent', baseUrl: config.baseUrl, identity: config.auth.login },
			maxRequestsPerSecond: SMS_ASSISTENT_LIMITS.maxRequestsPerSecond,
			maxInFlight: SMS_ASSISTENT_LIMITS.concurrency,
			secrets: () => [secretOf(config.auth)],
		});
	}

	send(messages: OutgoingSms[]): Promise<SendResult[]> {
		return collectResults(this, messages);
	}

	async sendEach(messages: readonly OutgoingSms[], answered: AnswerSink): Promise<void> {
		// Per package (send time and report URL belong to the whole package), its requests of at most
		// maxRecipientsPerRequest, filled as the messages are read: no list of 100,000 indexes to split.
		const byPackage = new Map<string, SendChunk[]>();
		// Not a second check of the user's input (the core did that): time passed since, and one
		// date_send that became too early would make the gateway refuse the whole package (-15).
		const earliest = this.pipeline.now().getTime() + MIN_SCHEDULE_LEAD_MINUTES * 60_000;
		messages.forEach((message, index) => {
			let dateSend: string | undefined;
			if (message.sendAt) {
				dateSend = formatDateSend(message.sendAt);
				if (message.sendAt.getTime() < earliest) {
					answered(failedSendResult(message, smsError('invalid_schedule', `${this.label} needs the send time at least ${MIN_SCHEDULE_LEAD_MINUTES} minutes ahead; ${message.sendAt.toISOString()} is too early`)), index);
					return;
				}
			}
			// Most batches are sent now without a report URL: one package key for them, no string per message.
			const key = dateSend === undefined && !message.reportUrl ? '' : JSON.stringify([dateSend ?? '', message.reportUrl ?? '']);
			let requests = byPackage.get(key);
			if (!requests) byPackage.set(key, (requests = []));
			const last = requests[requests.length - 1];
			if (last && last.indexes.length < this.limits.maxRecipientsPerRequest) last.indexes.push(index);
			else requests.push({ dateSend, webhookUrl: message.reportUrl, indexes: [index] });
		});
		const chunks = [...byPackage.values()].flat();
		await mapWithConcurrency(chunks, this.limits.concurrency, async (sendChunk) => {
			const chunkMessages = sendChunk.indexes.map((i) => messages[i]);
			const chunkResults = await this.sendChunk(sendChunk, chunkMessages);
			sendChunk.indexes.forEach((inputIndex, k) => answered(chunkResults[k], inputIndex));
		});
	}

	async getStatuses(messageIds: string[]): Promise<StatusResult[]> {
		const chunks = chunk(messageIds, this.limits.maxStatusIdsPerRequest);
		const perChunk = await mapWithConcurrency(chunks, this.limits.concurrency, (ids) => this.statusChunk(ids));
		return perChunk.flat();
	}

	async getBalance(): Promise<Balance> {
		const form = new URLSearchParams({ user: this.config.auth.login });
		if ('password' in this.config.auth) form.set('password', this.config.auth.password);
		const request = this.request('/credits/plain', 'application/x-www-form-urlencoded; charset=utf-8', form.toString());
		return this.pipeline.request(request, true, (response) => {
			// A bare number of credits, or a negative error code.
			const text = response.body.trim();
			if (!/^-?\d+(\.\d+)?$/.test(text)) throw unexpectedAnswer(response, 'not a number', true);
			const value = Number(text);
			if (value < 0 && Number.isInteger(value)) throw new SmsGatewayError(this.gatewayError(value));
			return { amount: value, unit: 'credits' };
		});
	}

	async listSenders(): Promise<string[]> {
		// Only the JSON API documents get_senders, so it is used whatever apiFormat says.
		const request = this.request(jsonWire.path, jsonWire.contentType, buildGetSenders(this.config.auth));
		const answer = await this.pipeline.request(request, true, (response) => this.parse(response, parseSenders, true));
		return answer.items;
	}

	private async sendChunk({ dateSend, webhookUrl }: SendChunk, messages: OutgoingSms[]): Promise<SendResult[]> {
		const body = this.wire.buildSend(this.config.auth, {
			dateSend,
			webhookUrl,
			recipientField: this.config.recipientField ?? 'recipient',
			messages: messages.map((m) => ({ recipient: e164Digits(m.to), text: m.text, sender: m.sender, validityMinutes: m.validityMinutes })),
		});
		const request = this.request(this.wire.path, this.wire.contentType, body);
		let answers;
		try {
			// Retried only on refusals (HTTP 429, 5xx other than 504, code -10) that prove nothing was
			// accepted; a lost or garbled answer or a 504 is outcome_unknown, which withRetry never repeats.
			answers = await this.pipeline.request(request, false, (response) => {
				const answer = this.parse(response, (text) => this.wire.parseSend(text), false);
				if (answer.items.length !== messages.length) {
					throw unexpectedAnswer(response, `${answer.items.length} answers for ${messages.length} messages`, false);
				}
				return answer.items;
			});
		} catch (error) {
			const reason = toSmsError(error, 'send');
			return messages.map((m) => failedSendResult(m, reason));
		}
		return messages.map((m, k) => {
			const answer = answers[k];
			if (answer.errorCode !== 0 || Number(answer.smsId) <= 0) return failedSendResult(m, this.gatewayError(answer.errorCode || 'sms_id 0'));
			return {
				ref: m.ref,
				to: m.to,
				messageId: answer.smsId,
				parts: answer.parts ?? partsOf(m),
				status: statusOf(m.sendAt ? 'scheduled' : 'queued'),
			};
		});
	}

	private async statusChunk(ids: string[]): Promise<StatusResult[]> {
		const request = this.request(this.wire.path, this.wire.contentType, this.wire.buildStatuses(this.config.auth, ids));
		let answers;
		try {
			answers = await this.pipeline.request(request, true, (response) => this.parse(response, (text) => this.wire.parseStatuses(text), true).items);
		} catch (error) {
			const reason = toSmsError(error);
			return ids.map((messageId) => ({ messageId, status: statusOf('unknown'), error: reason }));
		}
		const byId = new Map(answers.map((a) => [normalizeId(a.smsId), a]));
		return ids.map((messageId) => {
			const answer = byId.get(normalizeId(messageId));
			if (!answer) {
				return { messageId, status: statusOf('unknown'), error: smsError('invalid_message_id', `${this.label} did not report a status for message ${messageId}`) };
			}
			if (answer.errorCode !== undefined) return { messageId, parts: answer.parts, status: statusOf('unknown'), error: this.gatewayError(answer.errorCode) };
			return { messageId, parts: answer.parts, status: normalizeStatus(SMS_ASSISTENT_STATUSES, answer.status) };
		});
	}

	private request(path: string, contentType: string, body: string): HttpRequest {
		const headers: Record<string, string> = { 'content-type': contentType, accept: '*/*' };
		if ('token' in this.config.auth) headers[SMS_ASSISTENT_TOKEN_HEADER] = this.config.auth.token;
		return { method: 'POST', url: `${this.config.baseUrl}${path}`, headers, body };
	}

	/** Parses a 2xx answer; a whole-request error code is thrown (retried if the table says so). */
	private parse<T>(response: HttpResponse, parse: (body: string) => WireAnswer<T>, idempotent: boolean): { kind: 'items'; items: T[] } {
		let answer: WireAnswer<T>;
		try {
			answer = parse(response.body);
		} catch (error) {
			if (error instanceof UnexpectedAnswerError) throw unexpectedAnswer(response, error.message, idempotent);
			throw error;
		}
		if (answer.kind === 'error') throw new SmsGatewayError(this.gatewayError(answer.code));
		return answer;
	}

	private gatewayError(code: number | string): SmsError {
		return errorFromTable(SMS_ASSISTENT_ERRORS, this.label, code);
	}
}

function secretOf(auth: SmsAssistentAuth): string {
	return 'password' in auth ? auth.password : auth.token;
}

function normalizeId(id: string): string {
	const n = toInteger(id);
	return n === undefined ? id.trim() : String(n);
}
