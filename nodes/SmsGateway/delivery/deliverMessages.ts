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
import { trackDelivery, type TrackingResult } from './trackDelivery';
import { newRunMemo, prepareMessage, type MessageRequest, type Preparation, type PreparedMessage } from '../../core/message/prepareMessage';
import { balanceRefusal, estimateRun, extraFields, missingPriceRefusal, type RunEstimate } from './runEstimate';

/**
 * The one path every message takes, for Send SMS and Send Batch alike: validate everything
 * first, then (unless it is a dry run or the balance check refuses) hand all messages to ONE
 * gateway.send call, which batches and rate-limits, and map every answer back to its recipient.
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
	const preparations = requests.map((request) => prepareMessage(request, preparationContext));

	const firstInvalid = preparations.find((p): p is Extract<Preparation, { ok: false }> => !p.ok);
	if (firstInvalid && !continueOnFail) throw invalidInputError(node, firstInvalid.error, firstInvalid.itemIndex);

	const messages = preparations.map((p) => (p.ok ? p.message : undefined));
	const duplicateOf = settings.deduplicate
		? findDuplicates(messages.map((m) => (m ? duplicateKey(m) : undefined)))
		: messages.map(() => undefined);
	const toSend = messages
		.map((message, index) => ({ message, index }))
		.filter((entry): entry is { message: PreparedMessage; index: number } => !!entry.message && duplicateOf[entry.index] === undefined);

	let estimate: RunEstimate;
	let refusal = missingPriceRefusal(settings);
	try {
		estimate = await estimateRun(handle, toSend.map((e) => e.message.analysis.parts), settings);
		if (!settings.dryRun) refusal ??= balanceRefusal(estimate, settings);
	} catch (error) {
		// The balance check itself failed: nothing may be sent without it.
		const cause = toSmsError(error);
		if (!continueOnFail) throw gatewayApiError(node, cause, undefined, 'The balance could not be checked, so nothing was sent.');
		estimate = estimateCost(toSend.map((e) => e.message.analysis.parts), settings.pricePerPart);
		refusal = {
			error: { ...cause, message: `The balance could not be checked, so nothing was sent: ${cause.message}` },
			advice: 'Nothing was sent.',
		};
	}
	if (refusal && !continueOnFail) throw refusalError(node, refusal);

	const results = new Map<number, SendResult>();
	let tracking = new Map<number, TrackingResult>();
	if (!settings.dryRun && !refusal && toSend.length > 0) {
		const outgoing: OutgoingSms[] = toSend.map(({ message, index }) => ({
			ref: index,
			to: message.to,
			text: message.text,
			sender: message.sender,
			sendAt: message.sendAt,
			validityMinutes: message.validityMinutes,
			reportUrl: message.reportUrl,
			parts: message.analysis.parts,
		}));
		let answers: SendResult[];
		try {
			answers = await gateway.send(outgoing);
		} catch (error) {
			const cause = toSmsError(error, 'send');
			// Adapters report per recipient once they talk to the gateway, so an SmsGatewayError from
			// send() means the batch never went out; anything else is a bug that may have struck mid-batch.
			answers = outgoing.map((sms) => failedSendResult(sms, cause));
		}
		for (const answer of answers) results.set(answer.ref, answer);
		tracking = await trackDelivery(context, handle, outgoing, answers, settings.tracking, (ref) => requests[ref].itemIndex);
	}

	const outcomes: RecipientOutcome[] = preparations.map((preparation, index) => {
		if (!preparation.ok) {
			return { gateway: definition.id, to: preparation.to, error: preparation.error, dryRun: true, extra: trackingFields(settings, undefined, requests[index].itemIndex) };
		}
		const { message } = preparation;
		const original = duplicateOf[index];
		const sentAs = original ?? index;
		const outcome: RecipientOutcome = {
			gateway: definition.id,
			to: message.to,
			message,
			dryRun: settings.dryRun || !!refusal,
			cost: estimate.pricePerPart !== undefined ? roundMoney(message.analysis.parts * estimate.pricePerPart) : undefined,
			extra: { ...extraFields(settings, estimate, original), ...trackingFields(settings, tracking.get(sentAs), requests[index].itemIndex) },
		};
		if (settings.dryRun) return outcome;
		if (refusal) return { ...outcome, error: refusal.error };
		outcome.result = results.get(sentAs) ?? missingResult(sentAs, message);
		return outcome;
	});

	if (!continueOnFail) stopOnFailure(context, outcomes, requests);

	const inputs = context.getInputData();
	return outcomes.map((outcome, index) => {
		const itemIndex = requests[index].itemIndex;
		return outputItem(recipientJson(outcome), itemIndex, inputs[itemIndex], settings.includeInputFields(itemIndex));
	});
}

/**
 * `reference` and `tracking` (node version 2, or a version 1 node with Track Delivery on); a
 * message that was not sent is `not_sent` (or `off`).
 */
function trackingFields(settings: DeliverySettings, result: TrackingResult | undefined, itemIndex: number): IDataObject {
	const { tracking } = settings;
	if (!tracking.showFields) return {};
	const fallback: TrackingResult = tracking.enabled ? { tracked: false, outcome: 'not_sent', store: null } : { tracked: false, outcome: 'off', store: null };
	return { reference: tracking.referenceOf(itemIndex) ?? null, tracking: { ...(result ?? fallback) } };
}

/** Same number, text, sender and time: sending it again would only bill twice. */
function duplicateKey(message: PreparedMessage): string {
	return JSON.stringify([message.to, message.text, message.sender ?? '', message.sendAt?.getTime() ?? 0]);
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
