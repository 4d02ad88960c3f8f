/**
 * Lua scripts for the state shared through Redis. Redis runs a script atomically, so two processes
 * can never take the same start slot or the last in-flight place. Times come from the Redis
 * server's clock (TIME), so processes on machines with different clocks still agree.
 */
const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS[1] the account's next free start (ms); ARGV[1] the interval (whole ms).
 * Reserves slot = max(now, next), sets next = slot + interval, returns { wait until the slot, slot }.
 * The key lives until its slot is past (plus a second), so an idle account leaves nothing behind.
 */
export const RESERVE_START_SCRIPT = `${NOW_MS}
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local after = slot + tonumber(ARGV[1])
redis.call('SET', KEYS[1], tostring(after), 'PX', after - now + 1000)
return { slot - now, slot }`;

/** KEYS[1] the account's next free start (for Redis Cluster routing); ARGV[1] a slot. Returns how late now is for it (ms). */
export const START_DELAY_SCRIPT = `${NOW_MS}
return now - tonumber(ARGV[1])`;

/**
 * KEYS[1] the account's leases (sorted set: lease id → expiry); ARGV[1] the bound, ARGV[2] the
 * lease time (ms), ARGV[3] the new lease's id. Expired leases (a killed worker's) are dropped
 * first; returns 1 when the lease was taken, 0 when the account is full.
 */
export const TAKE_LEASE_SCRIPT = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** Same keys and arguments: extends a lease still held (a long request); 0 when it has expired. */
export const RENEW_LEASE_SCRIPT = `${NOW_MS}
if not redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** KEYS[1] a key; ARGV[1] a value. Deletes the key only while it still holds that value. */
export const DELETE_IF_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * KEYS[1] the values (hash: key → value), KEYS[2] when each was last swapped (sorted set: key →
 * ms); ARGV[1] the key, ARGV[2] the new value, ARGV[3] the count bound, ARGV[4] the age bound
 * (ms). Forgets keys past the age bound (up to 1,000 per call), stores the value, forgets the
 * least recently swapped keys beyond the count bound (never the one just stored), and returns the
 * value the key had, or nil.
 */
export const SWAP_LAST_VALUE_SCRIPT = `${NOW_MS}
local maxAge = tonumber(ARGV[4])
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. (now - maxAge), 'LIMIT', 0, 1000)
for _, key in ipairs(expired) do
	redis.call('ZREM', KEYS[2], key)
	redis.call('HDEL', KEYS[1], key)
end
local previous = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], now, ARGV[1])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if excess > 0 then
	for _, key in ipairs(redis.call('ZRANGE', KEYS[2], 0, excess)) do
		if excess > 0 and key ~= ARGV[1] then
			redis.call('ZREM', KEYS[2], key)
			redis.call('HDEL', KEYS[1], key)
			excess = excess - 1
		end
	end
end
redis.call('PEXPIRE', KEYS[1], maxAge)
redis.call('PEXPIRE', KEYS[2], maxAge)
return previous`;
