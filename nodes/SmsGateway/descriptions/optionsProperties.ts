import { scheduleLeadText, validityCapText } from './gatewayFacts';
import type { INodeProperties } from 'n8n-workflow';
import { trackingStoreOption } from '../../glue';

const checkBalanceFirst: INodeProperties = {
	displayName: 'Check Balance First',
	name: 'checkBalanceFirst',
	type: 'boolean',
	default: false,
	description:
		'Whether to compare the estimated cost (parts × Price Per Part) with the balance before sending, and refuse the whole batch, sending nothing, when it does not cover it. Needs Price Per Part.',
};

const defaultCountry: INodeProperties = {
	displayName: 'Default Country',
	name: 'defaultCountry',
	type: 'options',
	options: [
		{ name: 'Belarus (+375)', value: 'BY' },
		{ name: 'Kazakhstan (+7)', value: 'KZ' },
		{ name: 'Latvia (+371)', value: 'LV' },
		{ name: 'Lithuania (+370)', value: 'LT' },
		{ name: 'Poland (+48)', value: 'PL' },
		{ name: 'Russia (+7)', value: 'RU' },
		{ name: 'Ukraine (+380)', value: 'UA' },
	],
	default: 'BY',
	description: 'Country of phone numbers written without a country code (e.g. 8 029 123-45-67)',
};

const deliveryReportUrl: INodeProperties = {
	displayName: 'Delivery Report URL',
	name: 'deliveryReportUrl',
	type: 'string',
	default: '',
	placeholder: 'https://n8n.example.com/webhook/…/sms-delivery-report?secret=…',
	description:
		"Where the gateway should post this message's delivery statuses: the production URL of an SMS Delivery Report Trigger, with its secret. SMS-assistent only (sent as webhook_url); A1 posts to the callback URL agreed in its contract.",
};

const deduplicate: INodeProperties = {
	displayName: 'Deduplicate Recipients',
	name: 'deduplicate',
	type: 'boolean',
	default: true,
	description:
		'Whether to send the same text to the same number only once. Duplicates still get an output item, marked "skippedDuplicate", with the message ID of the first one.',
};

const dryRun: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only validate and estimate: numbers, text, parts, encoding, cost, and the balance before and after sending. Nothing is sent.',
};

const includeInputFields: INodeProperties = {
	displayName: 'Include Input Fields',
	name: 'includeInputFields',
	type: 'boolean',
	default: false,
	description: "Whether to copy the input item's fields into the output item",
};

export const maxRetryWaitSeconds: INodeProperties = {
	displayName: 'Max Retry Wait (Seconds)',
	name: 'maxRetryWaitSeconds',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 60,
	description:
		'Longest wait the node accepts before retrying a rate-limited or unavailable gateway. A send whose answer was lost is never retried.',
};

const pricePerPart: INodeProperties = {
	displayName: 'Price Per Part',
	name: 'pricePerPart',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 4 },
	default: 0,
	description:
		'Price of one SMS part in the unit of your balance (BYN, UAH, RUB or credits); gives the cost per item and the estimate, and is needed by Check Balance First',
};

const reference: INodeProperties = {
	displayName: 'Reference',
	name: 'reference',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.orderId }}',
	description:
		'Your own key for the message (order ID, CRM ID, Bitrix24 message ID), at most 256 characters. Every SMS Gateway Trigger event about the message carries it, and the trigger can be limited to one Reference.',
};

const trackDelivery: INodeProperties = {
	displayName: 'Track Delivery',
	name: 'trackDelivery',
	type: 'boolean',
	default: true,
	description:
		'Whether to keep every message the gateway accepts in the tracking store, so that the SMS Gateway Trigger reports its status changes. Tracking never holds a message back: if the store cannot take it, the message is still sent and the item says so.',
};

const sanitize: INodeProperties = {
	displayName: 'Sanitize Typographic Characters',
	name: 'sanitize',
	type: 'boolean',
	default: true,
	description:
		'Whether to replace typographic quotes, dashes, ellipses and special spaces with plain ones, which keeps Latin text in the cheaper GSM-7 encoding',
};

const scheduleAt: INodeProperties = {
	displayName: 'Schedule At',
	name: 'scheduleAt',
	type: 'dateTime',
	default: '',
	description: `When the gateway should send the message; empty sends now. A time without an offset is read in the workflow's time zone (Workflow Settings). ${scheduleLeadText()}.`,
	hint: "Uses the workflow's time zone; checked before anything is sent",
};

const transliterate: INodeProperties = {
	displayName: 'Transliterate Cyrillic',
	name: 'transliterate',
	type: 'options',
	options: [
		{ name: 'Off', value: 'off' },
		{ name: 'Russian', value: 'ru' },
		{ name: 'Belarusian', value: 'be' },
	],
	default: 'off',
	description: 'Whether to write Cyrillic text in Latin letters, which fits about twice as many characters per SMS part',
};

const validityHours: INodeProperties = {
	displayName: 'Validity (Hours)',
	name: 'validityHours',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description: `How long the network keeps trying to deliver to a phone that is off; 0 uses the gateway's default${validityCapText()}`,
};

const sendOptions = [
	defaultCountry,
	deliveryReportUrl,
	dryRun,
	includeInputFields,
	maxRetryWaitSeconds,
	pricePerPart,
	reference,
	sanitize,
	scheduleAt,
	trackDelivery,
	trackingStoreOption,
	transliterate,
	validityHours,
];

export const sendOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: sendOptions,
};

export const sendBatchOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	// Sorted by display name, as n8n's lint rule wants (it cannot see through the spread).
	options: [checkBalanceFirst, deduplicate, ...sendOptions],
};

/**
 * Get Status reads no tracked messages; its Tracking Store says only where the account's request
 * limits and Devino session live, so that in queue mode its requests share them with the senders.
 */
const getStatusTrackingStore: INodeProperties = {
	...trackingStoreOption,
	description:
		"Name the senders' store: with Redis (queue mode) these status requests take their turns in the gateway account's rate limits and Devino session shared by every worker; Get Status itself reads and writes no tracked messages",
};

export const getStatusOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [includeInputFields, maxRetryWaitSeconds, getStatusTrackingStore],
};
