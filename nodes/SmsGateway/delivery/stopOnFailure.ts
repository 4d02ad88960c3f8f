import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import type { SmsError } from '../../core/errors/SmsError';
import { gatewayApiError, type RecipientOutcome } from '../../glue';
import type { MessageRequest } from '../../core/message/prepareMessage';
import type { Refusal } from './deliverySettings';

/**
 * Without Continue On Fail a failed recipient stops the run with a NodeApiError. One exception:
 * when the node's own "Retry On Fail" is on and the gateway already accepted some messages (or may
 * have), throwing would make n8n run the node again and send those a second time; the items are
 * returned with their errors instead, and a warning says why.
 */
export function stopOnFailure(context: IExecuteFunctions, outcomes: RecipientOutcome[], requests: MessageRequest[]): void {
	const failed = outcomes.findIndex((o) => o.error ?? o.result?.error);
	if (failed < 0) return;
	const node = context.getNode();
	// Duplicates share the first one's result, so count messages, not items.
	const accepted = new Set(outcomes.map((o) => o.result?.messageId).filter((id) => id !== undefined)).size;
	const unknown = new Set(outcomes.filter((o) => o.result?.error?.code === 'outcome_unknown').map((o) => o.result)).size;
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
	const error = (outcomes[failed].error ?? outcomes[failed].result?.error) as SmsError;
	throw gatewayApiError(node, error, requests[failed].itemIndex, note);
}

export function refusalError(node: INode, refusal: Refusal): NodeOperationError {
	return new NodeOperationError(node, refusal.error.message, {
		description: `Error code: ${refusal.error.code}. ${refusal.advice}`,
	});
}
