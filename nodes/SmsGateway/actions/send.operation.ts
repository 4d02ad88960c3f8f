import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { GatewayHandle } from '../../glue/gatewayFromParameters';
import type { MessageRequest } from '../../core/message/prepareMessage';
import { deliverMessages } from '../delivery/deliverMessages';
import { deliverySettings, messageSettings, readOptions } from '../readSettings';

/** Send SMS: one message per input item, all handed to the gateway together. */
export async function send(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	const requests: MessageRequest[] = context.getInputData().map((_, itemIndex) => ({
		itemIndex,
		to: context.getNodeParameter('to', itemIndex, ''),
		text: context.getNodeParameter('text', itemIndex, ''),
		sender: context.getNodeParameter('sender', itemIndex, ''),
		settings: messageSettings(readOptions(context, itemIndex)),
	}));
	return await deliverMessages(context, handle, requests, deliverySettings(context, false));
}
