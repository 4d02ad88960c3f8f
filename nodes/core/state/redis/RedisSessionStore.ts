import { createHash, randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { SessionStore } from '../sessionStore';
import { DEFAULT_STATE_PREFIX } from './RedisAccountLimiters';
import { DELETE_IF_SCRIPT } from './stateScripts';

export interface RedisSessionSettings {
	/** How long a session is reused; keep it below the gateway's session lifetime. */
	reuseMs: number;
	/** Prefix of every key; default `n8n-sms-gateways:`. */
	prefix?: string;
	/** How long one process may hold the login lock; a crashed login frees it after this. */
	loginLockMs?: number;
	/** How often a process waiting for another's login looks for the session. */
	pollMs?: number;
}

type SessionCommands = Redis & { smsDeleteIf(key: string, value: string): Promise<number> };

/** Redis key names of one account's session (exported for the README and tests). */
export function sessionKeys(prefix: string, key: string): { session: string; loginLock: string } {
	// The account key names a login and a password hash; Redis sees only a hash of it.
	const hash = createHash('sha256').update(key).digest('hex');
	return { session: `${prefix}session:{${hash}}`, loginLock: `${prefix}session:{${hash}}:login` };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sessions shared through Redis: one login per account for every process on it. The process that
 * sets the login lock (SET NX with expiry) logs in and stores the session with an expiry below the
 * gateway's lifetime; the others wait for it and reuse it. A session the gateway refuses is
 * deleted only if it is still the stored one, so a fresh session from another process survives.
 * The caller owns the Redis connection. The session id is a credential: Redis must be as private
 * as n8n's own queue Redis.
 */
export class RedisSessionStore implements SessionStore {
	private readonly redis: SessionCommands;
	private readonly prefix: string;
	private readonly loginLockMs: number;
	private readonly pollMs: number;
	/** Calls of this process share one look-up or login per account. */
	private readonly pending = new Map<string, Promise<string>>();

	constructor(
		redis: Redis,
		private readonly settings: RedisSessionSettings,
	) {
		if (!(settings.reuseMs >= 1000)) throw new RangeError(`reuseMs must be at least 1000 (got ${settings.reuseMs})`);
		this.prefix = settings.prefix ?? DEFAULT_STATE_PREFIX;
		this.loginLockMs = settings.loginLockMs ?? 60_000;
		this.pollMs = settings.pollMs ?? 25;
		const commands = redis as SessionCommands;
		if (typeof commands.smsDeleteIf !== 'function') redis.defineCommand('smsDeleteIf', { numberOfKeys: 1, lua: DELETE_IF_SCRIPT });
		this.redis = commands;
	}

	session(key: string, logIn: () => Promise<string>): Promise<string> {
		const running = this.pending.get(key);
		if (running) return running;
		const lookUp = this.findOrLogIn(sessionKeys(this.prefix, key), logIn).finally(() => this.pending.delete(key));
		this.pending.set(key, lookUp);
		return lookUp;
	}

	async drop(key: string, session: string): Promise<void> {
		await this.redis.smsDeleteIf(sessionKeys(this.prefix, key).session, session);
	}

	private async findOrLogIn(keys: { session: string; loginLock: string }, logIn: () => Promise<string>): Promise<string> {
		// Waiting longer than the lock can be held means the lock is being taken over and over.
		const deadline = Date.now() + 2 * this.loginLockMs;
		for (;;) {
			const stored = await this.redis.get(keys.session);
			if (stored) return stored;
			const token = randomUUID();
			if ((await this.redis.set(keys.loginLock, token, 'PX', this.loginLockMs, 'NX')) === 'OK') {
				try {
					// Another process may have stored a session between our look-up and the lock.
					const late = await this.redis.get(keys.session);
					if (late) return late;
					const session = await logIn();
					await this.redis.set(keys.session, session, 'PX', this.settings.reuseMs);
					return session;
				} finally {
					await this.redis.smsDeleteIf(keys.loginLock, token).catch(() => undefined);
				}
			}
			if (Date.now() > deadline) throw new Error('No session: another process has held the login lock too long');
			await pause(this.pollMs);
		}
	}
}
