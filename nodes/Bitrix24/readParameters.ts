import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** A text parameter, trimmed; refused with the item, the parameter and the reason when it is not text or empty. */
export function readText(context: IExecuteFunctions, name: string, label: string, itemIndex: number, { optional = false } = {}): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex}: "${label}" must be text, got ${describe(value)}`, { itemIndex });
	}
	const text = value.trim();
	if (!optional && text === '') {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex}: "${label}" is empty`, { itemIndex });
	}
	return text;
}

/** A text parameter that must match a pattern, with the rule said in the error. */
export function readMatching(context: IExecuteFunctions, name: string, label: string, itemIndex: number, pattern: RegExp, rule: string): string {
	const text = readText(context, name, label, itemIndex);
	if (!pattern.test(text)) {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex}: "${label}" ${JSON.stringify(text)} is not valid: ${rule}`, { itemIndex });
	}
	return text;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
