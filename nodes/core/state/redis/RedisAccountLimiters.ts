import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { accountKeyHash, type AccountKey, type AccountLimiterStore, type AccountLimits, type RequestGate, type Wait } from '../accountLimiters';
import { RENEW_LEASE_SCRIPT, RESERVE_START_SCRIPT, START_DELAY_SCRIPT, TAKE_LEASE_SCRIPT } from './stateScripts';

export const DEFAULT_STATE_PREFIX = 'n8n-sms-gateways:';

export interface RedisLimiterSettings {
	/** Prefix of every key; default `n8n-sms-gateways:`. */
	prefix?: string;
	/** How long an in-flight place is held without renewal: a killed worker's place frees after it. */
	leaseMs?: number;
	/** How often a process waiting for a place asks again. */
	pollMs?: number;
	/**
	 * How late a request may reach the gateway after its slot (a busy event loop, the network) and
	 * still keep any one-second window within the rate: starts are spaced (1000 + this) / rate ms
	 * apart. A process whose wait for its slot ended more than half of this late gives the slot up
	 * and takes a new one, so the other half is left for the way from the process to the gateway.
	 */
	lateStartMs?: number;
	wait?: Wait;
}

const realWait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A busy process gives up at most this many late slots in a row, then starts late rather than never. */
const MAX_SLOTS_GIVEN_UP = 3;

type LimiterCommands = Redis & {
	smsReserveStart(key: string, intervalMs: number): Promise<[number, number]>;
	smsStartDelay(key: string, slot: number): Promise<number>;
	smsTakeLease(key: string, bound: number, leaseMs: number, id: string): Promise<number>;
	smsRenewLease(key: string, bound: number, leaseMs: number, id: string): Promise<number>;
};

/** Redis key names of one account's limits (exported for the README and tests). */
export function limiterKeys(prefix: string, account: AccountKey): { nextStart: string; leases: string } {
	// The hash tag keeps one account's keys in one Redis Cluster slot.
	const base = `${prefix}limits:{${accountKeyHash(account)}}:`;
	return { nextStart: `${base}next-start`, leases: `${base}in-flight` };
}

class RedisGate implements RequestGate {
	constructor(
		private readonly redis: LimiterCommands,
		private readonly keys: { nextStart: string; leases: string },
		private readonly limits: AccountLimits,
		private readonly settings: Required<Omit<RedisLimiterSettings, 'prefix'>>,
	) {}

	async enter(): Promise<() => void> {
		const release = await this.takeLease();
		try {
			await this.pace();
		} catch (error) {
			release();
			throw error;
		}
		return release;
	}

	/** One in-flight place, renewed while held so a long request keeps it and a dead process does not. */
	private async takeLease(): Promise<() => void> {
		const { leaseMs, pollMs, wait } = this.settings;
		const bound = Math.max(1, this.limits.inFlight);
		const id = randomUUID();
		while ((await this.redis.smsTakeLease(this.keys.leases, bound, leaseMs, id)) !== 1) {
			// Jitter spreads the processes that wait so they do not ask in lockstep.
			await wait(pollMs / 2 + Math.random() * pollMs);
		}
		const renewal = setInterval(() => {
			this.redis.smsRenewLease(this.keys.leases, bound, leaseMs, id).catch(() => undefined);
		}, leaseMs / 3);
		renewal.unref();
		let left = false;
		return () => {
			if (left) return;
			left = true;
			clearInterval(renewal);
			// If Redis cannot be reached the lease expires on its own.
			this.redis.zrem(this.keys.leases, id).catch(() => undefined);
		};
	}

	private async pace(): Promise<void> {
		const perSecond = this.limits.requestsPerSecond;
		if (!perSecond || perSecond <= 0) return;
		const { lateStartMs, wait } = this.settings;
		const intervalMs = Math.ceil((1000 + lateStartMs) / perSecond);
		for (let givenUp = 0; ; givenUp++) {
			const [waitMs, slot] = await this.redis.smsReserveStart(this.keys.nextStart, intervalMs);
			if (waitMs <= 0) return;
			await wait(waitMs);
			// A timer that fired late (a busy worker) would start this request among later slots, which
			// a gateway counting arrivals per second sees as a burst: a new slot instead.
			if (givenUp >= MAX_SLOTS_GIVEN_UP || (await this.redis.smsStartDelay(this.keys.nextStart, slot)) <= lateStartMs / 2) return;
		}
	}
}

/**
 * Per-account limits kept in Redis, so they hold across every process on it (n8n queue mode:
 * a main and its workers). Request starts are spaced through one reserved slot per account;
 * requests open at once are bounded by leases that expire if their process dies. Every key
 * expires on its own once the account is idle. The caller owns the Redis connection.
 */
export class RedisAccountLimiters implements AccountLimiterStore {
	private readonly redis: LimiterCommands;
	private readonly prefix: string;
	private readonly settings: Required<Omit<RedisLimiterSettings, 'prefix'>>;

	constructor(redis: Redis, settings: RedisLimiterSettings = {}) {
		this.prefix = settings.prefix ?? DEFAULT_STATE_PREFIX;
		this.settings = {
			leaseMs: settings.leaseMs ?? 120_000,
			pollMs: settings.pollMs ?? 20,
			lateStartMs: settings.lateStartMs ?? 50,
			wait: settings.wait ?? realWait,
		};
		if (!(this.settings.leaseMs >= 100)) throw new RangeError(`leaseMs must be at least 100 (got ${this.settings.leaseMs})`);
		const commands = redis as LimiterCommands;
		if (typeof commands.smsReserveStart !== 'function') {
			redis.defineCommand('smsReserveStart', { numberOfKeys: 1, lua: RESERVE_START_SCRIPT });
			redis.defineCommand('smsStartDelay', { numberOfKeys: 1, lua: START_DELAY_SCRIPT });
			redis.defineCommand('smsTakeLease', { numberOfKeys: 1, lua: TAKE_LEASE_SCRIPT });
			redis.defineCommand('smsRenewLease', { numberOfKeys: 1, lua: RENEW_LEASE_SCRIPT });
		}
		this.redis = commands;
	}

	gateFor(account: AccountKey, limits: AccountLimits): RequestGate {
		return new RedisGate(this.redis, limiterKeys(this.prefix, account), limits, this.settings);
	}
}
