import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INode } from 'n8n-workflow';
import { describeValue } from '../core/text/textRule';
import { nodeParameter } from './runParameters';

/**
 * Node parameters read with their type checked where they are read. n8n hands a parameter over
 * as whatever its expression evaluated to ("true", 1, an object), so a `=== true` or a `String()`
 * would quietly turn a mistake into another setting: a dry run that sends, "[object Object]" as a
 * text. Every reader here accepts a documented set of spellings and refuses the rest with an
 * error that names the item, the parameter and the reason.
 */

/** A refusal of one parameter of one item; `message` already names both. */
export class ParameterError extends Error {
	constructor(
		readonly itemIndex: number,
		readonly parameter: string,
		readonly reason: string,
	) {
		super(`Item ${itemIndex}: ${parameter} ${reason}`);
		this.name = 'ParameterError';
	}
}

/** The NodeOperationError n8n shows for a ParameterError; nothing has been sent when it is thrown. */
export function parameterNodeError(context: { getNode(): INode }, error: ParameterError): NodeOperationError {
	return new NodeOperationError(context.getNode(), error.message, {
		itemIndex: error.itemIndex,
		description: 'Error code: bad_request. Nothing was sent.',
	});
}

// The spellings an expression may give for a boolean. Anything else ("yes", "maybe", 2) is
// refused: guessing would decide, for example, whether a dry run sends.
const TRUE_SPELLINGS: ReadonlySet<unknown> = new Set([true, 1, 'true', '1']);
const FALSE_SPELLINGS: ReadonlySet<unknown> = new Set([false, 0, 'false', '0']);

/** true/false, 1/0 and "true"/"false"/"1"/"0" (any case, trimmed); empty means `fallback`. */
export function booleanFrom(value: unknown, fallback: boolean, itemIndex: number, parameter: string): boolean {
	if (value === undefined || value === null || value === '') return fallback;
	const key = typeof value === 'string' ? value.trim().toLowerCase() : value;
	if (TRUE_SPELLINGS.has(key)) return true;
	if (FALSE_SPELLINGS.has(key)) return false;
	throw new ParameterError(itemIndex, parameter, `must be true or false (or 1 / 0), not ${shown(value)}`);
}

export interface NumberRule {
	min?: number;
	max?: number;
	integer?: boolean;
}

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A finite number, or a text that is one ("2.5"); empty means `fallback`. */
export function numberFrom(value: unknown, fallback: number, itemIndex: number, parameter: string, rule: NumberRule = {}): number {
	if (value === undefined || value === null || value === '') return fallback;
	const number = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC_TEXT.test(value.trim()) ? Number(value) : NaN;
	if (!Number.isFinite(number)) throw new ParameterError(itemIndex, parameter, `must be a number, not ${shown(value)}`);
	if (rule.integer && !Number.isInteger(number)) throw new ParameterError(itemIndex, parameter, `must be a whole number, not ${number}`);
	if (rule.min !== undefined && number < rule.min) throw new ParameterError(itemIndex, parameter, `must be at least ${rule.min}, not ${number}`);
	if (rule.max !== undefined && number > rule.max) throw new ParameterError(itemIndex, parameter, `must be at most ${rule.max}, not ${number}`);
	return number;
}

/** A text parameter: a string (trimmed); numbers are written out; empty means `fallback`. */
export function stringFrom(value: unknown, fallback: string, itemIndex: number, parameter: string): string {
	if (value === undefined || value === null) return fallback;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') throw new ParameterError(itemIndex, parameter, `must be text, not ${describeValue(value)}`);
	const text = value.trim();
	return text === '' ? fallback : text;
}

/**
 * A required text parameter that must match `pattern`; `rule` says what is expected. The value is
 * quoted in the error unless `quote` is false (a URL may carry a secret in its query).
 */
export function matchingFrom(value: unknown, pattern: RegExp, rule: string, itemIndex: number, parameter: string, { quote = true } = {}): string {
	const text = stringFrom(value, '', itemIndex, parameter);
	if (text === '') throw new ParameterError(itemIndex, parameter, 'is empty');
	if (!pattern.test(text)) throw new ParameterError(itemIndex, parameter, `${quote ? `${shown(text)} ` : ''}is not valid: ${rule}`);
	return text;
}

/** One of a fixed set of values (a dropdown given by expression); `labels` name them in the error. */
export function choiceFrom<T extends string>(value: unknown, allowed: readonly T[], fallback: T, itemIndex: number, parameter: string): T {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	throw new ParameterError(itemIndex, parameter, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, not ${shown(value)}`);
}

/** A collection parameter (Options): an object; anything else is refused. */
export function collectionFrom(value: unknown, itemIndex: number, parameter: string): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	throw new ParameterError(itemIndex, parameter, `must be a set of options, not ${describeValue(value)}`);
}

/** Runs reads and checks; a refusal becomes the node error naming the item (the run stops). */
export function stopOnParameterError<T>(context: { getNode(): INode }, read: () => T): T {
	try {
		return read();
	} catch (error) {
		if (error instanceof ParameterError) throw parameterNodeError(context, error);
		throw error;
	}
}

/** Reads one parameter and checks it; a refusal becomes the node error naming the item. */
export function readParameter<T>(context: IExecuteFunctions, name: string, itemIndex: number, missing: unknown, check: (value: unknown) => T): T {
	// `missing` is what an absent parameter reads as (n8n throws for an absent one without it).
	// Read once per run unless it holds an expression; checked for every item, so a refusal names it.
	try {
		return check(nodeParameter(context, name, itemIndex, missing));
	} catch (error) {
		if (error instanceof ParameterError) throw parameterNodeError(context, error);
		throw error;
	}
}

/** A value as an error message shows it: texts quoted and cut short, other types by kind. */
export function shown(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return describeValue(value);
}

/** A table look-up that only finds the table's own entries ("constructor", "__proto__" are not operations). */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: unknown): V | undefined {
	return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
