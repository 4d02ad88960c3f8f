import type { INodeProperties } from 'n8n-workflow';

export const messageIdsProperty: INodeProperties = {
	displayName: 'Message IDs',
	name: 'messageIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: '={{ $json.messageId }}',
	description: 'One or more message IDs returned by Send, separated by commas or spaces, or an array from an expression',
	displayOptions: { show: { operation: ['getStatus'] } },
};
