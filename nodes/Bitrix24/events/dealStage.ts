/**
 * Telling a deal's stage change from any other edit. Bitrix24 raises ONCRMDEALUPDATE for every
 * edit with only the deal's ID (https://apidocs.bitrix24.com/api-reference/crm/deals/events/on-crm-deal-update.html),
 * so the trigger reads the deal (crm.deal.get: STAGE_ID, CATEGORY_ID,
 * https://apidocs.bitrix24.com/api-reference/crm/deals/crm-deal-get.html) and swaps its stage
 * into a LastValueStore: a change is a previous stage that is known and differs. Plain TypeScript.
 */
export interface DealStage {
	stageId: string;
	/** The deal's pipeline (CATEGORY_ID; "0" is the general one), or null when Bitrix24 gives none. */
	categoryId: string | null;
}

export interface DealStageChange extends DealStage {
	previousStageId: string;
}

const STAGE_ID = /^[A-Za-z0-9_:.-]{1,100}$/;

/** STAGE_ID and CATEGORY_ID of a crm.deal.get result; undefined when the answer has no usable stage. */
export function dealStageOf(deal: unknown): DealStage | undefined {
	const record = deal && typeof deal === 'object' ? (deal as Record<string, unknown>) : {};
	const stageId = record.STAGE_ID;
	if (typeof stageId !== 'string' || !STAGE_ID.test(stageId)) return undefined;
	const category = record.CATEGORY_ID;
	const categoryId = typeof category === 'string' || typeof category === 'number' ? String(category) : null;
	return { stageId, categoryId };
}

/** The store key of a deal: the portal's member_id and the deal's id, so one store serves several portals. */
export const dealStageKey = (memberId: string, dealId: string): string => `bitrix24:${memberId}:deal:${dealId}`;

/** A change when the stage before is known and differs; the first stage seen of a deal is only remembered. */
export function stageChange(previousStageId: string | undefined, stage: DealStage): DealStageChange | undefined {
	if (previousStageId === undefined || previousStageId === stage.stageId) return undefined;
	return { stageId: stage.stageId, previousStageId, categoryId: stage.categoryId };
}
