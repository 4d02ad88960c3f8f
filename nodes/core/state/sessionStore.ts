import { BoundedCache } from './BoundedCache';

/**
 * Where a gateway's login sessions live. One account logs in once and every caller reuses the
 * session until it expires or the gateway refuses it. The default keeps sessions in this process;
 * several n8n processes (queue mode) share one through Redis instead.
 */
export interface SessionStore {
	/**
	 * The account's session: a stored one, or the result of one login shared by every caller that
	 * asks while it runs. `key` names the account (see the gateway's session key); `now` is the
	 * caller's clock, for stores that expire entries themselves.
	 */
	session(key: string, logIn: () => Promise<string>, now?: () => number): Promise<string>;
	/** Forgets a session the gateway refused, unless another caller has already replaced it. */
	drop(key: string, session: string): Promise<void>;
}

interface SessionEntry {
	session?: string;
	expiresAt: number;
	/** A login in flight, so that parallel calls share it instead of each logging in. */
	pending?: Promise<string>;
}

/** Sessions in this process's memory, at most `maxAccounts` of them, each reused for `reuseMs`. */
export class MemorySessionStore implements SessionStore {
	// A login in flight is kept until it settles, whatever the bound.
	private readonly entries: BoundedCache<string, SessionEntry>;

	constructor(
		maxAccounts: number,
		private readonly reuseMs: number,
	) {
		this.entries = new BoundedCache<string, SessionEntry>(maxAccounts, reuseMs, Date.now, (entry) => entry.pending !== undefined);
	}

	async session(key: string, logIn: () => Promise<string>, now: () => number = Date.now): Promise<string> {
		const entry = this.entries.get(key);
		if (entry?.session && entry.expiresAt > now()) return entry.session;
		if (entry?.pending) return entry.pending;
		const pending = logIn();
		this.entries.set(key, { expiresAt: 0, pending });
		try {
			const session = await pending;
			this.entries.set(key, { session, expiresAt: now() + this.reuseMs });
			return session;
		} catch (error) {
			if (this.entries.get(key)?.pending === pending) this.entries.delete(key);
			throw error;
		}
	}

	async drop(key: string, session: string): Promise<void> {
		if (this.entries.get(key)?.session === session) this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}

	get size(): number {
		return this.entries.size;
	}
}
