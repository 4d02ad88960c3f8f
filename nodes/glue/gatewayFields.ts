import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { GATEWAY_DEFINITIONS } from '../gateways/registry';

/**
 * The Gateway field every node of the package starts with. Each value maps to exactly one credential
 * type (gatewayCredentials), which makes it the node's authentication field for the n8n editor
 * (1.x and 2.x): the editor hides it from the panel, lists the credentials of every gateway in the
 * one Credential field, sets the gateway from the type of the credential picked, and offers the
 * gateways as "Connect using" (1.x) or a switch at the top (2.x) of the new-credential dialog.
 */
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
 * n8n needs the credential list up front, so it comes from the registry: one credential type per
 * gateway, required, and shown only for that gateway. Two gateways sharing a type could not be told
 * apart by the editor (it would set the first of them).
 */
export function gatewayCredentials(): INodeCredentialDescription[] {
	return GATEWAY_DEFINITIONS.map((definition) => ({
		name: definition.credentialName,
		required: true,
		displayOptions: { show: { gateway: [definition.id] } },
	}));
}

/**
 * The editor does not show the Gateway field, so a notice per gateway says in the panel which one
 * the node uses and how to change it.
 */
export const gatewayNotices: INodeProperties[] = GATEWAY_DEFINITIONS.map((definition) => ({
	displayName: `Gateway: ${definition.label}. To use another gateway, choose or create a credential of that gateway above.`,
	name: 'gatewayNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { gateway: [definition.id] } },
}));
