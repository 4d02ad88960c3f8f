import { isExpression, type IExecuteFunctions, type INode, type NodeParameterValueType } from 'n8n-workflow';

/**
 * A node parameter read once per run when it cannot differ between items: one that holds no
 * expression anywhere in it (n8n's own isExpression, a text starting with "=") evaluates the same
 * for every item, so item 0's value is every item's. A parameter with an expression is read per
 * item, as before. The values of one run are kept with the run's context, so the next run (a new
 * context) reads afresh. A Send Batch of 100,000 items otherwise makes its handful of reads per
 * item, each a deep copy and an expression check in n8n.
 */
interface RunReads {
	/** The node as this run has it: n8n's getNode() makes a deep copy of it at every call. */
	node: INode;
	/** Per parameter name, one entry per fallback it is read with (the same parameter read with another fallback may read differently). */
	parameters: Map<string, ParameterRead[]>;
}

interface ParameterRead {
	fallback: unknown;
	constant: boolean;
	value?: unknown;
}

const runs = new WeakMap<IExecuteFunctions, RunReads>();

function runOf(context: IExecuteFunctions): RunReads {
	let run = runs.get(context);
	if (!run) {
		run = { node: context.getNode(), parameters: new Map() };
		runs.set(context, run);
	}
	return run;
}

/** The node's settings (type version, parameters as stored), copied from n8n once per run. */
export function runNode(context: IExecuteFunctions): INode {
	return runOf(context).node;
}

export function nodeParameter(context: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	const run = runOf(context);
	let reads = run.parameters.get(name);
	if (!reads) {
		reads = [];
		run.parameters.set(name, reads);
	}
	let read: ParameterRead | undefined;
	for (const known of reads) {
		if (sameFallback(known.fallback, fallback)) {
			read = known;
			break;
		}
	}
	if (!read) {
		read = { fallback, constant: !holdsExpression(run.node.parameters[name]) };
		reads.push(read);
	}
	if (!read.constant) return readNow(context, name, itemIndex, fallback);
	if (!('value' in read)) read.value = readNow(context, name, itemIndex, fallback);
	return read.value;
}

function readNow(context: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	return context.getNodeParameter(name, itemIndex, fallback as NodeParameterValueType) as unknown;
}

/** Fallbacks are texts, numbers or small literals ({}): equal values, not only the same object. */
function sameFallback(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (isEmptyObject(a) && isEmptyObject(b)) return true;
	return JSON.stringify(a) === JSON.stringify(b);
}

function isEmptyObject(value: object): boolean {
	if (Array.isArray(value)) return false;
	for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false;
	return true;
}

/** Whether an expression sits anywhere in a parameter's stored value (a collection's option, a locator's value). */
function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}
