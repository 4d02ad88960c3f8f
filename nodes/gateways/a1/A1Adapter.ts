import { SmsGatewayError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import type { HttpRequest, HttpTransport } from '../../core/adapter/http';
import { A1_STATUSES } from './statuses';
import { normalizeStatus, statusOf } from '../../core/status/normalizeStatus';
import { partsOf } from '../../core/adapter/messageParts';
import { failedSendResult } from '../../core/adapter/answerErrors';
import { toSmsError } from '../../core/errors/toSmsError';
import { forEachWithConcurrency, mapWithConcurrency } from '../../core/adapter/concurrency';
import { collectResults } from '../../core/adapter/collectResults';
import { RequestPipeline } from '../../core/adapter/requestPipeline';
import type { AnswerSink, Balance, GatewayLimits, GatewayOptions, OutgoingSms, SendResult, GatewayAdapter, StatusResult } from '../../core/adapter/GatewayAdapter';
import { authorizationHeader, authSecrets, type A1Auth } from './a1Auth';
import { A1_DEFAULT_LIMITS } from './limits';
import { checkA1Response, type A1Operation } from './a1Response';
import type { A1Answer } from './a1Answer';
import { e164Digits } from '../../core/phone/e164';

export interface A1AdapterConfig {
	/** From the contract; already checked by resolveBaseUrl. */
	baseUrl: string;
	auth: A1Auth;
	/** Requests in flight at once; the API takes one recipient per request, so a batch fans out. */
	concurrency?: number;
	/** The contract's request rate, where it sets one; none is public. */
	maxRequestsPerSecond?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const NAME = 'A1';

/**
 * A1 (Belarus) HTTP API: one recipient per send request, one id per status request (`POST /api/sms/send` with `{phone, text, sender}`, `GET /api/sms/status/{messageId}`, as A1's public API description shows).
 * Text goes as UTF-8 JSON; the core has already replaced typographic characters the gateway
 * converts badly. Delivery reports (POSTed by A1 to a callback URL) are not handled here.
 */
export class A1Adapter implements GatewayAdapter {
	readonly id = 'a1' as const;
	readonly label = NAME;
	readonly limits: GatewayLimits;

	private readonly pipeline: RequestPipeline;

	constructor(
		private readonly config: A1AdapterConfig,
		transport: HttpTransport,
		options: GatewayOptions = {},
	) {
		this.pipeline = new RequestPipeline({
			name: NAME,
			transport,
			options,
			account: { gateway: 'a1', baseUrl: config.baseUrl, identity: authorizationHeader(config.auth) },
			maxRequestsPerSecond: config.maxRequestsPerSecond,
			maxInFlight: config.concurrency ?? A1_DEFAULT_LIMITS.concurrency,
			defaultTimeoutMs: DEFAULT_TIMEOUT_MS,
			// An error page may echo the Authorization header.
			secrets: () => authSecrets(config.auth),
			// A result code in the body wins over the HTTP status, so checkA1Response reads every answer.
			classify: () => undefined,
			explainRefusedWait: true,
		});
		this.limits = {
			...A1_DEFAULT_LIMITS,
			maxRequestsPerSecond: config.maxRequestsPerSecond,
			concurrency: config.concurrency ?? A1_DEFAULT_LIMITS.concurrency,
		};
	}

	send(messages: OutgoingSms[]): Promise<SendResult[]> {
		return collectResults(this, messages);
	}

	async sendEach(messages: readonly OutgoingSms[], answered: AnswerSink): Promise<void> {
		await forEachWithConcurrency(messages.length, this.limits.concurrency, async (index) => answered(await this.sendOne(messages[index]), index));
	}

	async getStatuses(messageIds: string[]): Promise<StatusResult[]> {
		return mapWithConcurrency(messageIds, this.limits.concurrency, (messageId) => this.statusOne(messageId));
	}

	async getBalance(): Promise<Balance> {
		const answer = await this.call('balance', { method: 'GET', url: `${this.config.baseUrl}/api/sms/balance` });
		// [guess] The contract account is billed in Belarusian roubles when the answer names no currency.
		return { amount: answer.balance as number, unit: answer.currency ?? 'BYN' };
	}

	async listSenders(): Promise<string[]> {
		throw new SmsGatewayError(
			smsError('bad_request', 'List Senders is not offered by A1: sender names are registered with A1 when the contract is signed'),
		);
	}

	private async sendOne(message: OutgoingSms): Promise<SendResult> {
		const body: Record<string, string> = { phone: e164Digits(message.to), text: message.text };
		if (message.sender) body.sender = message.sender;
		try {
			const answer = await this.call('send', {
				method: 'POST',
				url: `${this.config.baseUrl}/api/sms/send`,
				headers: { 'content-type': 'application/json; charset=utf-8' },
				body: JSON.stringify(body),
			});
			return {
				ref: message.ref,
				to: message.to,
				messageId: answer.messageId,
				parts: answer.parts ?? partsOf(message),
				status: statusOf('queued'),
			};
		} catch (error) {
			return failedSendResult(message, toSmsError(error, 'send'));
		}
	}

	private async statusOne(messageId: string): Promise<StatusResult> {
		const id = messageId.trim();
		const problem = messageIdProblem(id);
		if (problem) return { messageId, status: statusOf('unknown'), error: smsError('invalid_message_id', `A1: ${problem}`) };
		try {
			const answer = await this.call('status', {
				method: 'GET',
				url: `${this.config.baseUrl}/api/sms/status/${encodeURIComponent(id)}`,
			});
			return { messageId, status: normalizeStatus(A1_STATUSES, answer.status) };
		} catch (error) {
			return { messageId, status: statusOf('unknown'), error: toSmsError(error) };
		}
	}

	/** One request through the pipeline; a send is never repeated once its answer was lost. */
	private async call(operation: A1Operation, request: HttpRequest): Promise<A1Answer> {
		const prepared: HttpRequest = {
			...request,
			headers: { accept: 'application/json', ...request.headers, authorization: authorizationHeader(this.config.auth) },
		};
		return this.pipeline.request(prepared, operation !== 'send', (response) => checkA1Response(response, operation, this.pipeline.now()));
	}
}

/**
 * The id goes into the URL path, where "." and ".." are path steps (GET /api/sms/status/.. is
 * GET /api/sms/) and spaces or control characters have no place in an id a gateway issued.
 */
function messageIdProblem(id: string): string | undefined {
	if (id === '') return 'the message id is empty';
	if (/^\.+$/.test(id)) return `"${id}" is not a message id`;
	if (/[\s\p{Cc}]/u.test(id)) return 'the message id contains spaces or control characters';
	if (id.length > 128) return 'the message id is longer than 128 characters';
	return undefined;
}
