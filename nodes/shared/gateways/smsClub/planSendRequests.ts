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
	recipients: PlannedRecipient[];
}

export interface SendableMessage extends PlannedRecipient {
	text: string;
	sender: string;
	lifetimeMinutes?: number;
}

/**
 * The fewest requests for a batch: SMSClub sends one text to many numbers, so messages sharing
 * text, sender and lifetime travel together, split by the per-request maximum. A number repeated
 * in the same group goes into a later request, so each answer's phone → id map stays unambiguous.
 */
export function planSendRequests(messages: readonly SendableMessage[], maxPerRequest: number): PlannedSendRequest[] {
	const groups = new Map<string, PlannedSendRequest[]>();
	const plan: PlannedSendRequest[] = [];
	for (const message of messages) {
		const key = JSON.stringify([message.text, message.sender, message.lifetimeMinutes ?? null]);
		let requests = groups.get(key);
		if (!requests) groups.set(key, (requests = []));
		let request = requests.find(
			(r) => r.recipients.length < maxPerRequest && !r.recipients.some((recipient) => recipient.digits === message.digits),
		);
		if (!request) {
			request = { text: message.text, sender: message.sender, lifetimeMinutes: message.lifetimeMinutes, recipients: [] };
			requests.push(request);
			plan.push(request);
		}
		request.recipients.push({ index: message.index, digits: message.digits });
	}
	return plan;
}
