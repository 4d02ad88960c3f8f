import { SmsGatewayError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import type { HttpTransport } from '../../core/adapter/http';
import { chunk, createRateLimiter, mapWithConcurrency, realSleep } from '../../core/adapter/requestPolicy';
import type { Balance, GatewayLimits, GatewayOptions, OutgoingSms, SendResult, GatewayAdapter, StatusResult } from '../../core/adapter/GatewayAdapter';
import { DevinoClient } from './DevinoClient';
import { DEVINO_NAME, unexpectedAnswer } from './devinoResponse';
import { failedSendResult } from '../../core/adapter/answerErrors';
import { devinoMessageProblem, sendSameText } from './devinoSend';
import { getDevinoStatuses } from './devinoStatus';
import { groupMessages } from './groupMessages';
import { parseBalance } from './devinoWire';

export const DEVINO_LIMITS: GatewayLimits = {
	// [guess] The documents set no limit on destinationAddresses; 100 keeps one request modest.
	maxRecipientsPerRequest: 100,
	// `/sms/state` takes one segment id per call.
	maxStatusIdsPerRequest: 1,
	// None documented.
	maxRequestsPerSecond: undefined,
	// [guess] Enough to fan status calls out without hammering the API.
	concurrency: 8,
	// `sendDate` accepts any time; no lead time is documented, so anything from a minute ahead.
	minScheduleLeadMinutes: 1,
	// Validity is in minutes; no maximum is documented.
	maxValidityMinutes: undefined,
	supportsSenderList: false,
	requiresSender: true,
};

export interface DevinoAccount {
	baseUrl: string;
	login: string;
	password: string;
}

export class DevinoAdapter implements GatewayAdapter {
	readonly id = 'devino' as const;
	readonly label = 'Devino (integrationapi.net)';
	readonly limits = DEVINO_LIMITS;
	private readonly client: DevinoClient;

	constructor(account: DevinoAccount, transport: HttpTransport, options: GatewayOptions = {}) {
		const sleep = options.sleep ?? realSleep;
		this.client = new DevinoClient({
			...account,
			transport,
			timeoutMs: options.timeoutMs,
			retryPolicy: options.retryPolicy,
			sleep,
			now: options.now,
			beforeRequest: createRateLimiter(DEVINO_LIMITS.maxRequestsPerSecond, sleep),
		});
	}

	async send(messages: OutgoingSms[]): Promise<SendResult[]> {
		const results = new Array<SendResult>(messages.length);
		const sendable: number[] = [];
		messages.forEach((message, position) => {
			const problem = devinoMessageProblem(message);
			if (problem) results[position] = failedSendResult(message, problem);
			else sendable.push(position);
		});
		const requests = groupMessages(messages, sendable).flatMap((group) => chunk(group, this.limits.maxRecipientsPerRequest));
		await mapWithConcurrency(requests, this.limits.concurrency, async (positions) => {
			const answers = await sendSameText(this.client, positions.map((position) => messages[position]));
			positions.forEach((position, index) => (results[position] = answers[index]));
		});
		return results;
	}

	getStatuses(messageIds: string[]): Promise<StatusResult[]> {
		return getDevinoStatuses(this.client, messageIds, this.limits.concurrency);
	}

	async getBalance(): Promise<Balance> {
		const amount = await this.client.call('/user/balance', [], true, (response) => {
			const value = parseBalance(response.body);
			if (value === undefined) throw unexpectedAnswer(response, true, 'the balance request');
			return value;
		});
		// [guess] The documents give a bare number; Devino bills Russian accounts in roubles.
		return { amount, unit: 'RUB' };
	}

	async listSenders(): Promise<string[]> {
		throw new SmsGatewayError(smsError('bad_request', `List Senders is not offered by ${DEVINO_NAME}: its API has no sender list; registered names are shown in its personal account`));
	}
}
