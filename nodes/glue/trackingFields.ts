import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { gatewayCredentials } from './gatewayFields';
import { REDIS_CREDENTIAL } from './trackingStore';

/**
 * The Tracking Store option, the same on the sending node and on the triggers that read what it
 * wrote: a sender and its trigger must name the same store (and, for Redis, the same Redis).
 */
export const trackingStoreOption: INodeProperties = {
	displayName: 'Tracking Store',
	name: 'trackingStore',
	type: 'options',
	options: [
		{
			name: 'Built-In',
			value: 'builtIn',
			description: 'A file in the n8n user folder; needs n8n 2.x (Node.js 22.13 or later)',
		},
		{
			name: 'Redis',
			value: 'redis',
			description: "A Redis reached through n8n's Redis credential; for queue mode, where main and workers are separate processes: it also holds each gateway account's rate limits and login session for all workers",
		},
	],
	default: 'builtIn',
	description: 'Where tracked messages are kept between executions; the sending node and the SMS Gateway Trigger must use the same one',
};

/**
 * n8n's own Redis credential, asked for only when the Tracking Store option is Redis. The
 * condition names the option inside the Options collection ("options.trackingStore"): a top-level
 * field that a credential depends on would be taken by the editor for the node's authentication
 * field and hidden from the panel, as the Gateway field is.
 */
export const redisTrackingCredential: INodeCredentialDescription = {
	name: REDIS_CREDENTIAL,
	required: true,
	displayName: 'Redis (Tracking Store)',
	displayOptions: { show: { 'options.trackingStore': ['redis'] } },
};

/** The credentials of a node that reads or writes the tracking store: the gateway's, and Redis when chosen. */
export function trackingNodeCredentials(): INodeCredentialDescription[] {
	return [...gatewayCredentials(), redisTrackingCredential];
}
