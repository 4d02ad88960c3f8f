import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { splitRecipientList } from '../../core/batch/splitRecipientList';
import type { GatewayHandle } from '../../glue/gatewayFromParameters';
import type { MessageRequest } from '../../core/message/prepareMessage';
import { deliverMessages } from '../delivery/deliverMessages';
import { deliverySettings, messageSettings, readOptions } from '../readSettings';

/** Send Batch: recipients from every input item or from a list per item, sent in the gateway's bulk requests. */
export async function sendBatch(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	const source = context.getNodeParameter('recipientsSource', 0, 'items') as string;
	const requests: MessageRequest[] = [];
	context.getInputData().forEach((item, itemIndex) => {
		const settings = messageSettings(readOptions(context, itemIndex));
		const sender = context.getNodeParameter('sender', itemIndex, '');
		const text = context.getNodeParameter('text', itemIndex, '') as string;
		if (source === 'list') {
			const list = context.getNodeParameter('recipientList', itemIndex, '');
			const recipients = splitRecipientList(list, { defaultCountry: settings.defaultCountry });
			// An empty list is an input error of this item, not a silent no-op.
			for (const to of recipients.length > 0 ? recipients : ['']) requests.push({ itemIndex, to, text, sender, settings });
			return;
		}
		const phoneField = context.getNodeParameter('phoneField', itemIndex, 'phone') as string;
		const textField = context.getNodeParameter('textField', itemIndex, '') as string;
		const ownText = textField ? readField(item.json, textField) : undefined;
		requests.push({
			itemIndex,
			to: readField(item.json, phoneField),
			text: typeof ownText === 'string' && ownText.trim() !== '' ? ownText : text,
			sender,
			settings,
		});
	});
	return await deliverMessages(context, handle, requests, deliverySettings(context, true));
}

/** A field by name, or by dotted path into nested objects (contact.phone). */
function readField(json: IDataObject, path: string): unknown {
	if (Object.prototype.hasOwnProperty.call(json, path)) return json[path];
	let current: unknown = json;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}
