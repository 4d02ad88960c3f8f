import { randomBytes } from 'node:crypto';
import type { IHookFunctions } from 'n8n-workflow';
import { callBitrix24 } from '../transport/callBitrix24';

/** What activation leaves in the trigger's static data: the URL secret, the handler and the events bound to it. */
export interface EventRegistration {
	secret?: string;
	handler?: string;
	events?: string[];
}

interface Binding {
	event?: unknown;
	handler?: unknown;
}

async function boundHandlers(context: IHookFunctions): Promise<Binding[]> {
	const bindings = await callBitrix24(context, 'event.get');
	return Array.isArray(bindings) ? (bindings as Binding[]) : [];
}

const sameEvents = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((event) => b.includes(event));

/** True when the registration is for this URL and these events, and Bitrix24 still has every binding. */
export async function bindingsExist(context: IHookFunctions, registration: EventRegistration, url: string, events: readonly string[]): Promise<boolean> {
	const { handler, secret } = registration;
	if (!secret || !handler?.startsWith(`${url}?`) || !sameEvents(registration.events ?? [], events)) return false;
	const bound = await boundHandlers(context);
	return events.every((event) => bound.some((b) => String(b.event).toUpperCase() === event && b.handler === handler));
}

/**
 * Binds every event to `url?secret=<fresh secret>` (event.bind, https://apidocs.bitrix24.com/api-reference/events/event-bind.html).
 * Bindings of this URL with an older secret (an earlier activation) are removed first; when a bind
 * fails, those already made are removed again, so a failed publish leaves nothing behind.
 */
export async function bindEvents(context: IHookFunctions, url: string, events: readonly string[]): Promise<EventRegistration> {
	for (const old of await boundHandlers(context)) {
		if (typeof old.handler === 'string' && old.handler.startsWith(`${url}?`)) {
			await callBitrix24(context, 'event.unbind', { event: String(old.event), handler: old.handler });
		}
	}
	const secret = randomBytes(24).toString('hex');
	const handler = `${url}?secret=${secret}`;
	const done: string[] = [];
	try {
		for (const event of events) {
			await callBitrix24(context, 'event.bind', { event, handler });
			done.push(event);
		}
	} catch (error) {
		await unbindEvents(context, { handler, events: done }).catch(() => undefined);
		throw error;
	}
	return { secret, handler, events: [...events] };
}

/** Removes the bindings of a registration (event.unbind with its handler). */
export async function unbindEvents(context: IHookFunctions, registration: EventRegistration): Promise<void> {
	if (!registration.handler) return;
	for (const event of registration.events ?? []) {
		await callBitrix24(context, 'event.unbind', { event, handler: registration.handler });
	}
}
