import type { SmsError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import { DEVINO_STATUSES } from './statuses';
import { normalizeStatus, statusOf } from '../../core/status/normalizeStatus';
import type { NormalizedStatus } from '../../core/status/SmsStatus';
import { toSmsError } from '../../core/errors/toSmsError';
import { mapWithConcurrency } from '../../core/adapter/concurrency';
import type { StatusResult } from '../../core/adapter/GatewayAdapter';
import type { DevinoClient } from './DevinoClient';
import { combinePartStatuses } from './combinePartStatuses';
import { splitMessageId } from './devinoMessageId';
import { unexpectedAnswer } from './devinoResponse';
import { parseState } from './devinoWire';

type PartOutcome = { ok: true; status: NormalizedStatus } | { ok: false; error: SmsError };

/**
 * Statuses of messages given by plain or composite ('+'-joined) ids. `/sms/state` takes one part
 * per call, so every distinct part is asked once, `concurrency` at a time.
 */
export async function getDevinoStatuses(client: DevinoClient, messageIds: readonly string[], concurrency: number): Promise<StatusResult[]> {
	const partIdsOf = messageIds.map((id) => splitMessageId(id));
	const distinctParts = [...new Set(partIdsOf.flatMap((partIds) => partIds ?? []))];
	const outcomes = await mapWithConcurrency(distinctParts, concurrency, (partId) => partStatus(client, partId));
	const outcomeOf = new Map(distinctParts.map((partId, index) => [partId, outcomes[index]]));

	return messageIds.map((messageId, index) => {
		const partIds = partIdsOf[index];
		if (!partIds) {
			const error = smsError('invalid_message_id', `"${messageId}" is not a Devino message id (digits, or part ids joined with '+')`);
			return { messageId, status: statusOf('unknown'), error };
		}
		const parts = partIds.map((partId) => outcomeOf.get(partId) as PartOutcome);
		const failed = parts.find((part): part is { ok: false; error: SmsError } => !part.ok);
		if (failed) return { messageId, partIds, parts: partIds.length, status: statusOf('unknown'), error: failed.error };
		const status = combinePartStatuses(parts.map((part) => (part as { ok: true; status: NormalizedStatus }).status));
		return { messageId, partIds, parts: partIds.length, status };
	});
}

async function partStatus(client: DevinoClient, partId: string): Promise<PartOutcome> {
	try {
		const state = await client.call('/sms/state', [['messageId', partId]], true, (response) => {
			const answer = parseState(response.body);
			if (!answer) throw unexpectedAnswer(response, true, 'the status request');
			return answer.state;
		});
		return { ok: true, status: normalizeStatus(DEVINO_STATUSES, state) };
	} catch (error) {
		return { ok: false, error: toSmsError(error) };
	}
}
