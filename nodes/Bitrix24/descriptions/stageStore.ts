import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { REDIS_CREDENTIAL, storeChoice } from '../../glue';
import { BITRIX24_CREDENTIAL } from '../transport/callBitrix24';

/** The Bitrix24 Trigger's Options, shown only for Deal Stage Changed: where each deal's last stage is kept. */
export const stageStoreOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	// "/events" (the same field, named from the root) rather than "events": when a field that a
	// collection's display condition names directly changes, the n8n editor drops the whole
	// collection, so adding another event would silently put a Redis Stage Store back to Built-In.
	displayOptions: { show: { '/events': ['dealStageChanged'] } },
	options: [
		storeChoice('Stage Store', 'stageStore', "Where each deal's last seen stage is kept, to tell a stage change from any other edit of the deal"),
	],
};

/**
 * n8n's own Redis credential, asked for only when the Stage Store is Redis. The condition names
 * the option inside the Options collection: a top-level field a credential depends on would be
 * taken by the editor for the node's authentication field and hidden from the panel.
 */
export const redisStageCredential: INodeCredentialDescription = {
	name: REDIS_CREDENTIAL,
	required: true,
	displayName: 'Redis (Stage Store)',
	displayOptions: { show: { 'options.stageStore': ['redis'] } },
};

/** The Bitrix24 Trigger's credentials: the portal's, and Redis when the Stage Store is Redis. */
export function eventTriggerCredentials(): INodeCredentialDescription[] {
	return [{ name: BITRIX24_CREDENTIAL, required: true }, redisStageCredential];
}
