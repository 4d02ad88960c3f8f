import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { splitRecipientList } from '../../core/batch/splitRecipientList';
import type { GatewayHandle } from '../../glue';
import type { MessageRequest } from '../../core/message/prepareMessage';
import { deliverMessages } from '../delivery/deliverMessages';
import { deliverySettings, messageSettings, readOptions } from '../readSettings';
import { batchTextProperty, senderProperty } from '../descriptions/messageProperties';
import { sendBatchOptionsProperty } from '../descriptions/optionsProperties';
import { showFor } from '../descriptions/showFor';

const forSource = (recipientsSource: string[]) => ({ show: { operation: ['sendBatch'], recipientsSource } });

const batchRecipientProperties: INodeProperties[] = [
	{
		displayName: 'Recipients From',
		name: 'recipientsSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Input Items',
				value: 'items',
				description: 'Each input item is one recipient',
			},
			{
				name: 'List',
				value: 'list',
				description: 'A list of numbers in one field (per input item)',
			},
		],
		default: 'items',
		description: 'Where the phone numbers come from: one per input item, or lists of numbers in a field',
		displayOptions: { show: { operation: ['sendBatch'] } },
	},
	{
		displayName: 'Phone Field',
		name: 'phoneField',
		type: 'string',
		default: 'phone',
		placeholder: 'phone',
		description: 'The input field that holds the recipient phone number, in any common format',
		hint: 'Name of the input field with the phone number; dots reach nested fields (contact.phone)',
		displayOptions: forSource(['items']),
		required: true,
	},
	{
		displayName: 'Text Field',
		name: 'textField',
		type: 'string',
		default: '',
		placeholder: 'message',
		description: 'The input field that holds a text for this recipient only, e.g. a personalised message',
		hint: 'Optional: name of the input field with a text for this recipient; empty or missing uses Text below',
		displayOptions: forSource(['items']),
	},
	{
		displayName: 'Recipient List',
		name: 'recipientList',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: '+375291234567, +375331234567\n+375441234567',
		description:
			'Phone numbers separated by commas, semicolons, spaces or new lines, or an array from an expression',
		displayOptions: forSource(['list']),
		required: true,
	},
];

export const description: INodeProperties[] = showFor('sendBatch', [...batchRecipientProperties, batchTextProperty, senderProperty, sendBatchOptionsProperty]);

/** Send Batch: recipients from every input item or from a list per item, sent in the gateway's bulk requests. */
export async function execute(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
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
