import type { INodeProperties } from 'n8n-workflow';

const forOperations = (operation: string[]) => ({ show: { operation } });

export const textProperty: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	placeholder: 'Your order #1234 is ready for pickup',
	description:
		'The message. Latin text fits 160 characters in one SMS (153 per part when longer); any Cyrillic letter makes it 70 (67 per part).',
	displayOptions: forOperations(['send']),
	required: true,
};

export const batchTextProperty: INodeProperties = {
	...textProperty,
	required: false,
	description:
		'The message for every recipient that has no text of its own. Latin text fits 160 characters in one SMS (153 per part); any Cyrillic letter makes it 70 (67 per part).',
	displayOptions: forOperations(['sendBatch']),
};

export const senderProperty: INodeProperties = {
	displayName: 'Sender Name or ID',
	name: 'sender',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSenders', loadOptionsDependsOn: ['gateway'] },
	default: '',
	description:
		'The sender name registered on your account; empty uses the account default. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: forOperations(['send', 'sendBatch']),
};

export const toProperty: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: '+375 29 123-45-67',
	description:
		'Recipient phone number in any common format (+375291234567, 8 029 123-45-67, 291234567); numbers without a country code use the default country from Options',
	displayOptions: forOperations(['send']),
};
