/**
 * The Redis backend's atomic steps, as Lua scripts: Redis runs a script without interleaving any
 * other command (https://redis.io/docs/latest/develop/interact/programmability/eval-intro/), so a
 * check and the writes that depend on it cannot be split by a concurrent poller or report
 * receiver. Every key carries the same hash tag, so a Redis Cluster keeps them in one slot.
 *
 * Layout under the prefix P:
 *   P..'m:'..gateway..':'..messageId   hash: v = version, n = next check (ms, '' if none), r = record JSON
 *   P..'due:'..gateway..':'..credential sorted set of polled message ids by next check
 *   P..'retained'                       sorted set of 'gateway:messageId' of the other records, by last update
 *   P..'active'                         count of polled records
 */

/** KEYS: active, retained. ARGV: maxActive, then per record: key, polled, dueKey, member, score, v, n, json. */
export const INSERT_SCRIPT = `
local active = tonumber(redis.call('GET', KEYS[1]) or '0')
local max = tonumber(ARGV[1])
local out = {}
for i = 2, #ARGV, 8 do
	local key, polled, dueKey, member, score = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
	if redis.call('EXISTS', key) == 1 then
		out[#out + 1] = 'already_tracked'
	elseif polled == '1' and active >= max then
		out[#out + 1] = 'store_full'
	else
		redis.call('HSET', key, 'v', ARGV[i + 5], 'n', ARGV[i + 6], 'r', ARGV[i + 7])
		if polled == '1' then
			redis.call('ZADD', dueKey, score, member)
			redis.call('INCR', KEYS[1])
			active = active + 1
		else
			redis.call('ZADD', KEYS[2], score, member)
		end
		out[#out + 1] = 'tracked'
	end
end
return out
`;

/**
 * KEYS: active, retained. ARGV: key, expected version ('' = must be absent), was polled ('1', '0',
 * '' if absent), old due key, old member, new polled, new due key, new member, score, v, n, json.
 * Returns 1 when written, 0 when another writer changed the record first.
 */
export const COMPARE_AND_SET_SCRIPT = `
local key = ARGV[1]
local current = redis.call('HGET', key, 'v')
if ARGV[2] == '' then
	if current then return 0 end
elseif current ~= ARGV[2] then
	return 0
end
if ARGV[3] == '1' then
	redis.call('ZREM', ARGV[4], ARGV[5])
	redis.call('DECR', KEYS[1])
elseif ARGV[3] == '0' then
	redis.call('ZREM', KEYS[2], ARGV[5])
end
redis.call('HSET', key, 'v', ARGV[10], 'n', ARGV[11], 'r', ARGV[12])
if ARGV[6] == '1' then
	redis.call('ZADD', ARGV[7], ARGV[9], ARGV[8])
	redis.call('INCR', KEYS[1])
else
	redis.call('ZADD', KEYS[2], ARGV[9], ARGV[8])
end
return 1
`;

/** KEYS: due key. ARGV: now, limit, lease until, record key prefix. Returns r1, v1, r2, v2, … */
export const CLAIM_DUE_SCRIPT = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
	local key = ARGV[4] .. id
	local version = redis.call('HINCRBY', key, 'v', 1)
	redis.call('HSET', key, 'n', ARGV[3])
	redis.call('ZADD', KEYS[1], ARGV[3], id)
	out[#out + 1] = redis.call('HGET', key, 'r')
	out[#out + 1] = tostring(version)
end
return out
`;

/** KEYS: retained. ARGV: older than, max retained, record key prefix. Returns how many records were removed. */
export const PURGE_SCRIPT = `
local removed = 0
local function drop(members)
	for _, member in ipairs(members) do
		redis.call('DEL', ARGV[3] .. member)
		redis.call('ZREM', KEYS[1], member)
		removed = removed + 1
	end
end
drop(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1]))
local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[2])
if excess > 0 then drop(redis.call('ZRANGE', KEYS[1], 0, excess - 1)) end
return removed
`;

/** KEYS: active, due key. ARGV: record key prefix. Forgets the scope's polled records. */
export const RESET_SCOPE_SCRIPT = `
local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
for _, id in ipairs(ids) do redis.call('DEL', ARGV[1] .. id) end
redis.call('DEL', KEYS[2])
if #ids > 0 then redis.call('DECRBY', KEYS[1], #ids) end
return #ids
`;
