import type { IExecuteFunctions } from 'n8n-workflow';
import type { OutgoingSms, SendResult } from '../../core/adapter/GatewayAdapter';
import { messagesToTrack } from '../../core/tracking/messagesToTrack';
import { TrackingStoreUnavailableError } from '../../core/tracking/sqlite/nodeSqlite';
import type { TrackOutcome } from '../../core/tracking/TrackingStore';
import { type GatewayHandle, trackingScope, withTrackingStore } from '../../glue';
import type { TrackingSettings } from './deliverySettings';

/** Handing the sent messages to the store may take this long; the messages are out either way. */
const TRACKING_TIMEOUT_MS = 20_000;

/**
 * What tracking did with one recipient's message; the `tracking` field of its output item.
 * tracked / already_tracked: the SMS Gateway Trigger will report its status changes;
 * store_full, store_unavailable, store_error: the message was sent but will not be reported;
 * not_sent: nothing to track (dry run, refused, failed); off: Track Delivery is off.
 */
export interface TrackingResult {
	tracked: boolean;
	outcome: TrackOutcome | 'store_unavailable' | 'store_error' | 'not_sent' | 'off';
	store: string | null;
	/** Why a sent message is not tracked, and what to do. */
	message?: string;
}

/** What an item says about a message without a result here: nothing was sent, or tracking is off. */
export const NOT_SENT: Readonly<TrackingResult> = { tracked: false, outcome: 'not_sent', store: null };
export const OFF: Readonly<TrackingResult> = { tracked: false, outcome: 'off', store: null };

/**
 * Hands every message the gateway accepted to the tracking store, after the send: tracking never
 * holds a message back, and a store that cannot be opened, is full, fails or is slow only changes
 * what the output item says about tracking (and adds a warning), never the send or its result.
 * Returns the result per ref of an accepted message only (with tracking off, none): a ref without
 * one is NOT_SENT, or OFF, so a batch of 100,000 keeps no entry per message for those.
 */
export async function trackDelivery(
	context: IExecuteFunctions,
	handle: GatewayHandle,
	outgoing: readonly OutgoingSms[],
	answers: readonly SendResult[],
	settings: TrackingSettings,
	itemOf: (ref: number) => number,
): Promise<Map<number, TrackingResult>> {
	const results = new Map<number, TrackingResult>();
	if (!settings.enabled) return results;
	const accepted = answers.filter((answer) => answer.messageId);
	if (accepted.length === 0) return results;

	const scope = trackingScope(context, handle.definition);
	const messages = messagesToTrack(scope, outgoing, accepted, new Date(), (ref) => settings.referenceOf(itemOf(ref)));
	let outcomes: TrackOutcome[];
	try {
		outcomes = await withTimeout(
			withTrackingStore(context, settings.store, (store) => store.track(messages)),
			TRACKING_TIMEOUT_MS,
		);
	} catch (error) {
		const failure = storeFailure(settings, error);
		for (const answer of accepted) results.set(answer.ref, failure);
		warn(context, accepted.length, failure.message as string);
		return results;
	}
	accepted.forEach((answer, index) => results.set(answer.ref, trackedResult(outcomes[index], settings)));
	const full = outcomes.filter((outcome) => outcome === 'store_full').length;
	if (full > 0) warn(context, full, STORE_FULL_MESSAGE);
	return results;
}

const STORE_FULL_MESSAGE =
	'The tracking store already follows its maximum of 100,000 messages, so this message is not tracked. ' +
	'It was sent; ask about it with Get Status, or wait until tracked messages finish.';

function trackedResult(outcome: TrackOutcome, settings: TrackingSettings): TrackingResult {
	if (outcome === 'store_full') return { tracked: false, outcome, store: settings.store, message: STORE_FULL_MESSAGE };
	return { tracked: true, outcome, store: settings.store };
}

function storeFailure(settings: TrackingSettings, error: unknown): TrackingResult {
	const reason = error instanceof Error ? error.message : String(error);
	if (error instanceof TrackingStoreUnavailableError) {
		return { tracked: false, outcome: 'store_unavailable', store: settings.store, message: `The message was sent but is not tracked. ${reason}` };
	}
	return {
		tracked: false,
		outcome: 'store_error',
		store: settings.store,
		message: `The message was sent but is not tracked: the ${settings.store === 'redis' ? 'Redis' : 'built-in'} tracking store failed (${reason}). Check the store, or ask about the message with Get Status.`,
	};
}

function warn(context: IExecuteFunctions, count: number, message: string): void {
	context.addExecutionHints({
		type: 'warning',
		location: 'outputPane',
		message: `${count} sent message(s) are not tracked, so the SMS Gateway Trigger will not report them. ${message}`,
	});
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
	});
	try {
		return await Promise.race([work, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
