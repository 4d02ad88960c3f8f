import type { OutgoingSms, SendResult } from '../adapter/GatewayAdapter';
import type { MessageToTrack, TrackingScope } from './TrackingStore';

/**
 * The messages of a send to hand to the tracking store: every one the gateway accepted (it has a
 * message id), with its recipient, parts, times and validity from what was sent, and the user's
 * Reference for it (by the message's `ref`). Refused messages are not tracked: they have no id
 * to ask about, and the send's own output already says why.
 */
export function messagesToTrack(
	scope: TrackingScope,
	sent: readonly OutgoingSms[],
	results: readonly SendResult[],
	sentAt: Date,
	referenceOf: (ref: number) => string | undefined = () => undefined,
): MessageToTrack[] {
	const byRef = new Map(sent.map((message) => [message.ref, message]));
	return results.flatMap((result) => {
		if (!result.messageId) return [];
		const message = byRef.get(result.ref);
		return [
			{
				...scope,
				messageId: result.messageId,
				partIds: result.partIds,
				to: result.to,
				parts: result.parts,
				status: result.status,
				sentAt,
				scheduledAt: message?.sendAt,
				validityMinutes: message?.validityMinutes,
				reference: referenceOf(result.ref),
			},
		];
	});
}
