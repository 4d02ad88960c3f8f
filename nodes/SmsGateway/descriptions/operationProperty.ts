import type { INodeProperties } from 'n8n-workflow';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get Balance',
			value: 'getBalance',
			description: 'Get the account balance',
			action: 'Get the account balance',
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			description: 'Get the delivery status of sent messages',
			action: 'Get the delivery status of messages',
		},
		{
			name: 'List Senders',
			value: 'listSenders',
			description: 'List the sender names registered on the account',
			action: 'List sender names',
		},
		{
			name: 'Send Batch',
			value: 'sendBatch',
			description: 'Send to many recipients in the fewest gateway requests',
			action: 'Send a batch of SMS',
		},
		{
			name: 'Send SMS',
			value: 'send',
			description: 'Send one SMS per input item',
			action: 'Send an SMS',
		},
	],
	default: 'send',
};
