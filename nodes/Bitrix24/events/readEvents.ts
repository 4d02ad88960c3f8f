import { choiceFrom, collectionFrom, LAST_VALUE_STORES, ParameterError, stopOnParameterError, type LastValueStoreKind } from '../../glue';
import type { TriggerContext } from '../provider/readTriggerParameters';
import { CRM_EVENT_KEYS, CRM_EVENTS, type CrmEventKey } from './crmEvents';

/** The trigger's Events: a non-empty list of its own keys (an expression may give anything), without repeats. */
export function readEvents(context: TriggerContext): CrmEventKey[] {
	return stopOnParameterError(context, () => {
		const value = context.getNodeParameter('events', []) as unknown;
		const list = typeof value === 'string' ? [value] : value;
		if (!Array.isArray(list)) throw new ParameterError(0, 'Events', 'must be a list of events');
		if (list.length === 0) throw new ParameterError(0, 'Events', 'is empty: choose at least one event');
		const wrong = list.find((key) => typeof key !== 'string' || !Object.hasOwn(CRM_EVENTS, key));
		if (wrong !== undefined) {
			const shown = typeof wrong === 'string' ? `"${wrong.slice(0, 40)}"` : `a ${typeof wrong}`;
			throw new ParameterError(0, 'Events', `has ${shown}, which is not one of ${CRM_EVENT_KEYS.join(', ')}`);
		}
		return [...new Set(list as CrmEventKey[])];
	});
}

/** The Bitrix24 event names to bind for the chosen keys, each once (Bitrix24 refuses a second bind of one event to one handler). */
export const bitrix24EventsOf = (keys: readonly CrmEventKey[]): string[] => [...new Set(keys.flatMap((key) => CRM_EVENTS[key].events))];

/** Where Deal Stage Changed keeps each deal's last stage (Options → Stage Store): built-in or Redis. */
export function readStageStore(context: TriggerContext): LastValueStoreKind {
	return stopOnParameterError(context, () => {
		const options = collectionFrom(context.getNodeParameter('options', {}), 0, 'Options');
		return choiceFrom(options.stageStore, LAST_VALUE_STORES, 'builtIn', 0, 'Stage Store');
	});
}
