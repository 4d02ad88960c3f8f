import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { nodeParameter, type GatewayHandle } from '../../glue';
import type { MessageRequest } from '../../core/message/prepareMessage';
import { deliverMessages } from '../delivery/deliverMessages';
import { deliverySettings, messageSettings } from '../readSettings';
import { textProperty } from '../descriptions/messageProperties';
import { senderProperties } from '../descriptions/senderProperties';
import { readSender } from '../readSender';
import { sendOptionsProperty } from '../descriptions/optionsProperties';
import { showFor } from '../descriptions/showFor';

const toProperty: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: '+375 29 123-45-67 or 80291234567',
	description:
		'The recipient mobile phone number, one per item. Best in international form with the country code (+375291234567); spaces, dashes, brackets and a national prefix (8 029 …) are fine.',
	hint: 'Numbers without a country code are read in the Default Country of Options (Belarus unless changed)',
};

export const description: INodeProperties[] = showFor('send', [toProperty, textProperty, ...senderProperties, sendOptionsProperty]);

/** Send SMS: one message per input item, all handed to the gateway together. */
export async function execute(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	return await deliverMessages(context, handle, itemRequests(context, handle), deliverySettings(context, false));
}

/** Each item's message, read as deliverMessages prepares it. */
function* itemRequests(context: IExecuteFunctions, handle: GatewayHandle): Generator<MessageRequest> {
	const count = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		yield {
			itemIndex,
			to: nodeParameter(context, 'to', itemIndex, ''),
			text: nodeParameter(context, 'text', itemIndex, ''),
			sender: readSender(context, itemIndex, handle.definition.id),
			settings: messageSettings(context, itemIndex),
		};
	}
}
