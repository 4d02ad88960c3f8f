import type { IDataObject } from 'n8n-workflow';
import { smsError } from '../../core/errors/errorTable';
import type { Balance } from '../../core/adapter/GatewayAdapter';
import { balanceCovers, estimateTotals, type CostEstimate } from '../../core/batch/costEstimate';
import type { GatewayHandle } from '../../glue';
import { toSmsError } from '../../core/errors/toSmsError';
import type { DeliverySettings, Refusal } from './deliverySettings';

export type RunEstimate = CostEstimate & { balanceError?: string };

/** How many messages are to be sent and how many parts they make together. */
export interface MessageTotals {
	messages: number;
	parts: number;
}

/**
 * Parts and cost of the messages to send and, for a dry run or a balance check, the balance
 * before and after. A dry run survives a failing balance request (it reports why); a balance
 * check does not, since nothing may be sent unchecked.
 */
export async function estimateRun(handle: GatewayHandle, toSend: MessageTotals, settings: DeliverySettings): Promise<RunEstimate> {
	const wantsBalance = settings.dryRun || settings.checkBalanceFirst;
	if (!wantsBalance) return estimateTotals(toSend, settings.pricePerPart);
	let balance: Balance | undefined;
	try {
		balance = await handle.gateway.getBalance();
	} catch (error) {
		if (!settings.dryRun) throw error;
		return { ...estimateTotals(toSend, settings.pricePerPart), balanceError: toSmsError(error).message };
	}
	return estimateTotals(toSend, settings.pricePerPart, balance);
}

/** A balance check cannot compare a balance with an unknown price; say so rather than send unchecked. */
export function missingPriceRefusal(settings: DeliverySettings): Refusal | undefined {
	if (!settings.checkBalanceFirst || settings.dryRun || settings.pricePerPart !== undefined) return undefined;
	return {
		error: smsError('bad_request', 'Check Balance First needs a Price Per Part above 0 to estimate the cost; nothing was sent'),
		advice: 'Set Options → Price Per Part to the price of one SMS part in the unit of your balance, or turn Check Balance First off.',
	};
}

export function balanceRefusal(estimate: CostEstimate, settings: DeliverySettings): Refusal | undefined {
	if (!settings.checkBalanceFirst || estimate.parts === 0) return undefined;
	if (balanceCovers(estimate) !== false) return undefined;
	const unit = estimate.unit ? ` ${estimate.unit}` : '';
	return {
		error: smsError(
			'insufficient_funds',
			`The balance of ${estimate.balanceBefore}${unit} does not cover the estimated cost of ${estimate.cost}${unit} ` +
				`(${estimate.parts} parts × ${estimate.pricePerPart}); the whole batch was refused and nothing was sent`,
		),
		advice: 'Nothing was sent. Top up the balance, or send fewer or shorter messages.',
	};
}

/** Adds the `skippedDuplicate`, `duplicateOf` and `estimate` fields, each only when its option is on. */
export function addExtraFields(json: IDataObject, settings: DeliverySettings, estimate: RunEstimate, duplicateOf: number | undefined): void {
	if (settings.deduplicate) {
		json.skippedDuplicate = duplicateOf !== undefined;
		json.duplicateOf = duplicateOf ?? null;
	}
	if (settings.dryRun || settings.checkBalanceFirst) {
		json.estimate = {
			messages: estimate.messages,
			parts: estimate.parts,
			cost: estimate.cost ?? null,
			balanceBefore: estimate.balanceBefore ?? null,
			balanceAfter: estimate.balanceAfter ?? null,
			unit: estimate.unit ?? null,
			...(estimate.balanceError ? { balanceError: estimate.balanceError } : {}),
		};
	}
}
