import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { GatewayHandle } from '../createGateway';
import { asSmsError, errorJson, gatewayApiError } from '../errors';

/** List Senders: one item per sender name registered on the account. */
export async function listSenders(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	try {
		const senders = await handle.gateway.listSenders();
		return senders.map((sender) => ({ json: { gateway: handle.definition.id, sender }, pairedItem: { item: 0 } }));
	} catch (error) {
		const cause = asSmsError(error);
		if (!context.continueOnFail()) throw gatewayApiError(context.getNode(), cause);
		return [{ json: { gateway: handle.definition.id, sender: null, error: errorJson(cause) }, pairedItem: { item: 0 } }];
	}
}
