/** One recipient of a send request: where its result goes, and its number as the API wants it. */
export interface PlannedRecipient {
	index: number;
	digits: string;
}

/** One `/sms/send` request: one text, one sender, one lifetime, up to the per-request maximum of numbers. */
export interface PlannedSendRequest {
	text: string;
	sender: string;
	lifetimeMinutes?: number;
	/** Requests of a later wave carry repeats of numbers of an earlier one and must run after it. */
	wave: number;
	recipients: PlannedRecipient[];
}

export interface SendableMessage extends PlannedRecipient {
	text: string;
	sender: string;
	lifetimeMinutes?: number;
}

/**
 * The fewest requests for a batch: SMSClub sends one text to many numbers, so messages sharing
 * text, sender and lifetime travel together, split by the per-request maximum. The n-th repeat of
 * a number in a group goes into wave n, so each answer's phone → id map stays unambiguous and the
 * earlier input is the one sent (the gateway refuses the repeat as a duplicate).
 */
export function planSendRequests(messages: readonly SendableMessage[], maxPerRequest: number): PlannedSendRequest[] {
	const open = new Map<string, PlannedSendRequest>();
	const occurrences = new Map<string, number>();
	const plan: PlannedSendRequest[] = [];
	for (const message of messages) {
		const group = JSON.stringify([message.text, message.sender, message.lifetimeMinutes ?? null]);
		const occurrenceKey = `${group}\n${message.digits}`;
		const wave = occurrences.get(occurrenceKey) ?? 0;
		occurrences.set(occurrenceKey, wave + 1);
		const requestKey = `${group}\n${wave}`;
		let request = open.get(requestKey);
		if (!request || request.recipients.length >= maxPerRequest) {
			request = { text: message.text, sender: message.sender, lifetimeMinutes: message.lifetimeMinutes, wave, recipients: [] };
			open.set(requestKey, request);
			plan.push(request);
		}
		request.recipients.push({ index: message.index, digits: message.digits });
	}
	return plan;
}

/** Requests by wave, in wave order. */
export function byWave(plan: readonly PlannedSendRequest[]): PlannedSendRequest[][] {
	const waves: PlannedSendRequest[][] = [];
	for (const request of plan) (waves[request.wave] ??= []).push(request);
	return waves.filter((wave) => wave !== undefined);
}
