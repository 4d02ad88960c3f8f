import type { INodeProperties } from 'n8n-workflow';
import { SMS_STATUSES } from '../../core/status/SmsStatus';
import { trackingStoreOption } from '../../glue';

/** What the trigger reports; each value is one file in this folder. */
export const TRIGGER_EVENTS = ['statusChanged', 'finalStatus', 'balanceBelow'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

const STATUS_LABELS: Record<(typeof SMS_STATUSES)[number], string> = {
	queued: 'Queued',
	scheduled: 'Scheduled',
	sent: 'Sent',
	delivered: 'Delivered',
	undelivered: 'Undelivered',
	expired: 'Expired',
	rejected: 'Rejected',
	failed: 'Failed',
	unknown: 'Unknown',
};

export const eventProperty: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Balance Below',
			value: 'balanceBelow',
			description: 'Once when the account balance falls below the threshold; again only after it has been above it',
		},
		{
			name: 'Final Status',
			value: 'finalStatus',
			description: 'Once per message, with its last word: delivered, undelivered, expired, rejected, failed, or given up',
		},
		{
			name: 'Status Changed',
			value: 'statusChanged',
			description: 'Every change of a tracked message (queued → sent → delivered …)',
		},
	],
	default: 'finalStatus',
	description: 'What starts the workflow. Status events are about messages sent by an SMS Gateway node with Track Delivery on and the same credential.',
};

export const thresholdProperty: INodeProperties = {
	displayName: 'Threshold',
	name: 'threshold',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 10,
	required: true,
	description: 'Balance below which the workflow starts, in the unit of the account (BYN, UAH, RUB or credits)',
	displayOptions: { show: { event: ['balanceBelow'] } },
};

export const statusOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	// "/event" (the same field, named from the root) rather than "event": when a field that a
	// collection's display condition names directly changes, the n8n editor (1.x and 2.x) drops the
	// whole collection, so switching Final Status ↔ Status Changed would silently lose the filters
	// and the Tracking Store choice.
	displayOptions: { show: { '/event': ['statusChanged', 'finalStatus'] } },
	options: [
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			default: '',
			description:
				'Only messages sent with exactly this Reference. Events of other messages are still taken from the store (not kept for another trigger).',
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: SMS_STATUSES.filter((status) => status !== 'unknown').map((status) => ({ name: STATUS_LABELS[status], value: status })),
			default: [],
			description: 'Only these statuses; none chosen means all',
		},
		trackingStoreOption,
	],
};
