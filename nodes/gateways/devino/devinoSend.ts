import { statusOf } from '../../core/status/normalizeStatus';
import { partsOf } from '../../core/adapter/messageParts';
import { failedSendResult } from '../../core/adapter/answerErrors';
import { toSmsError } from '../../core/errors/toSmsError';
import type { OutgoingSms, SendResult } from '../../core/adapter/GatewayAdapter';
import type { DevinoClient } from './DevinoClient';
import { assignPartIds, joinPartIds } from './devinoMessageId';
import { unexpectedAnswer } from './devinoResponse';
import { parseSegmentIds, toMoscowTime, type FormFields } from './devinoWire';
import { e164Digits } from '../../core/phone/e164';

/**
 * Sends messages that share text, sender, send time and validity: `/sms/send` for one recipient,
 * `/sms/sendbulk` for more. Returns one result per message, in order.
 */
export async function sendSameText(client: DevinoClient, messages: readonly OutgoingSms[]): Promise<SendResult[]> {
	const [first] = messages;
	const bulk = messages.length > 1;
	const fields: Array<readonly [string, string]> = [['sourceAddress', first.sender ?? '']];
	for (const message of messages) fields.push([bulk ? 'destinationAddresses' : 'destinationAddress', e164Digits(message.to)]);
	fields.push(['data', first.text]);
	if (first.validityMinutes !== undefined) fields.push(['validity', String(Math.round(first.validityMinutes))]);
	if (first.sendAt) fields.push(['sendDate', toMoscowTime(first.sendAt)]);

	const expectedParts = partsOf(first);
	let partIdsPerRecipient: string[][];
	try {
		partIdsPerRecipient = await client.call(bulk ? '/sms/sendbulk' : '/sms/send', fields as FormFields, false, (response) => {
			const ids = parseSegmentIds(response.body);
			const assigned = ids && assignPartIds(ids, messages.length, expectedParts);
			if (!assigned) throw unexpectedAnswer(response, false, 'the send');
			return assigned;
		});
	} catch (error) {
		const reason = toSmsError(error, 'send');
		return messages.map((message) => failedSendResult(message, reason));
	}
	const accepted = statusOf(first.sendAt ? 'scheduled' : 'queued');
	return messages.map((message, index) => {
		const partIds = partIdsPerRecipient[index];
		return { ref: message.ref, to: message.to, messageId: joinPartIds(partIds), partIds, parts: partIds.length, status: accepted };
	});
}
