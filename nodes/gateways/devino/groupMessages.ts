import type { OutgoingSms } from '../../core/adapter/GatewayAdapter';

/** Input positions of messages Devino can send in one `sendbulk`: same text, sender, send time and validity. */
export function groupMessages(messages: readonly OutgoingSms[], positions: readonly number[]): number[][] {
	const groups = new Map<string, number[]>();
	for (const position of positions) {
		const { text, sender, sendAt, validityMinutes } = messages[position];
		const key = JSON.stringify([text, sender ?? null, sendAt ? sendAt.getTime() : null, validityMinutes ?? null]);
		const group = groups.get(key);
		if (group) group.push(position);
		else groups.set(key, [position]);
	}
	return [...groups.values()];
}
