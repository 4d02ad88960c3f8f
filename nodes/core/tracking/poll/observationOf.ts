import type { StatusResult } from '../../adapter/GatewayAdapter';
import type { Observation } from '../TrackingStore';

/**
 * What one status result tells the tracking store: a status; or that the gateway does not know
 * the message — an unknown-id error, or a status that maps to `unknown` (Devino's state 255 "not
 * found", SMS-assistent's and SMPP's "Unknown"), which says nothing about delivery; or no answer
 * (any other error), after which the message is simply asked about again later.
 */
export function observationOf(gateway: string, result: StatusResult): Observation {
	const base = { gateway, messageId: result.messageId, source: 'poll' as const };
	if (result.error?.code === 'invalid_message_id') return { ...base, outcome: { kind: 'not_known' } };
	if (result.error) return { ...base, outcome: { kind: 'no_answer' } };
	if (result.status.status === 'unknown') return { ...base, outcome: { kind: 'not_known' } };
	return { ...base, outcome: { kind: 'status', status: result.status } };
}
