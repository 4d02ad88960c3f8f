import { createHash } from 'node:crypto';
import { BoundedCache } from '../../core/state/BoundedCache';

/**
 * Devino session ids, shared by every adapter in the process so that each workflow run does not
 * log in again. Keyed by base URL, login and a hash of the password: a changed password gets its
 * own session and the password itself is not kept here.
 */
interface SessionEntry {
	sessionId?: string;
	expiresAt: number;
	/** A login in flight, so that parallel status calls share it instead of each logging in. */
	pending?: Promise<string>;
}

/** Devino keeps a session 120 minutes; using it no later than 110 leaves room for clock drift. */
export const DEVINO_SESSION_REUSE_MS = 110 * 60_000;

/** Accounts whose sessions one process keeps; the least recently used is dropped beyond it. */
export const DEVINO_MAX_SESSIONS = 200;

// Entries expire with their session; a login in flight is kept until it settles.
const sessions = new BoundedCache<string, SessionEntry>(DEVINO_MAX_SESSIONS, DEVINO_SESSION_REUSE_MS, Date.now, (entry) => entry.pending !== undefined);

export function devinoSessionKey(baseUrl: string, login: string, password: string): string {
	const passwordHash = createHash('sha256').update(password).digest('hex');
	return `${baseUrl}\n${login}\n${passwordHash}`;
}

export async function getDevinoSession(key: string, now: () => number, logIn: () => Promise<string>): Promise<string> {
	const entry = sessions.get(key);
	if (entry?.sessionId && entry.expiresAt > now()) return entry.sessionId;
	if (entry?.pending) return entry.pending;
	const pending = logIn();
	sessions.set(key, { expiresAt: 0, pending });
	try {
		const sessionId = await pending;
		sessions.set(key, { sessionId, expiresAt: now() + DEVINO_SESSION_REUSE_MS });
		return sessionId;
	} catch (error) {
		if (sessions.get(key)?.pending === pending) sessions.delete(key);
		throw error;
	}
}

/** Forgets a session the gateway refused, unless another call has already replaced it. */
export function dropDevinoSession(key: string, sessionId: string): void {
	if (sessions.get(key)?.sessionId === sessionId) sessions.delete(key);
}

/** For tests: start from no sessions. */
export function clearDevinoSessions(): void {
	sessions.clear();
}

/** For tests: how many accounts have a session (or a login in flight). */
export function devinoSessionCount(): number {
	return sessions.size;
}
