import type { SmsStatus } from '../../status/SmsStatus';
import type { StatusEvent } from './statusEvent';

/** Status Changed: every change. Final Status: only the last word on a message (a final status, or giving up). */
export type StatusEventKind = 'statusChanged' | 'finalStatus';

export interface StatusEventFilter {
	kind: StatusEventKind;
	/** Only these statuses; empty or absent = all. */
	statuses?: readonly SmsStatus[];
	/** Only messages sent with exactly this Reference; empty or absent = all. */
	reference?: string;
}

const KIND_MATCHES: Record<StatusEventKind, (event: StatusEvent) => boolean> = {
	statusChanged: () => true,
	finalStatus: (event) => event.final,
};

export function matchesFilter(event: StatusEvent, filter: StatusEventFilter): boolean {
	if (!KIND_MATCHES[filter.kind](event)) return false;
	if (filter.statuses?.length && !filter.statuses.includes(event.status)) return false;
	if (filter.reference !== undefined && filter.reference !== '' && event.reference !== filter.reference) return false;
	return true;
}
