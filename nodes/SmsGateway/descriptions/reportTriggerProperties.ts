import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { redisTrackingCredential } from '../../glue';
import { GATEWAY_DEFINITIONS } from '../../gateways/registry';

/** The gateways that push delivery reports: each declares how (its folder's reportParser.ts). */
export const REPORTING_GATEWAYS = GATEWAY_DEFINITIONS.filter((definition) => definition.reports);

const HOW_REPORTS_ARRIVE = {
	perSend:
		'Put this trigger\'s Production URL, followed by ?secret= and the URL Secret, in the Delivery Report URL option of Send SMS or Send Batch; the gateway posts each new status of those messages here.',
	contract:
		'Give this trigger\'s Production URL, followed by ?secret= and the URL Secret, to the gateway as the delivery-report callback of your contract; it posts every new status of your messages here.',
} as const;

export const reportGatewayProperty: INodeProperties = {
	displayName: 'Gateway',
	name: 'gateway',
	type: 'options',
	noDataExpression: true,
	options: REPORTING_GATEWAYS.map((definition) => ({ name: definition.label, value: definition.id })),
	default: 'smsAssistent',
	description: 'The gateway whose delivery reports arrive at this URL',
};

export const reportHowToNotices: INodeProperties[] = REPORTING_GATEWAYS.map((definition) => ({
	displayName: HOW_REPORTS_ARRIVE[definition.reports?.urlGiven ?? 'perSend'],
	name: 'reportNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { gateway: [definition.id] } },
}));

export const reportSecretProperty: INodeProperties = {
	displayName: 'URL Secret',
	name: 'secret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'The secret the gateway must send as ?secret= in the URL; calls without it get 403 and start nothing. Use at least 16 random characters (e.g. openssl rand -hex 24). Leave empty to have one generated when the workflow is published (kept across republishing; see the README for where to read it).',
};

export const reportEventProperty: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Final Status', value: 'finalStatus', description: 'Only delivered, undelivered, expired, rejected or failed' },
		{ name: 'Status Changed', value: 'statusChanged', description: 'Every new status of a message' },
	],
	default: 'finalStatus',
};

/** Only the Redis tracking store's credential: the built-in store needs none, and a gateway's report carries no credential of ours. */
export function reportTriggerCredentials(): INodeCredentialDescription[] {
	return [redisTrackingCredential];
}
