import Redis, { type RedisOptions } from 'ioredis';
import { isPolled, type TrackingBackend } from '../TrackingBackend';
import type { TrackedMessage, TrackingScope } from '../TrackingStore';
import { CLAIM_DUE_SCRIPT, COMPARE_AND_SET_SCRIPT, INSERT_SCRIPT, PURGE_SCRIPT, RESET_SCOPE_SCRIPT } from './trackingScripts';

/** The hash tag keeps every key in one Redis Cluster slot, as multi-key scripts need. */
export const DEFAULT_REDIS_PREFIX = 'n8n-sms-gateways:{tracking}:';

type ScriptCall = (...args: Array<string | number>) => Promise<unknown>;
type ScriptedRedis = Redis & Record<'smsTrackInsert' | 'smsTrackCas' | 'smsTrackClaim' | 'smsTrackPurge' | 'smsTrackResetScope', ScriptCall>;

/**
 * The Redis backend, for n8n's queue mode where main and workers are separate processes or
 * machines. Each step that reads and then writes is one Lua script (trackingScripts.ts), so
 * concurrent pollers and report receivers serialize on the server, never in this process.
 */
export class RedisTrackingBackend implements TrackingBackend {
	private readonly redis: ScriptedRedis;
	private readonly where: string;
	private lastError: Error | undefined;

	constructor(options: RedisOptions, private readonly prefix = DEFAULT_REDIS_PREFIX) {
		const redis = new Redis({ maxRetriesPerRequest: 2, connectTimeout: 5_000, disconnectTimeout: 500, ...options });
		this.where = `${options.host ?? 'localhost'}:${options.port ?? 6379}`;
		// Connection errors surface through the failing command (see failure()); the listener keeps
		// ioredis from printing them as unhandled.
		redis.on('error', (error: Error) => (this.lastError = error));
		redis.defineCommand('smsTrackInsert', { numberOfKeys: 2, lua: INSERT_SCRIPT });
		redis.defineCommand('smsTrackCas', { numberOfKeys: 2, lua: COMPARE_AND_SET_SCRIPT });
		redis.defineCommand('smsTrackClaim', { numberOfKeys: 1, lua: CLAIM_DUE_SCRIPT });
		redis.defineCommand('smsTrackPurge', { numberOfKeys: 1, lua: PURGE_SCRIPT });
		redis.defineCommand('smsTrackResetScope', { numberOfKeys: 2, lua: RESET_SCOPE_SCRIPT });
		this.redis = redis as ScriptedRedis;
	}

	insert(records: readonly TrackedMessage[], maxActive: number) {
		return this.guard(async () => {
			const args = records.flatMap((record) => [
				this.recordKey(record.gateway, record.messageId),
				isPolled(record) ? '1' : '0',
				this.dueKey(record),
				...this.placement(record),
				...this.fields(record),
			]);
			return (await this.redis.smsTrackInsert(this.activeKey, this.retainedKey, maxActive, ...args)) as Array<'tracked' | 'already_tracked' | 'store_full'>;
		});
	}

	get(gateway: string, messageId: string) {
		return this.guard(async () => {
			const [version, next, json] = await this.redis.hmget(this.recordKey(gateway, messageId), 'v', 'n', 'r');
			return json === null ? undefined : decode(json, version, next);
		});
	}

	compareAndSet(current: TrackedMessage | undefined, next: TrackedMessage) {
		return this.guard(async () => {
			// The script checks the version, so the old placement computed here from `current` is the stored one when it writes.
			const [oldMember] = current ? this.placement(current) : [''];
			const [newMember, score] = this.placement(next);
			const written = await this.redis.smsTrackCas(
				this.activeKey,
				this.retainedKey,
				this.recordKey(next.gateway, next.messageId),
				current ? String(current.version) : '',
				current ? (isPolled(current) ? '1' : '0') : '',
				current ? this.dueKey(current) : '',
				oldMember,
				isPolled(next) ? '1' : '0',
				this.dueKey(next),
				newMember,
				score,
				...this.fields(next),
			);
			return written === 1;
		});
	}

	claimDue(scope: TrackingScope, now: number, limit: number, leaseUntil: number) {
		return this.guard(async () => {
			const flat = (await this.redis.smsTrackClaim(this.dueKey(scope), now, limit, leaseUntil, this.recordKey(scope.gateway, ''))) as string[];
			const claimed: TrackedMessage[] = [];
			for (let i = 0; i < flat.length; i += 2) claimed.push(decode(flat[i], flat[i + 1], String(leaseUntil)));
			return claimed;
		});
	}

	purge(olderThan: number, maxRetained: number) {
		return this.guard(async () => {
			return Number(await this.redis.smsTrackPurge(this.retainedKey, olderThan, maxRetained, `${this.prefix}m:`));
		});
	}

	stats() {
		return this.guard(async () => {
			const [active, retained] = await Promise.all([this.redis.get(this.activeKey), this.redis.zcard(this.retainedKey)]);
			return { active: Number(active ?? 0), retained };
		});
	}

	reset(scope?: TrackingScope) {
		return this.guard(async () => {
			if (scope) {
				await this.redis.smsTrackResetScope(this.activeKey, this.dueKey(scope), this.recordKey(scope.gateway, ''));
				return;
			}
			let cursor = '0';
			do {
				const [nextCursor, keys] = await this.redis.scan(cursor, 'MATCH', `${escapeGlob(this.prefix)}*`, 'COUNT', 1000);
				if (keys.length) await this.redis.del(...keys);
				cursor = nextCursor;
			} while (cursor !== '0');
		});
	}

	async close() {
		// quit() lets pending commands finish; a client that never connected is simply dropped (with its timers).
		if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
		else this.redis.disconnect();
	}

	/** Runs a step, turning a connection failure into an error that says which Redis and why. */
	private async guard<T>(step: () => Promise<T>): Promise<T> {
		try {
			return await step();
		} catch (error) {
			const cause = this.lastError && this.redis.status !== 'ready' ? this.lastError : error;
			throw new Error(`Tracking store: Redis at ${this.where} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
		}
	}

	private get activeKey() {
		return `${this.prefix}active`;
	}

	private get retainedKey() {
		return `${this.prefix}retained`;
	}

	private recordKey(gateway: string, messageId: string) {
		return `${this.prefix}m:${gateway}:${messageId}`;
	}

	private dueKey(scope: TrackingScope) {
		return `${this.prefix}due:${scope.gateway}:${scope.credentialId}`;
	}

	/** The record's member and score in the index it belongs to: due by next check, or retained by last update. */
	private placement(record: TrackedMessage): [string, number] {
		return isPolled(record) ? [record.messageId, record.nextCheckAt ?? record.updatedAt] : [`${record.gateway}:${record.messageId}`, record.updatedAt];
	}

	private fields(record: TrackedMessage): [string, string, string] {
		return [String(record.version), record.nextCheckAt === undefined ? '' : String(record.nextCheckAt), JSON.stringify(record)];
	}
}

/** The hash keeps version and next check apart from the JSON, so scripts can change them without parsing it. */
function decode(json: string, version: string | null, next: string | null): TrackedMessage {
	const record = JSON.parse(json) as TrackedMessage;
	record.version = Number(version);
	record.nextCheckAt = next ? Number(next) : undefined;
	return record;
}

function escapeGlob(text: string): string {
	return text.replace(/[*?[\]\\]/g, '\\$&');
}
