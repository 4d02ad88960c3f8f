import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { GATEWAY_DEFINITIONS } from '../gateways/registry';

/** The Gateway field every node of the package starts with, and the credentials it brings in. */
export const gatewayProperty: INodeProperties = {
	displayName: 'Gateway',
	name: 'gateway',
	type: 'options',
	noDataExpression: true,
	options: GATEWAY_DEFINITIONS.map((definition) => ({ name: definition.label, value: definition.id })),
	default: 'smsAssistent',
	description: 'The SMS gateway to use; each gateway has its own credential',
};

/**
 * n8n needs the credential list up front, so it is generated from the registry: one entry per
 * credential type, shown for the gateways that use it (A1 and SMSClub share one).
 */
export function gatewayCredentials(): INodeCredentialDescription[] {
	const gatewaysByCredential = new Map<string, string[]>();
	for (const definition of GATEWAY_DEFINITIONS) {
		const gateways = gatewaysByCredential.get(definition.credentialName) ?? [];
		gateways.push(definition.id);
		gatewaysByCredential.set(definition.credentialName, gateways);
	}
	return [...gatewaysByCredential].map(([name, gateways]) => ({
		name,
		required: true,
		displayOptions: { show: { gateway: gateways } },
	}));
}
