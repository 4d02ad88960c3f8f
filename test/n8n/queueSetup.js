'use strict';
/**
 * What queue mode imports beside the sandbox credentials: n8n's own Redis credential (type
 * `redis`), pointing at the queue's Redis, for the package's state shared by every worker.
 */

const REDIS_CREDENTIAL = { id: 'sbxQueueRedis', name: 'Redis (queue mode sandbox)' };

/** `redis`: `{ host, port }` of a running Redis. Plain data: n8n encrypts it on import. */
function redisCredential(redis, identity = REDIS_CREDENTIAL) {
	return {
		...identity,
		type: 'redis',
		data: { host: redis.host, port: redis.port, database: 0, user: '', password: '', ssl: false, disableTlsVerification: false },
	};
}

module.exports = { REDIS_CREDENTIAL, redisCredential };
