import { createHash } from 'node:crypto';
import { MemorySessionStore } from '../../core/state/sessionStore';

/** Devino keeps a session 120 minutes; using it no later than 110 leaves room for clock drift. */
export const DEVINO_SESSION_REUSE_MS = 110 * 60_000;

/** Accounts whose sessions one process keeps; the least recently used is dropped beyond it. */
export const DEVINO_MAX_SESSIONS = 200;

/**
 * Devino session ids, shared by every adapter in the process so that each workflow run does not
 * log in again, unless the adapter is given another store (Redis, for several processes).
 */
export const processDevinoSessions = new MemorySessionStore(DEVINO_MAX_SESSIONS, DEVINO_SESSION_REUSE_MS);

/**
 * Keyed by base URL, login and a hash of the password: a changed password gets its own session
 * and the password itself is not kept in the key.
 */
export function devinoSessionKey(baseUrl: string, login: string, password: string): string {
	const passwordHash = createHash('sha256').update(password).digest('hex');
	return `${baseUrl}\n${login}\n${passwordHash}`;
}

/** For tests: start from no sessions. */
export function clearDevinoSessions(): void {
	processDevinoSessions.clear();
}
