import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { splitRecipientList } from '../../core/batch/splitRecipientList';
import type { GatewayHandle } from '../../glue';
import type { MessageRequest } from '../../core/message/prepareMessage';
import { deliverMessages } from '../delivery/deliverMessages';
import { deliverySettings, messageSettings } from '../readSettings';
import { batchTextProperty } from '../descriptions/messageProperties';
import { senderProperties } from '../descriptions/senderProperties';
import { readSender } from '../readSender';
import { sendBatchOptionsProperty } from '../descriptions/optionsProperties';
import { showFor } from '../descriptions/showFor';
import { choiceFrom, nodeParameter, ParameterError, readParameter, stopOnParameterError, stringFrom } from '../../glue';

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

export const description: INodeProperties[] = showFor('sendBatch', [...batchRecipientProperties, batchTextProperty, ...senderProperties, sendBatchOptionsProperty]);

/** Send Batch: recipients from every input item or from a list per item, sent in the gateway's bulk requests. */
export async function execute(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	const source = readParameter(context, 'recipientsSource', 0, 'items', (value) => choiceFrom(value, ['items', 'list'] as const, 'items', 0, 'Recipients From'));
	const settings = deliverySettings(context, true);
	return await deliverMessages(context, handle, batchRequests(context, handle, source), settings);
}

/** One request per recipient, read as deliverMessages prepares them (never all of them at once). */
function* batchRequests(context: IExecuteFunctions, handle: GatewayHandle, source: 'items' | 'list'): Generator<MessageRequest> {
	const labels = sharedLabels();
	const inputs = context.getInputData();
	for (let itemIndex = 0; itemIndex < inputs.length; itemIndex++) {
		const messageOptions = messageSettings(context, itemIndex);
		const sender = readSender(context, itemIndex, handle.definition.id);
		const text = nodeParameter(context, 'text', itemIndex, '');
		if (source === 'list') {
			const list = nodeParameter(context, 'recipientList', itemIndex, '');
			const recipients = splitRecipientList(list, { defaultCountry: messageOptions.defaultCountry });
			// An empty list is an input error of this item, not a silent no-op.
			for (const to of recipients.length > 0 ? recipients : ['']) {
				yield { itemIndex, to, text, sender, settings: messageOptions, labels: LIST_LABELS };
			}
			continue;
		}
		const { phoneField, textField } = fieldNames(context, itemIndex);
		const json = inputs[itemIndex].json;
		const ownText = textField ? readField(json, textField) : undefined;
		const useOwnText = ownText !== undefined && ownText !== null && !(typeof ownText === 'string' && ownText.trim() === '');
		yield {
			itemIndex,
			to: readField(json, phoneField),
			text: useOwnText ? ownText : text,
			sender,
			settings: messageOptions,
			labels: labels(phoneField, useOwnText ? textField : undefined),
		};
	}
}

const LIST_LABELS: MessageRequest['labels'] = { to: 'Recipient List' };

/** What errors call an item's phone and text; one object per pair of field names, not one per item. */
function sharedLabels(): (phoneField: string, textField: string | undefined) => MessageRequest['labels'] {
	const known = new Map<string, Map<string | undefined, MessageRequest['labels']>>();
	return (phoneField, textField) => {
		let byText = known.get(phoneField);
		if (byText === undefined) known.set(phoneField, (byText = new Map()));
		let labels = byText.get(textField);
		if (labels === undefined) {
			labels = { to: `The field "${phoneField}" (Phone Field)`, text: textField === undefined ? 'Text' : `The field "${textField}" (Text Field)` };
			byText.set(textField, labels);
		}
		return labels;
	};
}

/** Phone Field and Text Field of one item: names of fields, so they must be texts. */
function fieldNames(context: IExecuteFunctions, itemIndex: number): { phoneField: string; textField: string } {
	return stopOnParameterError(context, () => {
		const phoneField = stringFrom(nodeParameter(context, 'phoneField', itemIndex, 'phone'), '', itemIndex, 'Phone Field');
		if (phoneField === '') throw new ParameterError(itemIndex, 'Phone Field', 'is empty; enter the name of the input field that holds the number, such as phone');
		const textField = stringFrom(nodeParameter(context, 'textField', itemIndex, ''), '', itemIndex, 'Text Field');
		return { phoneField, textField };
	});
}

/** A field by name, or by dotted path into nested objects (contact.phone); only the objects' own fields. */
function readField(json: IDataObject, path: string): unknown {
	if (Object.prototype.hasOwnProperty.call(json, path)) return json[path];
	let current: unknown = json;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}
