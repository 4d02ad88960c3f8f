import type { TrackedMessage } from '../TrackingStore';

export interface StatusRequestPlan {
	/** Message ids per status call, in due order; each call is one bulk request where the gateway has them. */
	batches: string[][];
	/** Status ids the gateway is asked about: one per message, or one per part where parts are asked about alone (Devino). */
	statusIds: number;
	/** HTTP requests the batches make: ceil(status ids / ids per request) per batch. */
	requests: number;
}

/**
 * The fewest status requests for the due messages: as many ids per request as the gateway takes
 * (`maxStatusIdsPerRequest`), so 10,000 due messages cost ceil(10,000 / ids per request) requests.
 * A message with part ids (Devino) needs one status id per part; it never shares a request with
 * another message's parts beyond the limit. Repeated ids are asked about once.
 */
export function planStatusRequests(due: readonly TrackedMessage[], maxStatusIdsPerRequest: number): StatusRequestPlan {
	if (!Number.isInteger(maxStatusIdsPerRequest) || maxStatusIdsPerRequest < 1) {
		throw new RangeError(`maxStatusIdsPerRequest must be a positive integer (got ${maxStatusIdsPerRequest})`);
	}
	const seen = new Set<string>();
	const batches: string[][] = [];
	let batch: string[] = [];
	let batchIds = 0;
	let statusIds = 0;
	let requests = 0;
	const close = () => {
		if (batch.length === 0) return;
		batches.push(batch);
		requests += Math.ceil(batchIds / maxStatusIdsPerRequest);
		batch = [];
		batchIds = 0;
	};
	for (const message of due) {
		if (seen.has(message.messageId)) continue;
		seen.add(message.messageId);
		const ids = Math.max(1, message.partIds?.length ?? 1);
		if (batchIds + ids > maxStatusIdsPerRequest) close();
		batch.push(message.messageId);
		batchIds += ids;
		statusIds += ids;
	}
	close();
	return { batches, statusIds, requests };
}
