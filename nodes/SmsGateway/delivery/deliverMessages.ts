import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { SmsError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import { toSmsError } from '../../core/errors/toSmsError';
import { failedSendResult } from '../../core/adapter/answerErrors';
import type { GatewayAdapter } from '../../core/adapter/GatewayAdapter';
import { estimateTotals } from '../../core/batch/costEstimate';
import { findDuplicates } from '../../core/batch/findDuplicates';
import { type GatewayHandle, gatewayApiError, invalidInputError } from '../../glue';
import type { DeliverySettings } from './deliverySettings';
import { refusalError, stopOnFailure } from './stopOnFailure';
import { trackDelivery } from './trackDelivery';
import {
	newRunMemo,
	prepareMessage,
	type MessageRequest,
	type Preparation,
	type PreparationContext,
	type PreparationFailure,
	type PreparedMessage,
} from '../../core/message/prepareMessage';
import { balanceRefusal, estimateRun, missingPriceRefusal, type RunEstimate } from './runEstimate';
import { isToSend, missingResult, RecipientItems } from './recipientItems';

/**
 * The one path every message takes, for Send SMS and Send Batch alike: validate everything
 * first, then (unless it is a dry run or the balance check refuses) hand all messages to ONE
 * gateway.sendEach call, which batches and rate-limits. Each recipient's item is made as its
 * answer comes back. The requests are read once, as they are prepared (a generator is best: a
 * batch of 100,000 then never holds its requests beside their preparations).
 */
export async function deliverMessages(
	context: IExecuteFunctions,
	handle: GatewayHandle,
	requests: Iterable<MessageRequest>,
	settings: DeliverySettings,
): Promise<INodeExecutionData[]> {
	const { definition, gateway } = handle;
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	const preparationContext = { definition, limits: gateway.limits, now: new Date(), timeZone: context.getTimezone(), memo: newRunMemo() };
	// Every input item makes at least one request (Send Batch lists: one per number).
	const { preparations, itemIndexes } = prepareAll(requests, preparationContext, context.getInputData().length);
	const itemIndexOf = (index: number) => itemIndexes[index];

	const firstInvalid = preparations.find((p): p is PreparationFailure => !p.ok);
	if (firstInvalid && !continueOnFail) throw invalidInputError(node, firstInvalid.error, firstInvalid.itemIndex);

	const duplicateOf = settings.deduplicate ? findDuplicates(preparations, (p) => (p.ok ? p.to : undefined), sameMessage) : undefined;
	// The messages to send: valid ones that do not repeat an earlier one. Each one's ref is its
	// index among the preparations: its answer comes back under it.
	let count = 0;
	let parts = 0;
	preparations.forEach((p, index) => {
		if (!isToSend(p, index, duplicateOf)) return;
		count++;
		parts += p.parts;
	});
	// Made at its size: grown by push, 100,000 entries leave copies that outlive the run's memory peak.
	const outgoing = new Array<PreparedMessage>(count);
	count = 0;
	preparations.forEach((p, index) => {
		if (isToSend(p, index, duplicateOf)) outgoing[count++] = p;
	});

	let estimate: RunEstimate;
	let refusal = missingPriceRefusal(settings);
	try {
		estimate = await estimateRun(handle, { messages: count, parts }, settings);
		if (!settings.dryRun) refusal ??= balanceRefusal(estimate, settings);
	} catch (error) {
		// The balance check itself failed: nothing may be sent without it.
		const cause = toSmsError(error);
		if (!continueOnFail) throw gatewayApiError(node, cause, undefined, 'The balance could not be checked, so nothing was sent.');
		estimate = estimateTotals({ messages: count, parts }, settings.pricePerPart);
		refusal = {
			error: { ...cause, message: `The balance could not be checked, so nothing was sent: ${cause.message}` },
			advice: 'Nothing was sent.',
		};
	}
	if (refusal && !continueOnFail) throw refusalError(node, refusal);

	const items = new RecipientItems({ context, gatewayId: definition.id, settings, estimate, refusal, duplicateOf, itemIndexOf }, preparations);
	if (!settings.dryRun && !refusal && outgoing.length > 0) {
		await sendAll(gateway, outgoing, items);
		items.tracked(await trackDelivery(context, handle, outgoing, items.toTrack, settings.tracking, itemIndexOf));
	}
	// From here each message is reached through its preparation only (released as its item is made).
	outgoing.length = 0;

	const { items: output, summary } = items.finish();
	if (!continueOnFail) stopOnFailure(context, summary, itemIndexOf);
	return output;
}

/**
 * Every request prepared as it is read; a message's ref is its index here. The arrays are made
 * at the size expected (grown only past it): pushing 100,000 entries one by one leaves a trail of
 * outgrown copies, megabytes that stay in memory until V8's next full collection.
 */
function prepareAll(requests: Iterable<MessageRequest>, context: PreparationContext, expected: number): { preparations: Preparation[]; itemIndexes: Int32Array } {
	const preparations = new Array<Preparation>(expected);
	let itemIndexes: Int32Array = new Int32Array(Math.max(expected, 16));
	let count = 0;
	for (const request of requests) {
		if (count === itemIndexes.length) itemIndexes = grown(itemIndexes);
		preparations[count] = prepareMessage(request, context, count);
		itemIndexes[count++] = request.itemIndex;
	}
	preparations.length = count;
	return { preparations, itemIndexes };
}

function grown(values: Int32Array): Int32Array {
	const bigger = new Int32Array(values.length * 2);
	bigger.set(values);
	return bigger;
}

/**
 * Hands the messages to the gateway and each answer to its item as it comes. A message left
 * without an answer gets outcome_unknown: sendEach threw (adapters report per recipient once they
 * talk to the gateway, so that is a bug, possibly mid-batch), or the adapter skipped it.
 */
async function sendAll(gateway: GatewayAdapter, outgoing: readonly PreparedMessage[], items: RecipientItems): Promise<void> {
	// Making an item is our code, not the adapter's: an error there must not look like a failed request.
	let itemError: unknown;
	let sendError: SmsError | undefined;
	try {
		await gateway.sendEach(outgoing, (result) => {
			if (itemError !== undefined) return;
			try {
				items.answered(result);
			} catch (error) {
				itemError = error ?? new Error('an output item could not be made');
			}
		});
	} catch (error) {
		sendError = toSmsError(error, 'send');
		// Requests run side by side, so when one fails others may already be out: whatever the
		// error says, no unanswered message may look safe to send again.
		if (sendError.code !== 'outcome_unknown') {
			sendError = smsError('outcome_unknown', `The send stopped (${sendError.message}); this message may have been sent, so check before sending it again`);
		}
	}
	if (itemError !== undefined) throw itemError;
	// Indexed, not for…of: an iterator's result object per message is one more object per recipient.
	for (let position = 0; position < outgoing.length; position++) {
		const message = outgoing[position];
		if (!items.has(message.ref)) items.answered(sendError ? failedSendResult(message, sendError) : missingResult(message.ref, message));
	}
}

/** Same number (the key), text, sender and time: sending it again would only bill twice. */
function sameMessage(a: Preparation, b: Preparation): boolean {
	if (!a.ok || !b.ok) return false;
	return a.text === b.text && (a.sender ?? '') === (b.sender ?? '') && Object.is(a.sendAt?.getTime() ?? 0, b.sendAt?.getTime() ?? 0);
}
