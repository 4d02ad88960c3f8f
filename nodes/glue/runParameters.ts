import { isExpression, type IExecuteFunctions, type NodeParameterValueType } from 'n8n-workflow';

/**
 * A node parameter read once per run when it cannot differ between items: one that holds no
 * expression anywhere in it (n8n's own isExpression, a text starting with "=") evaluates the same
 * for every item, so item 0's value is every item's. A parameter with an expression is read per
 * item, as before. The values of one run are kept with the run's context, so the next run (a new
 * context) reads afresh. A Send Batch of 100,000 items otherwise makes its handful of reads per
 * item, each a deep copy and an expression check in n8n.
 */
const runs = new WeakMap<IExecuteFunctions, Map<string, { constant: boolean; value?: unknown }>>();

export function nodeParameter(context: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	let known = runs.get(context);
	if (!known) {
		known = new Map();
		runs.set(context, known);
	}
	// The key carries the fallback: the same parameter read with another fallback may read differently.
	const key = `${name}\u0000${typeof fallback}\u0000${JSON.stringify(fallback) ?? ''}`;
	let entry = known.get(key);
	if (!entry) {
		entry = { constant: !holdsExpression(context.getNode().parameters[name]) };
		known.set(key, entry);
	}
	if (!entry.constant) return read(context, name, itemIndex, fallback);
	if (!('value' in entry)) entry.value = read(context, name, itemIndex, fallback);
	return entry.value;
}

function read(context: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	return context.getNodeParameter(name, itemIndex, fallback as NodeParameterValueType) as unknown;
}

/** Whether an expression sits anywhere in a parameter's stored value (a collection's option, a locator's value). */
function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}
