import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { providerCodeProperty, PROVIDER_CODE_PATTERN } from '../descriptions/providerCode';
import { showFor } from '../descriptions/showFor';
import { eachItem } from '../eachItem';
import { readMatching } from '../readParameters';
import { callBitrix24 } from '../transport/callBitrix24';

/** messageservice.sender.delete (CODE). */
export const description: INodeProperties[] = showFor('unregisterProvider', [providerCodeProperty]);

export async function execute(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem(context, async (itemIndex) => {
		const code = readMatching(context, 'code', 'Provider Code', itemIndex, PROVIDER_CODE_PATTERN, 'use letters, digits, dot, dash or underscore');
		await callBitrix24(context, 'messageservice.sender.delete', { CODE: code }, itemIndex);
		return { code, unregistered: true };
	});
}
