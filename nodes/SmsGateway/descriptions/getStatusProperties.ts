import type { INodeProperties } from 'n8n-workflow';

export const messageIdsProperty: INodeProperties = {
	displayName: 'Message IDs',
	name: 'messageIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 4259367936, 4259367938',
	description:
		'The messageId values returned by Send SMS or Send Batch: one or more, separated by commas or spaces, or an array from an expression. Each ID gives one output item.',
	hint: 'Usually mapped from the send step: {{ $json.messageId }}. An ID made of part IDs joined with + (as multi-part messages get on gateways that number each part) is checked as one message.',
	displayOptions: { show: { operation: ['getStatus'] } },
};
