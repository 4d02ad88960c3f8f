/**
 * Devino gives one id per SMS part. Our message id for a multi-part message is its part ids
 * joined with '+' ("4259367936+4259367937"), so a later status check of that one id can ask for
 * every part.
 */
export const PART_ID_SEPARATOR = '+';

export function joinPartIds(partIds: readonly string[]): string {
	return partIds.join(PART_ID_SEPARATOR);
}

/** The part ids in a message id, or undefined when it is not one of ours or Devino's. */
export function splitMessageId(messageId: string): string[] | undefined {
	const partIds = String(messageId).split(PART_ID_SEPARATOR).map((part) => part.trim());
	return partIds.every((part) => /^\d{1,20}$/.test(part)) ? partIds : undefined;
}

/**
 * Splits the ids of a send answer among its recipients: all parts of the first recipient, then
 * of the second, … The text's part count is our own reckoning; when Devino counted differently
 * but its ids still divide evenly among the recipients, its count wins, since the ids are its
 * own. Undefined when the ids cannot be matched to recipients at all.
 */
export function assignPartIds(ids: readonly string[], recipients: number, expectedParts: number): string[][] | undefined {
	if (recipients < 1 || ids.length === 0) return undefined;
	let perRecipient: number;
	if (ids.length === expectedParts * recipients) perRecipient = expectedParts;
	else if (ids.length % recipients === 0) perRecipient = ids.length / recipients;
	else return undefined;
	return Array.from({ length: recipients }, (_, index) => ids.slice(index * perRecipient, (index + 1) * perRecipient));
}
