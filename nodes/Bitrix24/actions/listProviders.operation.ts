import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { callBitrix24 } from '../transport/callBitrix24';

/** messageservice.sender.list: the CODEs this application registered. Account-wide: one call, one item. */
export const description: INodeProperties[] = [];

export async function execute(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const result = await callBitrix24(context, 'messageservice.sender.list');
	const codes = Array.isArray(result) ? result.map(String) : [];
	return [{ json: { codes }, pairedItem: { item: 0 } }];
}
