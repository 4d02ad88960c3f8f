import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { GatewayHandle } from '../../glue/gatewayFromParameters';
import { accountFailure } from '../../glue/nodeErrors';

/** List Senders: one item per sender name registered on the account. */
export async function listSenders(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	try {
		const senders = await handle.gateway.listSenders();
		return senders.map((sender) => ({ json: { gateway: handle.definition.id, sender }, pairedItem: { item: 0 } }));
	} catch (error) {
		return accountFailure(context, error, { gateway: handle.definition.id, sender: null });
	}
}
