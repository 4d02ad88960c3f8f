import type { IExecuteFunctions } from 'n8n-workflow';
import { choiceFrom, matchingFrom, ParameterError, readParameter, stringFrom } from '../glue';
import { PROVIDER_CODE_PATTERN, PROVIDER_CODE_RULE } from './descriptions/providerCode';

/**
 * The Bitrix24 node's parameters, each read through the glue's checked readers: an expression's
 * number, object or list is refused with the item, the parameter and the reason, before any call.
 */

/** A required text that must match `pattern`; `quote: false` keeps the value (a URL with a secret) out of the error. */
export function readMatching(
	context: IExecuteFunctions,
	name: string,
	parameter: string,
	itemIndex: number,
	pattern: RegExp,
	rule: string,
	options?: { quote?: boolean },
): string {
	return readParameter(context, name, itemIndex, '', (value) => matchingFrom(value, pattern, rule, itemIndex, parameter, options));
}

/** A text; empty gives `fallback` (required fields pass a `fallback` of '' and check it themselves). */
export function readText(context: IExecuteFunctions, name: string, parameter: string, itemIndex: number, fallback = ''): string {
	return readParameter(context, name, itemIndex, '', (value) => stringFrom(value, fallback, itemIndex, parameter));
}

/** One value of a dropdown (which an expression may fill with anything); empty is refused unless there is a `fallback`. */
export function readChoice<T extends string>(context: IExecuteFunctions, name: string, parameter: string, itemIndex: number, allowed: readonly T[], fallback?: T): T {
	return readParameter(context, name, itemIndex, '', (value) => {
		if (fallback === undefined && (value === undefined || value === null || value === '')) throw new ParameterError(itemIndex, parameter, 'is empty');
		return choiceFrom(value, allowed, fallback ?? allowed[0], itemIndex, parameter);
	});
}

export function readProviderCode(context: IExecuteFunctions, itemIndex: number): string {
	return readMatching(context, 'code', 'Provider Code', itemIndex, PROVIDER_CODE_PATTERN, PROVIDER_CODE_RULE);
}
