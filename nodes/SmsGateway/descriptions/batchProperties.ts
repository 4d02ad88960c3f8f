import type { INodeProperties } from 'n8n-workflow';

const forSource = (recipientsSource: string[]) => ({ show: { operation: ['sendBatch'], recipientsSource } });

export const batchRecipientProperties: INodeProperties[] = [
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
