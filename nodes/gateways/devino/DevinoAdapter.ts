import { SmsGatewayError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import type { HttpTransport } from '../../core/adapter/http';
import { chunk, mapWithConcurrency } from '../../core/adapter/concurrency';
import { collectResults } from '../../core/adapter/collectResults';
import type { AnswerSink, Balance, GatewayOptions, OutgoingSms, SendResult, GatewayAdapter, StatusResult } from '../../core/adapter/GatewayAdapter';
import { DevinoClient, type DevinoAccount } from './DevinoClient';
import { DEVINO_LIMITS } from './limits';
import { DEVINO_NAME, unexpectedAnswer } from './devinoResponse';
import { sendSameText } from './devinoSend';
import { getDevinoStatuses } from './devinoStatus';
import { groupMessages } from './groupMessages';
import { parseBalance } from './devinoWire';

export class DevinoAdapter implements GatewayAdapter {
	readonly id = 'devino' as const;
	readonly label = 'Devino (integrationapi.net)';
	readonly limits = DEVINO_LIMITS;
	private readonly client: DevinoClient;

	constructor(account: DevinoAccount, transport: HttpTransport, options: GatewayOptions = {}) {
		this.client = new DevinoClient(account, transport, options);
	}

	send(messages: OutgoingSms[]): Promise<SendResult[]> {
		return collectResults(this, messages);
	}

	async sendEach(messages: readonly OutgoingSms[], answered: AnswerSink): Promise<void> {
		// Messages arrive checked against DEVINO_LIMITS (a sender, 10-15 digits, text size) by the core.
		const requests = groupMessages(messages, messages.map((_, position) => position)).flatMap((group) => chunk(group, this.limits.maxRecipientsPerRequest));
		await mapWithConcurrency(requests, this.limits.concurrency, async (positions) => {
			const answers = await sendSameText(this.client, positions.map((position) => messages[position]));
			positions.forEach((position, index) => answered(answers[index], position));
		});
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
