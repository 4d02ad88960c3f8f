import type { SmsError } from '../../errors/SmsError';
import { toSmsError } from '../../errors/toSmsError';
import { mapWithConcurrency } from '../../adapter/concurrency';
import type { GatewayAdapter, StatusResult } from '../../adapter/GatewayAdapter';
import type { Observation, TrackingScope, TrackingStore } from '../TrackingStore';
import { matchesFilter, type StatusEventFilter } from './eventFilter';
import { observationOf } from './observationOf';
import { planStatusRequests } from './planStatusRequests';
import { statusEventOf, type StatusEvent } from './statusEvent';

/** Messages one poll asks about at most; the rest stay due for the next poll. */
export const DEFAULT_MAX_MESSAGES_PER_POLL = 10_000;

/**
 * Status requests one poll makes at most, so that a gateway with one id per request (A1, Devino)
 * is not sent thousands of requests at once; the rest follow a minute later.
 */
export const DEFAULT_MAX_REQUESTS_PER_POLL = 200;

/** Observations recorded at once: the store's round trips overlap, each message is still written alone. */
const RECORD_CONCURRENCY = 16;

export interface PollOptions {
	store: TrackingStore;
	gateway: GatewayAdapter;
	/** The gateway account the trigger's credential is; only its messages are claimed. */
	scope: TrackingScope;
	filter: StatusEventFilter;
	now?: Date;
	maxMessages?: number;
	maxRequests?: number;
	/**
	 * Also ask about messages due this soon after `now`. A scheduler that polls once a minute
	 * starts each poll a few milliseconds earlier or later; without this, a message due one
	 * interval after the last poll could miss the next poll by a hair and wait a whole minute more.
	 */
	dueWithinMs?: number;
}

export interface PollResult {
	/** The changes this poll was first to see that pass the filter, in due order. */
	events: StatusEvent[];
	/** Messages asked about. */
	checked: number;
	/** HTTP status requests planned for them. */
	requests: number;
	/** Why status checks failed (each distinct error once); their messages were rescheduled and stay tracked. */
	failures: SmsError[];
}

/**
 * One poll of the status trigger: take the due messages of the account, ask the gateway about
 * them in the fewest bulk requests, record each answer, and return the changes this poller was
 * the first to record. A change another writer (a report receiver, a concurrent poll) recorded
 * first is not returned, so each change is one event. Changes that the filter drops are still
 * recorded: a Final Status trigger moves past intermediate statuses without emitting them.
 */
export async function pollStatuses(options: PollOptions): Promise<PollResult> {
	const { store, gateway, scope, filter } = options;
	const now = options.now ?? new Date();
	const limit = Math.min(
		options.maxMessages ?? DEFAULT_MAX_MESSAGES_PER_POLL,
		(options.maxRequests ?? DEFAULT_MAX_REQUESTS_PER_POLL) * gateway.limits.maxStatusIdsPerRequest,
	);
	const due = await store.claimDue(scope, limit, new Date(now.getTime() + (options.dueWithinMs ?? 0)));
	const plan = planStatusRequests(due, gateway.limits.maxStatusIdsPerRequest);
	const failures = new Map<string, SmsError>();
	const noteFailure = (error: SmsError) => failures.set(`${error.code}\n${error.message}`, error);
	const answers = await mapWithConcurrency(plan.batches, gateway.limits.concurrency, async (ids): Promise<Observation[]> => {
		let results: StatusResult[];
		try {
			results = await gateway.getStatuses(ids);
		} catch (error) {
			noteFailure(toSmsError(error));
			return ids.map((messageId) => ({ gateway: scope.gateway, messageId, source: 'poll', outcome: { kind: 'no_answer' } }));
		}
		for (const result of results) if (result.error && result.error.code !== 'invalid_message_id') noteFailure(result.error);
		return results.map((result) => observationOf(scope.gateway, result));
	});
	const outcomes = await mapWithConcurrency(answers.flat(), RECORD_CONCURRENCY, (observation) => store.record(observation, now));
	const events: StatusEvent[] = [];
	for (const outcome of outcomes) {
		if (outcome.kind !== 'changed') continue;
		const event = statusEventOf(outcome.change);
		if (matchesFilter(event, filter)) events.push(event);
	}
	return { events, checked: due.length, requests: plan.requests, failures: [...failures.values()] };
}
