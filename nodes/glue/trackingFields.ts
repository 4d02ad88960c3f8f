import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { gatewayCredentials } from './gatewayFields';
import { REDIS_CREDENTIAL } from './trackingStore';

/** Said of every Redis store choice; a store may add what else its Redis holds. */
const REDIS_STORE = "A Redis reached through n8n's Redis credential; for queue mode, where main and workers are separate processes";

/**
 * A store choice, Built-In or Redis, as every node of this package offers it (the Tracking Store,
 * the Bitrix24 Trigger's Stage Store): one wording of what each store needs. `redisHolds` ends the
 * Redis choice's description with what else that Redis is used for.
 */
export function storeChoice(displayName: string, name: string, description: string, redisHolds?: string): INodeProperties {
	return {
		displayName,
		name,
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
				description: redisHolds ? `${REDIS_STORE}: ${redisHolds}` : REDIS_STORE,
			},
		],
		default: 'builtIn',
		description,
	};
}

/**
 * The Tracking Store option, the same on the sending node and on the triggers that read what it
 * wrote: a sender and its trigger must name the same store (and, for Redis, the same Redis).
 */
export const trackingStoreOption: INodeProperties = storeChoice(
	'Tracking Store',
	'trackingStore',
	'Where tracked messages are kept between executions; the sending node and the SMS Gateway Trigger must use the same one',
	"it also holds each gateway account's rate limits and login session for all workers",
);

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
