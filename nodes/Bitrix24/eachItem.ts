import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

/**
 * Runs `work` once per input item, in order (one Bitrix24 call at a time keeps within its rate
 * limit of about two requests a second). Every output item is paired with its input; with
 * Continue On Fail a failed item becomes `{error}` and the others go on.
 */
export async function eachItem(
	context: IExecuteFunctions,
	work: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const items = context.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await work(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!context.continueOnFail()) {
				if (error instanceof Error && 'node' in error) throw error;
				throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
			}
			output.push({ json: { error: errorText(error) }, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}

function errorText(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}
