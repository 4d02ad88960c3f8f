import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { ownEntry, shown } from './readParameters';

/**
 * One operation of a node, as its `<name>.operation.ts` file exports it: its fields, and what it
 * does with the items. `Extra` is what the node hands every operation besides the context (the
 * SMS Gateway node: the chosen gateway; Bitrix24: nothing).
 */
export interface NodeOperation<Extra extends unknown[] = []> {
	description: INodeProperties[];
	execute(context: IExecuteFunctions, ...extra: Extra): Promise<INodeExecutionData[]>;
}

/** The fields of every operation of a node's table, in the table's order. */
export function operationFields(operations: Readonly<Record<string, { description: INodeProperties[] }>>): INodeProperties[] {
	return Object.values(operations).flatMap((operation) => operation.description);
}

/**
 * The operation the node's Operation parameter names, from the table's own entries only
 * ("constructor" is not an operation); anything else (an expression's text, number or object) is
 * refused before anything is sent.
 */
export function chosenOperation<T>(context: IExecuteFunctions, operations: Readonly<Record<string, T>>): T {
	const operation = context.getNodeParameter('operation', 0) as unknown;
	const chosen = ownEntry(operations, operation);
	if (chosen === undefined) {
		throw new NodeOperationError(context.getNode(), `Item 0: Operation ${shown(operation)} is not an operation of this node`, {
			itemIndex: 0,
			description: `Choose one of: ${Object.keys(operations).join(', ')}. Nothing was sent.`,
		});
	}
	return chosen;
}
