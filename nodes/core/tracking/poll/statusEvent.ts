import type { SmsStatus } from '../../status/SmsStatus';
import type { GiveUpReason, StatusChange } from '../TrackingStore';

/** One item of the status triggers: one change of one message. Absent facts are null, so every item has the same fields. */
export interface StatusEvent {
	/**
	 * Stable per change: gateway + message id + status (+ the reason, for a given-up message);
	 * downstream steps can de-duplicate on it. The gateway is part of it because two gateways'
	 * message ids can be equal (both count up from some number).
	 */
	eventId: string;
	messageId: string;
	to: string | null;
	status: SmsStatus;
	previousStatus: SmsStatus | null;
	final: boolean;
	/** The gateway's own word or code for the status. */
	gatewayStatus: string;
	parts: number | null;
	reference: string | null;
	gateway: string;
	sentAt: string | null;
	changedAt: string;
	/** Why tracking ended without a final status from the gateway; null for a status the gateway gave. */
	reason: GiveUpReason | null;
}

export function statusEventOf(change: StatusChange): StatusEvent {
	const { message } = change;
	const reason = change.giveUpReason ?? null;
	return {
		eventId: [message.gateway, message.messageId, change.status, ...(reason ? [reason] : [])].join(':'),
		messageId: message.messageId,
		to: message.to ?? null,
		status: change.status,
		previousStatus: change.previousStatus ?? null,
		final: change.final,
		gatewayStatus: change.gatewayStatus,
		parts: message.parts ?? null,
		reference: message.reference ?? null,
		gateway: message.gateway,
		sentAt: message.sentAt === undefined ? null : new Date(message.sentAt).toISOString(),
		changedAt: new Date(change.changedAt).toISOString(),
		reason,
	};
}
