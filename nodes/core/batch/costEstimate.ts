import type { Balance } from '../adapter/GatewayAdapter';

export interface CostEstimate {
	messages: number;
	parts: number;
	/** parts × price; undefined when no price was given. */
	cost?: number;
	pricePerPart?: number;
	balanceBefore?: number;
	/** What the balance will be after sending, like the integrationapi.net 1C module warns. */
	balanceAfter?: number;
	unit?: string;
}

/**
 * The cost of the messages to send (counted by the caller: a batch need not list every message's
 * parts) and, with a price, the balance it leaves.
 */
export function estimateTotals({ messages, parts }: { messages: number; parts: number }, pricePerPart?: number, balance?: Balance): CostEstimate {
	const priced = pricePerPart !== undefined && pricePerPart > 0;
	const cost = priced ? roundMoney(parts * pricePerPart) : undefined;
	return {
		messages,
		parts,
		cost,
		pricePerPart: priced ? pricePerPart : undefined,
		balanceBefore: balance?.amount,
		balanceAfter: balance && cost !== undefined ? roundMoney(balance.amount - cost) : undefined,
		unit: balance?.unit,
	};
}

/** Whether the balance covers the estimate; undefined when there is no cost to compare. */
export function balanceCovers(estimate: CostEstimate): boolean | undefined {
	if (estimate.cost === undefined || estimate.balanceBefore === undefined) return undefined;
	return estimate.balanceBefore >= estimate.cost;
}

// Four decimals: prices per part are quoted to the kopeck/hundredth of a cent, sums must not drift.
export function roundMoney(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}
