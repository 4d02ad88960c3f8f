import { trackingDeadlines } from './checkSchedule';
import type { MessageToTrack, Observation, TrackedMessage } from './TrackingStore';
import type { TrackingLimits } from './trackingLimits';

/** The record of a message a sender hands over: first check one interval after it goes out (or is scheduled to). */
export function newTrackedMessage(message: MessageToTrack, now: number, limits: TrackingLimits): TrackedMessage {
	const sentAt = message.sentAt.getTime();
	const scheduledAt = message.scheduledAt?.getTime();
	const startAt = Math.max(scheduledAt ?? sentAt, sentAt);
	const deadlines = trackingDeadlines(startAt, message.validityMinutes, limits);
	return {
		gateway: message.gateway,
		credentialId: message.credentialId,
		messageId: message.messageId,
		partIds: message.partIds?.length ? [...message.partIds] : undefined,
		to: message.to,
		parts: message.parts,
		reference: message.reference,
		sentAt,
		scheduledAt,
		validityMinutes: message.validityMinutes,
		origin: 'sent',
		status: message.status.status,
		gatewayStatus: message.status.raw,
		changedAt: sentAt,
		updatedAt: now,
		checks: 0,
		notKnownChecks: 0,
		// A send that already answered a final status (rare) is kept only to recognize its reports.
		nextCheckAt: message.status.final ? undefined : Math.min(startAt + limits.checkIntervalsMs[0], deadlines.giveUpAt),
		finishedAt: message.status.final ? now : undefined,
		...deadlines,
		version: 0,
	};
}

/** The record of a message first heard of in a delivery report (sent without tracking): kept, never polled. */
export function reportedMessage(observation: Observation, now: number, limits: TrackingLimits): TrackedMessage {
	return {
		gateway: observation.gateway,
		credentialId: '',
		messageId: observation.messageId,
		origin: 'reported',
		status: 'unknown',
		gatewayStatus: '',
		changedAt: now,
		updatedAt: now,
		checks: 0,
		notKnownChecks: 0,
		...trackingDeadlines(now, undefined, limits),
		version: 0,
	};
}
