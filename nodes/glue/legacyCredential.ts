import { NodeOperationError, type INode } from 'n8n-workflow';
import type { GatewayDefinition } from '../core/adapter/GatewayDefinition';

/** Version 0.1.0 served A1 and SMSClub with this one credential type; each has its own since 0.2.0. */
const LEGACY_CREDENTIAL = 'smsBearerTokenApi';

/**
 * A workflow saved with 0.1.0 names the old shared credential type, which no longer exists. Say
 * exactly what to change, instead of n8n's generic "node does not have any credentials set".
 */
export function assertNoLegacyCredential(node: INode, definition: GatewayDefinition): void {
	const credentials = node.credentials ?? {};
	const legacy = credentials[LEGACY_CREDENTIAL];
	if (!legacy || credentials[definition.credentialName]) return;
	// Only A1 and SMSClub used it; their credential types are "A1 API" and "SMSClub API".
	const wanted = `${definition.label} API`;
	throw new NodeOperationError(
		node,
		`The credential "${legacy.name}" is of the type "SMS Bearer Token API", which this version no longer has: ${definition.label} has its own credential type "${wanted}"`,
		{
			description:
				`Open the node "${node.name}", choose "Create new credential" in its Credential field, pick ${definition.label}, ` +
				`enter the same values as in "${legacy.name}" (token, or user name and password, and base URL) and save. ` +
				'Nothing else in the node changes.',
		},
	);
}
