import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { matchingFrom, stopOnParameterError, stringFrom } from '../../glue';
import { PROVIDER_CODE_PATTERN, PROVIDER_CODE_RULE } from '../descriptions/providerCode';

/** What a Bitrix24 trigger reads its parameters from: activation hooks and webhook calls. */
export type TriggerContext = Pick<IHookFunctions | IWebhookFunctions, 'getNode' | 'getNodeParameter'>;

// A trigger's parameters, type-checked where read (an expression may give a number or an object);
// a refusal names the parameter and the reason. A trigger has no items: its reads are item 0's.

export const readCode = (context: TriggerContext): string =>
	stopOnParameterError(context, () => matchingFrom(context.getNodeParameter('code', ''), PROVIDER_CODE_PATTERN, PROVIDER_CODE_RULE, 0, 'Provider Code'));

export const readName = (context: TriggerContext): string =>
	stopOnParameterError(context, () => matchingFrom(context.getNodeParameter('name', ''), /^[^\p{Cc}]+$/u, 'no line breaks or control characters', 0, 'Provider Name'));

export const readCountry = (context: TriggerContext): string =>
	stopOnParameterError(context, () =>
		matchingFrom(context.getNodeParameter('defaultCountry', 'BY') || 'BY', /^[A-Za-z]{2}$/, 'expected a two-letter country code', 0, 'Default Country'),
	).toUpperCase();

/** A refusal names the kind of value, never the value: it is a secret. */
export const readApplicationToken = (context: TriggerContext): string =>
	stopOnParameterError(context, () => stringFrom(context.getNodeParameter('applicationToken', ''), '', 0, 'Application Token'));
