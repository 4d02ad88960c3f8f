import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { type GatewayHandle, accountFailure } from '../../glue';

/** No fields: it asks about the account. */
export const description: INodeProperties[] = [];

/** List Senders: one item per sender name registered on the account. */
export async function execute(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	try {
		const senders = await handle.gateway.listSenders();
		return senders.map((sender) => ({ json: { gateway: handle.definition.id, sender }, pairedItem: { item: 0 } }));
	} catch (error) {
		return accountFailure(context, error, { gateway: handle.definition.id, sender: null });
	}
}
