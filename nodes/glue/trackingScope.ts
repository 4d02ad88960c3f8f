import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import type { GatewayDefinition } from '../core/adapter/GatewayDefinition';
import type { TrackingScope } from '../core/tracking/TrackingStore';

/**
 * The gateway account messages are tracked under: the gateway and the n8n credential the node
 * uses. The trigger polls with its credential and so finds exactly the messages sent with it.
 */
export function trackingScope(context: IExecuteFunctions | IPollFunctions, definition: GatewayDefinition): TrackingScope {
	const credential = context.getNode().credentials?.[definition.credentialName];
	return { gateway: definition.id, credentialId: credential?.id ?? credential?.name ?? definition.credentialName };
}
