import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { smsError } from '../../core/errors/errorTable';
import { toSmsError } from '../../core/errors/toSmsError';
import { failedSendResult } from '../../core/adapter/answerErrors';
import type { OutgoingSms, SendResult } from '../../core/adapter/GatewayAdapter';
import { estimateCost, roundMoney } from '../../core/batch/costEstimate';
import { findDuplicates } from '../../core/batch/findDuplicates';
import { statusOf } from '../../core/status/normalizeStatus';
import { type GatewayHandle, gatewayApiError, invalidInputError, outputItem, recipientJson, type RecipientOutcome } from '../../glue';
import type { DeliverySettings } from './deliverySettings';
import { refusalError, stopOnFailure } from './stopOnFailure';
import { NOT_SENT, OFF, trackDelivery, type TrackingResult } from './trackDelivery';
import { newRunMemo, prepareMessage, type MessageRequest, type Preparation, type PreparedMessage } from '../../core/message/prepareMessage';
import { balanceRefusal, estimateRun, extraFields, missingPriceRefusal, type RunEstimate } from './runEstimate';

/**
 * The one path every message takes, for Send SMS and Send Batch alike: validate everything
 * first, then (unless it is a dry run or the balance check refuses) hand all messages to ONE
 * gateway.send call, which batches and rate-limits, and map every answer back to its recipient.
 * Takes the requests over: the array is emptied once they are prepared.
 */
export async function deliverMessages(
	context: IExecuteFunctions,
	handle: GatewayHandle,
	requests: MessageRequest[],
	settings: DeliverySettings,
): Promise<INodeExecutionData[]> {
	const { definition, gateway } = handle;
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	const preparationContext = { definition, limits: gateway.limits, now: new Date(), timeZone: context.getTimezone(), memo: newRunMemo() };
	// Each message's ref is its index here: its send result comes back under it.
	const preparations = requests.map((request, index) => prepareMessage(request, preparationContext, index));
	const itemIndexes = Int32Array.from(requests, (request) => request.itemIndex);
	const itemIndexOf = (index: number) => itemIndexes[index];
	// What the requests said now lives in their preparations; 100,000 of them are not kept beside.
	requests.length = 0;

	const firstInvalid = preparations.find((p): p is Extract<Preparation, { ok: false }> => !p.ok);
	if (firstInvalid && !continueOnFail) throw invalidInputError(node, firstInvalid.error, firstInvalid.itemIndex);

	const messages = preparations.map((p) => (p.ok ? p.message : undefined));
	const duplicateOf = settings.deduplicate ? findDuplicates(messages, (m) => m.to, sameMessage) : undefined;
	// Indices of the messages to send: valid ones that do not repeat an earlier one.
	const toSend: number[] = [];
	messages.forEach((message, index) => {
		if (message && duplicateOf?.[index] === undefined) toSend.push(index);
	});
	const partsToSend = toSend.map((index) => (messages[index] as PreparedMessage).parts);

	let estimate: RunEstimate;
	let refusal = missingPriceRefusal(settings);
	try {
		estimate = await estimateRun(handle, partsToSend, settings);
		if (!settings.dryRun) refusal ??= balanceRefusal(estimate, settings);
	} catch (error) {
		// The balance check itself failed: nothing may be sent without it.
		const cause = toSmsError(error);
		if (!continueOnFail) throw gatewayApiError(node, cause, undefined, 'The balance could not be checked, so nothing was sent.');
		estimate = estimateCost(partsToSend, settings.pricePerPart);
		refusal = {
			error: { ...cause, message: `The balance could not be checked, so nothing was sent: ${cause.message}` },
			advice: 'Nothing was sent.',
		};
	}
	if (refusal && !continueOnFail) throw refusalError(node, refusal);

	// By ref (the message's index): an array, not a map, for a batch of 100,000.
	const results = new Array<SendResult | undefined>(messages.length);
	let tracking = new Map<number, TrackingResult>();
	if (!settings.dryRun && !refusal && toSend.length > 0) {
		// The prepared messages themselves: an adapter only reads an OutgoingSms.
		const outgoing: OutgoingSms[] = toSend.map((index) => messages[index] as PreparedMessage);
		let answers: SendResult[];
		try {
			answers = await gateway.send(outgoing);
		} catch (error) {
			const cause = toSmsError(error, 'send');
			// Adapters report per recipient once they talk to the gateway, so an SmsGatewayError from
			// send() means the batch never went out; anything else is a bug that may have struck mid-batch.
			answers = outgoing.map((sms) => failedSendResult(sms, cause));
		}
		for (const answer of answers) results[answer.ref] = answer;
		tracking = await trackDelivery(context, handle, outgoing, answers, settings.tracking, itemIndexOf);
	}
	// From here each message is reached through its preparation only (released as its item is made).
	messages.length = 0;

	// Each recipient's outcome is worked out when its item is made, not kept for the whole batch.
	const outcomeAt = (index: number): RecipientOutcome => {
		const preparation = preparations[index];
		if (!preparation.ok) {
			return { gateway: definition.id, to: preparation.to, error: preparation.error, dryRun: true, extra: trackingFields(settings, undefined, itemIndexOf(index)) };
		}
		const { message } = preparation;
		const original = duplicateOf?.[index];
		const sentAs = original ?? index;
		const outcome: RecipientOutcome = {
			gateway: definition.id,
			to: message.to,
			message,
			dryRun: settings.dryRun || !!refusal,
			cost: estimate.pricePerPart !== undefined ? roundMoney(message.analysis.parts * estimate.pricePerPart) : undefined,
			extra: Object.assign(extraFields(settings, estimate, original), trackingFields(settings, tracking.get(sentAs), itemIndexOf(index))),
		};
		if (settings.dryRun) return outcome;
		if (refusal) return { ...outcome, error: refusal.error };
		outcome.result = results[sentAs] ?? missingResult(sentAs, message);
		return outcome;
	};

	if (!continueOnFail) stopOnFailure(context, { length: preparations.length, at: outcomeAt }, itemIndexOf);

	const inputs = context.getInputData();
	// A result may be shown again by a later duplicate of its message; otherwise it is needed once.
	const resultsReused = duplicateOf !== undefined && duplicateOf.some((original) => original !== undefined);
	const items = new Array<INodeExecutionData>(preparations.length);
	for (let index = 0; index < preparations.length; index++) {
		const itemIndex = itemIndexOf(index);
		items[index] = outputItem(recipientJson(outcomeAt(index)), itemIndex, inputs[itemIndex], settings.includeInputFields(itemIndex));
		// What the item was made from is let go as the items are made: at 100,000 recipients the
		// prepared messages and answers would otherwise stay in memory beside every output item.
		(preparations as Array<Preparation | undefined>)[index] = undefined;
		if (!resultsReused) results[index] = undefined;
	}
	return items;
}

/**
 * `reference` and `tracking` (node version 2, or a version 1 node with Track Delivery on); a
 * message that was not sent is `not_sent` (or `off`).
 */
function trackingFields(settings: DeliverySettings, result: TrackingResult | undefined, itemIndex: number): IDataObject {
	const { tracking } = settings;
	if (!tracking.showFields) return {};
	return { reference: tracking.referenceOf(itemIndex) ?? null, tracking: { ...(result ?? (tracking.enabled ? NOT_SENT : OFF)) } };
}

/** Same number (the key), text, sender and time: sending it again would only bill twice. */
function sameMessage(a: PreparedMessage, b: PreparedMessage): boolean {
	return a.text === b.text && (a.sender ?? '') === (b.sender ?? '') && Object.is(a.sendAt?.getTime() ?? 0, b.sendAt?.getTime() ?? 0);
}

/** An adapter must answer every ref; if one does not, say so rather than invent a result. */
function missingResult(ref: number, message: PreparedMessage): SendResult {
	return {
		ref,
		to: message.to,
		status: statusOf('unknown'),
		error: smsError('outcome_unknown', 'The gateway adapter returned no result for this recipient; check the gateway before re-sending'),
	};
}
