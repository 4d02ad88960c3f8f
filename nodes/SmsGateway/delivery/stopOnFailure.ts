import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import type { SmsError } from '../../core/errors/SmsError';
import { gatewayApiError } from '../../glue';
import type { Refusal } from './deliverySettings';

/** What a run's send came to, counted as its results came back (a batch does not keep them all). */
export interface SendSummary {
	/** The failed recipient with the lowest index, if any. */
	failed?: { index: number; error: SmsError };
	/** Messages the gateway accepted (duplicates share their first one's result, so they are not counted again). */
	accepted: number;
	/** Messages whose outcome is unknown: they may have been sent. */
	unknown: number;
}

/**
 * Without Continue On Fail a failed recipient stops the run with a NodeApiError. One exception:
 * when the node's own "Retry On Fail" is on and the gateway already accepted some messages (or may
 * have), throwing would make n8n run the node again and send those a second time; the items are
 * returned with their errors instead, and a warning says why.
 */
export function stopOnFailure(context: IExecuteFunctions, { failed, accepted, unknown }: SendSummary, itemIndexOf: (index: number) => number): void {
	if (!failed) return;
	const node = context.getNode();
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
