import type { INodeProperties } from 'n8n-workflow';

/** Bitrix24's rule for a provider's CODE (messageservice.sender.add). */
export const PROVIDER_CODE_PATTERN = /^[a-zA-Z0-9._-]+$/;
export const PROVIDER_CODE_RULE = 'use letters, digits, dot, dash or underscore';

export const providerCodeProperty: INodeProperties = {
	displayName: 'Provider Code',
	name: 'code',
	type: 'string',
	default: 'n8n_sms',
	required: true,
	description: 'The CODE the provider was registered with: letters a–z and A–Z, digits, dot, dash and underscore',
};
