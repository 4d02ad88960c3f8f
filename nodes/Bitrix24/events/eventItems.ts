import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { CRM_EVENTS, type CrmEventKey } from './crmEvents';
import type { EventCall } from './readEventCall';
import { readStageStore } from './readEvents';
import { watchDealStage } from './watchDealStage';

export interface EventItems {
	items: IDataObject[];
	/** A deal's stage could not be read or stored (logged); its change, if any, is not in `items`. */
	stageUnknown: boolean;
}

/**
 * The items of one verified event call: one per chosen trigger it serves. Added and Updated give
 * theirs at once; Deal Stage Changed gives one only when the deal's stage differs from the one
 * stored before (a deal's first stage seen is only stored).
 */
export async function eventItems(context: IWebhookFunctions, call: EventCall, keys: readonly CrmEventKey[]): Promise<EventItems> {
	const about = { bitrix24Event: call.event, handlerId: call.handlerId, portal: call.portal, memberId: call.memberId, firedAt: call.firedAt };
	const items: IDataObject[] = [];
	let stageUnknown = false;
	for (const key of keys) {
		const { entityType, change } = CRM_EVENTS[key];
		if (change !== 'stageChanged') {
			items.push({ event: key, entityType, entityId: call.entityId, ...about });
			continue;
		}
		try {
			const stage = await watchDealStage(context, readStageStore(context), call.memberId, call.entityId);
			if (stage) items.push({ event: key, entityType, entityId: call.entityId, ...stage, ...about });
		} catch (error) {
			// The change cannot be told now; the deal's next call compares with the stage stored before.
			stageUnknown = true;
			context.logger.warn(`Bitrix24 Trigger: the stage of deal ${call.entityId} could not be read or stored: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
	return { items, stageUnknown };
}
