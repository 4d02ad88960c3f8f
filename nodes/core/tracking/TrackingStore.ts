import type { NormalizedStatus, SmsStatus } from '../status/SmsStatus';

/**
 * Delivery tracking: the messages whose status a trigger still has to learn, kept between
 * executions and across restarts. Senders add messages; the polling trigger claims the ones due
 * for a check and records what the gateway answered; a delivery-report receiver records what the
 * gateway pushed. Whoever records a status change first gets it back and emits it; every other
 * writer that sees the same change gets nothing, so each (message, status) is emitted once.
 */
export interface TrackingStore {
	/** Adds sent messages; one outcome per input, in input order. Never throws for a full store. */
	track(messages: readonly MessageToTrack[], now?: Date): Promise<TrackOutcome[]>;
	/**
	 * Up to `limit` messages of one gateway account whose next check is due, earliest first. They are
	 * leased for a while (a concurrent poller does not get them) until a check is recorded.
	 */
	claimDue(scope: TrackingScope, limit: number, now?: Date): Promise<TrackedMessage[]>;
	/** Records what a gateway said about one message; returns the change to emit, if this writer is the one to emit it. */
	record(observation: Observation, now?: Date): Promise<RecordOutcome>;
	get(gateway: string, messageId: string): Promise<TrackedMessage | undefined>;
	/** Drops finished records past their retention and the oldest beyond the retained bound. */
	purge(now?: Date): Promise<number>;
	stats(): Promise<TrackingStats>;
	/** Forgets everything; with a scope, stops tracking that gateway account's messages (finished records age out as usual). */
	reset(scope?: TrackingScope): Promise<void>;
	close(): Promise<void>;
}

/** One gateway account: the trigger polls with one credential, so it claims that credential's messages. */
export interface TrackingScope {
	gateway: string;
	credentialId: string;
}

/** What a sender knows about an accepted message. */
export interface MessageToTrack extends TrackingScope {
	/** The gateway's id; for Devino the part ids joined with '+', as the adapters return it. */
	messageId: string;
	/** Every part id where the gateway gives them (Devino). */
	partIds?: string[];
	to: string;
	parts?: number;
	/** The status the send answered (queued, scheduled, sent …). */
	status: NormalizedStatus;
	sentAt: Date;
	scheduledAt?: Date;
	/** How long the network keeps trying; the gateway's default when absent. */
	validityMinutes?: number;
	/** The user's own key (order id, CRM id …) that every event about the message carries. */
	reference?: string;
}

export type TrackOutcome = 'tracked' | 'already_tracked' | 'store_full';

/** Why tracking ended without a final status from the gateway. */
export type GiveUpReason = 'validity_passed' | 'unknown_to_gateway';

/** A message as the store keeps it. Times are epoch milliseconds. */
export interface TrackedMessage extends TrackingScope {
	messageId: string;
	partIds?: string[];
	to?: string;
	parts?: number;
	reference?: string;
	sentAt?: number;
	scheduledAt?: number;
	validityMinutes?: number;
	/** 'sent' = added by a sender and polled; 'reported' = first heard of in a delivery report, never polled. */
	origin: 'sent' | 'reported';
	status: SmsStatus;
	gatewayStatus: string;
	/** When the current status was first seen. */
	changedAt: number;
	/** When anything was last written; orders retention. */
	updatedAt: number;
	/** Status checks made so far (sets the back-off). */
	checks: number;
	/** Checks in a row in which the gateway did not know the id. */
	notKnownChecks: number;
	/** Next check; undefined when the message is not polled (finished or reported). */
	nextCheckAt?: number;
	/** When the network stops trying (start + validity). */
	expiresAt: number;
	/** After this, a message without a final status is given up. */
	giveUpAt: number;
	/** Set when the message reached a final status or was given up. */
	finishedAt?: number;
	giveUpReason?: GiveUpReason;
	/** Bumped on every write: the compare-and-set token. */
	version: number;
}

/** What one status check or delivery report said about one message. */
export interface Observation {
	gateway: string;
	messageId: string;
	/** A poll's check counts for the back-off and the give-up; a pushed report does not. */
	source: 'poll' | 'report';
	/** status: the gateway answered a status; not_known: it does not know the id; no_answer: the check failed. */
	outcome: { kind: 'status'; status: NormalizedStatus } | { kind: 'not_known' } | { kind: 'no_answer' };
}

/** A change that the caller, and only the caller, must emit. */
export interface StatusChange {
	message: TrackedMessage;
	previousStatus: SmsStatus | undefined;
	status: SmsStatus;
	/** True for a final status and for a given-up message: nothing more will be said about it. */
	final: boolean;
	gatewayStatus: string;
	changedAt: number;
	giveUpReason?: GiveUpReason;
}

export type RecordOutcome =
	| { kind: 'changed'; change: StatusChange }
	/** Nothing new (same or older status, or the message already finished); the record may have been rescheduled. */
	| { kind: 'unchanged' }
	/** A poll result for a message the store does not hold (finished and purged, or reset). */
	| { kind: 'untracked' };

export interface TrackingStats {
	/** Messages still polled or awaiting a report. */
	active: number;
	/** Finished or reported-only records kept so late duplicates are recognized. */
	retained: number;
}
