import type { INodeProperties } from 'n8n-workflow';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get Phone Numbers',
			value: 'getPhoneNumbers',
			description: 'Read the phone numbers of a lead, deal, contact or company, normalized for SMS',
			action: 'Get phone numbers of a CRM record',
		},
		{
			name: 'List Providers',
			value: 'listProviders',
			description: 'List the SMS providers this application registered in Bitrix24',
			action: 'List SMS providers',
		},
		{
			name: 'Register Provider',
			value: 'registerProvider',
			description: 'Register an SMS provider: Bitrix24 sends its SMS to the handler URL',
			action: 'Register an SMS provider',
		},
		{
			name: 'Unregister Provider',
			value: 'unregisterProvider',
			description: 'Remove an SMS provider this application registered',
			action: 'Unregister an SMS provider',
		},
		{
			name: 'Update Message Status',
			value: 'updateMessageStatus',
			description: 'Report the delivery status of a message Bitrix24 handed to the provider',
			action: 'Update a message status',
		},
	],
	default: 'updateMessageStatus',
};
