import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { GatewayHandle } from '../createGateway';
import { asSmsError, errorJson, gatewayApiError } from '../errors';

/** Get Balance: one item for the account, whatever the number of input items. */
export async function getBalance(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	try {
		const balance = await handle.gateway.getBalance();
		return [{ json: { gateway: handle.definition.id, amount: balance.amount, unit: balance.unit }, pairedItem: { item: 0 } }];
	} catch (error) {
		const cause = asSmsError(error);
		if (!context.continueOnFail()) throw gatewayApiError(context.getNode(), cause);
		return [{ json: { gateway: handle.definition.id, amount: null, unit: null, error: errorJson(cause) }, pairedItem: { item: 0 } }];
	}
}
