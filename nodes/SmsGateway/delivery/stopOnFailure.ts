import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import type { SmsError } from '../../core/errors/SmsError';
import { gatewayApiError, type RecipientOutcome } from '../../glue';
import type { SendResult } from '../../core/adapter/GatewayAdapter';
import type { Refusal } from './deliverySettings';

/** Every recipient's outcome, worked out when asked for (a batch does not keep them all). */
export interface OutcomeList {
	length: number;
	at(index: number): RecipientOutcome;
}

/**
 * Without Continue On Fail a failed recipient stops the run with a NodeApiError. One exception:
 * when the node's own "Retry On Fail" is on and the gateway already accepted some messages (or may
 * have), throwing would make n8n run the node again and send those a second time; the items are
 * returned with their errors instead, and a warning says why.
 */
export function stopOnFailure(context: IExecuteFunctions, outcomes: OutcomeList, itemIndexOf: (index: number) => number): void {
	let failed: { index: number; error: SmsError } | undefined;
	for (let index = 0; index < outcomes.length && !failed; index++) {
		const { error, result } = outcomes.at(index);
		const itsError = error ?? result?.error;
		if (itsError) failed = { index, error: itsError };
	}
	if (!failed) return;
	// Duplicates share the first one's result, so count messages, not items.
	const acceptedIds = new Set<string>();
	const unknownResults = new Set<SendResult>();
	for (let index = 0; index < outcomes.length; index++) {
		const { result } = outcomes.at(index);
		if (result?.messageId !== undefined) acceptedIds.add(result.messageId);
		if (result?.error?.code === 'outcome_unknown') unknownResults.add(result);
	}
	const node = context.getNode();
	const accepted = acceptedIds.size;
	const unknown = unknownResults.size;
	if (node.retryOnFail === true && accepted + unknown > 0) {
		context.addExecutionHints({
			type: 'warning',
			location: 'outputPane',
			message:
				`Some messages failed, but ${accepted} were accepted by the gateway${unknown > 0 ? ` and ${unknown} may have been` : ''}, ` +
				'so the node did not stop: with "Retry On Fail" on, n8n would have sent them again. See the "error" field of each item.',
		});
		return;
	}
	const note = accepted > 0
		? `${accepted} other message(s) of this run were accepted by the gateway; turn on "Continue On Fail" to get one item per recipient.`
		: undefined;
	throw gatewayApiError(node, failed.error, itemIndexOf(failed.index), note);
}

export function refusalError(node: INode, refusal: Refusal): NodeOperationError {
	return new NodeOperationError(node, refusal.error.message, {
		description: `Error code: ${refusal.error.code}. ${refusal.advice}`,
	});
}
