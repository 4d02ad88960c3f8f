import { SmsGatewayError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import type { HttpRequest, HttpTransport } from '../../core/adapter/http';
import { normalizeStatus, statusOf } from '../../core/status/normalizeStatus';
import { SMSCLUB_STATUSES } from './statuses';
import { partsOf } from '../../core/adapter/messageParts';
import { failedSendResult, unexpectedAnswerError } from '../../core/adapter/answerErrors';
import { toSmsError } from '../../core/errors/toSmsError';
import { chunk, mapWithConcurrency } from '../../core/adapter/concurrency';
import { collectResults } from '../../core/adapter/collectResults';
import { RequestPipeline } from '../../core/adapter/requestPipeline';
import type { AnswerSink, Balance, GatewayOptions, OutgoingSms, SendResult, GatewayAdapter, StatusResult } from '../../core/adapter/GatewayAdapter';
import { SMSCLUB_LIMITS } from './limits';
import { byWave, planSendRequests, type PlannedSendRequest, type SendableMessage } from './planSendRequests';
import { errorForRefusedRecipient, errorForResponse, outcomeUnknown, SMSCLUB_LABEL } from './smsClubResponseErrors';
import {
	parseBalanceAnswer,
	parseSendAnswer,
	parseSendersAnswer,
	parseStatusAnswer,
	SMSCLUB_PATHS,
	type SmsClubSendBody,
} from './wire';
import { e164Digits } from '../../core/phone/e164';

export const SMSCLUB_DEFAULT_BASE_URL = 'https://im.smsclub.mobi';


export interface SmsClubConfig {
	baseUrl: string;
	token: string;
}

export class SmsClubAdapter implements GatewayAdapter {
	readonly id = 'smsClub' as const;
	readonly label = SMSCLUB_LABEL;
	readonly limits = SMSCLUB_LIMITS;

	private readonly pipeline: RequestPipeline;

	constructor(
		private readonly config: SmsClubConfig,
		transport: HttpTransport,
		options: GatewayOptions = {},
	) {
		this.pipeline = new RequestPipeline({
			name: SMSCLUB_LABEL,
			transport,
			options,
			// One token is one account: 20 executions on it share its ~9 requests a second.
			account: { gateway: 'smsClub', baseUrl: config.baseUrl, identity: config.token },
			maxRequestsPerSecond: SMSCLUB_LIMITS.maxRequestsPerSecond,
			maxInFlight: SMSCLUB_LIMITS.concurrency,
			// An error page may echo the request's headers.
			secrets: () => [config.token],
			classify: (response, idempotent, now) =>
				response.status >= 200 && response.status <= 299 ? undefined : errorForResponse(response, idempotent, now),
		});
	}

	/** Messages arrive checked against SMSCLUB_LIMITS (a sender, no schedule) by the core. */
	send(messages: OutgoingSms[]): Promise<SendResult[]> {
		return collectResults(this, messages);
	}

	async sendEach(messages: readonly OutgoingSms[], answered: AnswerSink): Promise<void> {
		const sendable: SendableMessage[] = messages.map((message, index) => ({
			index,
			digits: e164Digits(message.to),
			text: message.text,
			sender: message.sender ?? '',
			lifetimeMinutes: message.validityMinutes === undefined ? undefined : Math.max(1, Math.round(message.validityMinutes)),
		}));
		const plan = planSendRequests(sendable, SMSCLUB_LIMITS.maxRecipientsPerRequest);
		for (const wave of byWave(plan)) {
			await mapWithConcurrency(wave, SMSCLUB_LIMITS.concurrency, async (request) => {
				for (const [index, result] of await this.sendOneRequest(request, messages)) answered(result, index);
			});
		}
	}

	async getStatuses(messageIds: string[]): Promise<StatusResult[]> {
		const chunks = chunk(messageIds, SMSCLUB_LIMITS.maxStatusIdsPerRequest);
		const answers = await mapWithConcurrency(chunks, SMSCLUB_LIMITS.concurrency, async (ids) => {
			try {
				const statuses = await this.call(SMSCLUB_PATHS.status, { id_sms: ids }, true, parseStatusAnswer);
				return ids.map((id) => statusResult(id, statuses.get(String(id).trim())));
			} catch (error) {
				const reason = toSmsError(error);
				return ids.map((id) => ({ messageId: id, status: statusOf('unknown'), error: reason }));
			}
		});
		return answers.flat();
	}

	async getBalance(): Promise<Balance> {
		return this.call(SMSCLUB_PATHS.balance, undefined, true, parseBalanceAnswer);
	}

	async listSenders(): Promise<string[]> {
		return this.call(SMSCLUB_PATHS.senders, undefined, true, parseSendersAnswer);
	}

	/** One `/sms/send` call; every recipient of it gets exactly one result. */
	private async sendOneRequest(request: PlannedSendRequest, messages: readonly OutgoingSms[]): Promise<Map<number, SendResult>> {
		const results = new Map<number, SendResult>();
		const phones = request.recipients.map((r) => r.digits);
		const body: SmsClubSendBody = { phone: phones, message: request.text, src_addr: request.sender };
		if (request.lifetimeMinutes !== undefined) body.lifetime = request.lifetimeMinutes;
		try {
			const answer = await this.call(SMSCLUB_PATHS.send, body, false, (text) => parseSendAnswer(text, phones));
			// Every message of a request has the request's text.
			const parts = partsOf(messages[request.recipients[0].index]);
			for (const { index, digits } of request.recipients) {
				const message = messages[index];
				const messageId = answer.accepted.get(digits);
				const reason = answer.refused.get(digits);
				if (messageId !== undefined) {
					results.set(index, { ref: message.ref, to: message.to, messageId, parts, status: statusOf('queued') });
				} else if (reason !== undefined) {
					results.set(index, failedSendResult(message, errorForRefusedRecipient(reason, (text) => this.pipeline.mask(text))));
				} else {
					results.set(index, failedSendResult(message, outcomeUnknown('answered without mentioning this number')));
				}
			}
		} catch (error) {
			const reason = toSmsError(error, 'send');
			for (const { index } of request.recipients) results.set(index, failedSendResult(messages[index], reason));
		}
		return results;
	}

	/** POSTs JSON with the token in the header; an answer `parse` cannot read is unexpected. */
	private async call<T>(path: string, payload: object | undefined, idempotent: boolean, parse: (body: string) => T | undefined): Promise<T> {
		const request: HttpRequest = {
			method: 'POST',
			url: `${this.config.baseUrl}${path}`,
			headers: {
				Authorization: `Bearer ${this.config.token}`,
				Accept: 'application/json',
				...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: payload === undefined ? undefined : JSON.stringify(payload),
		};
		return this.pipeline.request(request, idempotent, (response) => {
			const parsed = parse(response.body);
			if (parsed !== undefined) return parsed;
			throw new SmsGatewayError(unexpectedAnswerError(SMSCLUB_LABEL, response, idempotent));
		});
	}
}

function statusResult(messageId: string, word: string | undefined): StatusResult {
	if (word === undefined) {
		return {
			messageId,
			status: statusOf('unknown'),
			error: smsError('invalid_message_id', `${SMSCLUB_LABEL} reported no status for message ${messageId} (unknown id, or not this account's)`),
		};
	}
	return { messageId, status: normalizeStatus(SMSCLUB_STATUSES, word) };
}
