import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { providerCodeProperty } from '../descriptions/providerCode';
import { showFor } from '../descriptions/showFor';
import { eachItem } from '../eachItem';
import { readProviderCode } from '../readParameters';
import { callBitrix24 } from '../transport/callBitrix24';

/** messageservice.sender.delete (CODE). */
export const description: INodeProperties[] = showFor('unregisterProvider', [providerCodeProperty]);

export async function execute(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem(context, async (itemIndex) => {
		const code = readProviderCode(context, itemIndex);
		await callBitrix24(context, 'messageservice.sender.delete', { CODE: code }, itemIndex);
		return { code, unregistered: true };
	});
}
