import type { IWebhookFunctions } from 'n8n-workflow';
import { withLastValueStore, type LastValueStoreKind } from '../../glue';
import { callBitrix24 } from '../transport/callBitrix24';
import { dealStageKey, dealStageOf, stageChange, type DealStageChange } from './dealStage';

/**
 * For a verified ONCRMDEALUPDATE or ONCRMDEALADD call: reads the deal's stage now, stores it in
 * place of the one stored before and returns the change, if any. A deal Bitrix24 has removed
 * meanwhile, or an answer without a stage, throws; so does a store that cannot be reached.
 */
export async function watchDealStage(context: IWebhookFunctions, kind: LastValueStoreKind, memberId: string, dealId: string): Promise<DealStageChange | undefined> {
	const deal = await callBitrix24(context, 'crm.deal.get', { id: dealId });
	const stage = dealStageOf(deal);
	if (!stage) throw new Error(`crm.deal.get gave deal ${dealId} without a STAGE_ID`);
	const previous = await withLastValueStore(context, kind, (store) => store.swap(dealStageKey(memberId, dealId), stage.stageId));
	return stageChange(previous, stage);
}
