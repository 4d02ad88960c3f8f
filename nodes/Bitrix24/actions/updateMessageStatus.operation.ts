import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { SMS_STATUSES } from '../../core/status/SmsStatus';
import { toBitrix24Status } from '../bitrix24Status';
import { providerCodeProperty } from '../descriptions/providerCode';
import { showFor } from '../descriptions/showFor';
import { eachItem } from '../eachItem';
import { readChoice, readMatching, readProviderCode } from '../readParameters';
import { callBitrix24 } from '../transport/callBitrix24';

/**
 * messageservice.message.status.update: CODE, MESSAGE_ID, STATUS. Bitrix24 knows five statuses;
 * ours map onto them: queued and scheduled → queued; sent → sent; delivered → delivered;
 * undelivered, expired and rejected → undelivered; failed → failed; unknown → sent (the last
 * thing known to have happened).
 */
export const description: INodeProperties[] = showFor('updateMessageStatus', [
	providerCodeProperty,
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.reference }}',
		description: 'The message_id Bitrix24 sent to the provider (32 hexadecimal characters)',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'delivered',
		description:
			'The delivery status, as the SMS Gateway node reports it. Bitrix24 gets one of its five: queued and scheduled → queued, sent and unknown → sent, delivered → delivered, undelivered, expired and rejected → undelivered, failed → failed.',
		options: SMS_STATUSES.map((status) => ({ name: status.charAt(0).toUpperCase() + status.slice(1), value: status })),
	},
]);

const MESSAGE_ID = /^[0-9a-zA-Z._-]{1,64}$/;

export async function execute(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem(context, async (itemIndex) => {
		const code = readProviderCode(context, itemIndex);
		const messageId = readMatching(context, 'messageId', 'Message ID', itemIndex, MESSAGE_ID, 'expected the message_id Bitrix24 sent, e.g. 72dd742c8270db0ddbbab92f98877537');
		const status = readChoice(context, 'status', 'Status', itemIndex, SMS_STATUSES);
		const bitrix24Status = toBitrix24Status(status);
		await callBitrix24(context, 'messageservice.message.status.update', { CODE: code, MESSAGE_ID: messageId, STATUS: bitrix24Status }, itemIndex);
		return { code, messageId, status, bitrix24Status, updated: true };
	});
}
