import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { type GatewayHandle, accountFailure } from '../../glue';

/** No fields: it asks about the account. */
export const description: INodeProperties[] = [];

/** Get Balance: one item for the account, whatever the number of input items. */
export async function execute(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	try {
		const balance = await handle.gateway.getBalance();
		return [{ json: { gateway: handle.definition.id, amount: balance.amount, unit: balance.unit }, pairedItem: { item: 0 } }];
	} catch (error) {
		return accountFailure(context, error, { gateway: handle.definition.id, amount: null, unit: null });
	}
}
