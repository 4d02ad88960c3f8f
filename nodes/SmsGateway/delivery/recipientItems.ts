import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { SendResult } from '../../core/adapter/GatewayAdapter';
import { smsError } from '../../core/errors/errorTable';
import type { SmsError } from '../../core/errors/SmsError';
import { roundMoney } from '../../core/batch/costEstimate';
import type { Preparation, PreparedMessage } from '../../core/message/prepareMessage';
import { statusOf } from '../../core/status/normalizeStatus';
import { errorJson, outputItem, recipientJson } from '../../glue';
import type { DeliverySettings, Refusal } from './deliverySettings';
import { addExtraFields, type RunEstimate } from './runEstimate';
import type { SendSummary } from './stopOnFailure';
import { NOT_SENT, OFF, type TrackingResult } from './trackDelivery';

/** What every item of one run is made from, besides its own preparation and result. */
export interface RunFacts {
	context: IExecuteFunctions;
	gatewayId: string;
	settings: DeliverySettings;
	estimate: RunEstimate;
	refusal?: Refusal;
	/** Per preparation, the index of the earlier one it repeats (deduplication on). */
	duplicateOf?: ReadonlyArray<number | undefined>;
	itemIndexOf: (index: number) => number;
}

/**
 * The output items of a run, one per preparation (its index), made as soon as each can be: a
 * sent message's when its answer comes back, the others at the end. What an item was made from
 * (preparation, answer) is let go once it is made, so a batch of 100,000 never holds requests,
 * preparations, answers and items all at once. Counts what stopOnFailure needs on the way.
 */
export class RecipientItems {
	private readonly items: Array<INodeExecutionData | undefined>;
	private readonly inputs: INodeExecutionData[];
	/** Results a later duplicate shows again; only of messages that have duplicates. */
	private readonly kept = new Map<number, SendResult>();
	private readonly repeated: ReadonlySet<number>;
	/** Accepted answers, for the tracking store (Track Delivery on). */
	readonly toTrack: SendResult[] = [];
	private tracking?: ReadonlyMap<number, TrackingResult>;
	private readonly summary: SendSummary = { accepted: 0, unknown: 0 };

	constructor(
		private readonly run: RunFacts,
		private readonly preparations: Array<Preparation | undefined>,
	) {
		this.items = new Array<INodeExecutionData | undefined>(preparations.length);
		this.inputs = run.context.getInputData();
		const repeated = new Set<number>();
		run.duplicateOf?.forEach((original) => original !== undefined && repeated.add(original));
		this.repeated = repeated;
	}

	/**
	 * A sent message's answer (its ref is its preparation's index). An answer under a ref that
	 * was not sent, or a second one for a message, is ignored: each item shows its own first answer.
	 */
	answered(result: SendResult): void {
		const index = result.ref;
		const preparation = this.preparations[index];
		if (preparation === undefined || !isToSend(preparation, index, this.run.duplicateOf)) return;
		if (result.messageId !== undefined) this.summary.accepted++;
		if (result.error?.code === 'outcome_unknown') this.summary.unknown++;
		if (result.messageId && this.run.settings.tracking.enabled) this.toTrack.push(result);
		if (this.repeated.has(index)) this.kept.set(index, result);
		this.make(index, result);
	}

	/** Whether the message at this index has its item (its answer came back). */
	has(index: number): boolean {
		return this.items[index] !== undefined;
	}

	/** The tracking store's word on the accepted messages: their items (made already) say it too. */
	tracked(results: ReadonlyMap<number, TrackingResult>): void {
		this.tracking = results;
		if (!this.run.settings.tracking.showFields) return;
		for (const [index, result] of results) {
			const item = this.items[index];
			if (item) item.json.tracking = { ...result };
		}
	}

	/** Makes every item not made yet (invalid, duplicate, not sent) and returns them all, in order. */
	finish(): { items: INodeExecutionData[]; summary: SendSummary } {
		for (let index = 0; index < this.items.length; index++) {
			if (this.items[index] !== undefined) continue;
			const original = this.run.duplicateOf?.[index];
			this.make(index, original === undefined ? undefined : this.kept.get(original));
		}
		return { items: this.items as INodeExecutionData[], summary: this.summary };
	}

	/**
	 * The item of one preparation. Its JSON is built in place, field by field, with no outcome
	 * object between: V8 may allocate objects from a site this busy straight into its old
	 * generation, and 100,000 such intermediates would stay there until its next full collection.
	 */
	private make(index: number, result: SendResult | undefined): void {
		const { gatewayId, settings, estimate, refusal, itemIndexOf } = this.run;
		const itemIndex = itemIndexOf(index);
		const preparation = this.preparations[index] as Preparation;
		let json: IDataObject;
		let error: SmsError | undefined;
		if (!preparation.ok) {
			json = recipientJson(gatewayId, preparation.to, undefined, undefined, true);
			this.addTracking(json, undefined, itemIndex);
			error = preparation.error;
		} else {
			const original = this.run.duplicateOf?.[index];
			const sentAs = original ?? index;
			const dryRun = settings.dryRun || refusal !== undefined;
			const sent = dryRun ? undefined : (result ?? missingResult(sentAs, preparation));
			json = recipientJson(gatewayId, preparation.to, preparation, sent, dryRun);
			if (estimate.pricePerPart !== undefined) json.cost = roundMoney(preparation.analysis.parts * estimate.pricePerPart);
			addExtraFields(json, settings, estimate, original);
			this.addTracking(json, this.tracking?.get(sentAs), itemIndex);
			error = settings.dryRun ? undefined : (refusal?.error ?? sent?.error);
		}
		if (error) {
			json.error = errorJson(error);
			if (this.summary.failed === undefined || index < this.summary.failed.index) this.summary.failed = { index, error };
		}
		this.items[index] = outputItem(json, itemIndex, this.inputs[itemIndex], settings.includeInputFields(itemIndex));
		this.preparations[index] = undefined;
	}

	/**
	 * `reference` and `tracking` (node version 2, or a version 1 node with Track Delivery on); a
	 * message that was not sent is `not_sent` (or `off`), as is a sent one until tracked() says more.
	 */
	private addTracking(json: IDataObject, result: TrackingResult | undefined, itemIndex: number): void {
		const { tracking } = this.run.settings;
		if (!tracking.showFields) return;
		json.reference = tracking.referenceOf(itemIndex) ?? null;
		json.tracking = { ...(result ?? (tracking.enabled ? NOT_SENT : OFF)) };
	}
}

/** A valid message that repeats no earlier one: it goes to the gateway, under its index as ref. */
export function isToSend(preparation: Preparation, index: number, duplicateOf: ReadonlyArray<number | undefined> | undefined): preparation is PreparedMessage {
	return preparation.ok && duplicateOf?.[index] === undefined;
}

/** An adapter must answer every ref; if one does not, say so rather than invent a result. */
export function missingResult(ref: number, message: PreparedMessage): SendResult {
	return {
		ref,
		to: message.to,
		status: statusOf('unknown'),
		error: smsError('outcome_unknown', 'The gateway adapter returned no result for this recipient; check the gateway before re-sending'),
	};
}
