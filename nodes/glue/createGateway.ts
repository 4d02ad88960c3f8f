import { NodeOperationError, type IExecuteFunctions, type ILoadOptionsFunctions, type IPollFunctions } from 'n8n-workflow';
import type { GatewayAdapter } from '../core/adapter/GatewayAdapter';
import type { GatewayDefinition } from '../core/adapter/GatewayDefinition';
import { DEFAULT_RETRY_POLICY } from '../core/adapter/retry';
import { findGatewayDefinition } from '../gateways/registry';
import { toSmsError } from '../core/errors/toSmsError';
import { gatewayApiError } from './nodeErrors';
import { createGatewayTransport } from './gatewayTransport';
import { shown } from './readParameters';
import { assertNoLegacyCredential } from './legacyCredential';
import type { SharedState } from './sharedState';

export interface GatewayHandle {
	definition: GatewayDefinition;
	gateway: GatewayAdapter;
}

/**
 * Finds the selected gateway in the registry and builds its adapter on the gateway transport
 * (gatewayTransport.ts: persistent connections under n8n's egress filter, or n8n's request helper).
 * `sharedState`: where its account limits and login sessions live when not in this process (Redis).
 */
export async function createGateway(
	context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	gatewayId: unknown,
	maxRetryWaitSeconds?: number,
	sharedState?: (definition: GatewayDefinition) => SharedState,
): Promise<GatewayHandle> {
	const definition = typeof gatewayId === 'string' ? findGatewayDefinition(gatewayId) : undefined;
	if (!definition) {
		throw new NodeOperationError(context.getNode(), `Item 0: Gateway ${shown(gatewayId)} is not a gateway this node knows`, {
			itemIndex: 0,
			description: 'Choose the gateway from the list. Nothing was sent.',
		});
	}
	assertNoLegacyCredential(context.getNode(), definition);
	const credentials = await context.getCredentials(definition.credentialName);
	const transport = createGatewayTransport(context, definition.credentialName, credentials);
	const usable = maxRetryWaitSeconds !== undefined && Number.isFinite(maxRetryWaitSeconds) && maxRetryWaitSeconds >= 0;
	try {
		const gateway = definition.create(credentials, transport, {
			...sharedState?.(definition),
			retryPolicy: { ...DEFAULT_RETRY_POLICY, maxWaitMs: usable ? maxRetryWaitSeconds * 1000 : DEFAULT_RETRY_POLICY.maxWaitMs },
		});
		return { definition, gateway };
	} catch (error) {
		throw gatewayApiError(context.getNode(), toSmsError(error));
	}
}
