import { field } from '../provider/readHandlerCall';

/**
 * An event call from Bitrix24 (https://apidocs.bitrix24.com/api-reference/events/index.html): a
 * form-encoded POST with `event`, `event_handler_id`, `data[FIELDS][ID]`, `ts` and `auth[...]`,
 * read whether n8n parsed the PHP bracket keys into objects or left them flat. Plain TypeScript.
 */
export interface EventCall {
	event: string;
	handlerId: string;
	entityId: string;
	/** `ts` (seconds) as an ISO time, or null when absent. */
	firedAt: string | null;
	portal: string;
	memberId: string;
	applicationToken: string;
}

type Fields = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

export function readEventCall(body: Fields): EventCall {
	const ts = Number(text(body.ts));
	return {
		event: text(body.event).toUpperCase(),
		handlerId: text(body.event_handler_id),
		entityId: text(field(body, 'data', 'FIELDS', 'ID')),
		firedAt: Number.isFinite(ts) && ts > 0 ? new Date(ts * 1000).toISOString() : null,
		portal: text(field(body, 'auth', 'domain')),
		memberId: text(field(body, 'auth', 'member_id')),
		applicationToken: text(field(body, 'auth', 'application_token')),
	};
}
