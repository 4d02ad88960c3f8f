// One process of a cross-process test of the Redis state (n8n queue mode has a main and workers):
// on one Redis, either sends requests through the account's gate, or asks Devino for the balance
// with the shared session store. Prints one JSON line with what it did.
require('../../../../harness/registerTypeScript');
const Redis = require('ioredis');
const { RedisAccountLimiters } = require('../../../../../nodes/core/state/redis/RedisAccountLimiters.ts');
const { RedisSessionStore } = require('../../../../../nodes/core/state/redis/RedisSessionStore.ts');
const { MemoryAccountLimiters, gatedTransport } = require('../../../../../nodes/core/state/accountLimiters.ts');
const { DevinoAdapter } = require('../../../../../nodes/gateways/devino/DevinoAdapter.ts');
const { createKeepAliveTransport } = require('../../../../../nodes/core/adapter/keepAliveTransport.ts');

async function limits(spec, redis) {
	const store = new RedisAccountLimiters(redis, { prefix: spec.prefix });
	const account = { gateway: 'smsClub', baseUrl: spec.url, identity: 'shared-token' };
	const transport = gatedTransport(createKeepAliveTransport(), store.gateFor(account, spec.limits));
	const answers = await Promise.all(Array.from({ length: spec.requests }, () => transport({ method: 'POST', url: spec.url })));
	return { ok: answers.filter((answer) => answer.status === 200).length };
}

async function devino(spec, redis) {
	const sessions = new RedisSessionStore(redis, { prefix: spec.prefix, reuseMs: spec.reuseMs });
	// Limits stay per process here: this test counts logins, not rates.
	const adapter = new DevinoAdapter(spec.account, createKeepAliveTransport(), { sessions, limiters: new MemoryAccountLimiters() });
	const balances = await Promise.all(Array.from({ length: spec.requests }, () => adapter.getBalance()));
	return { ok: balances.length };
}

async function main() {
	const spec = JSON.parse(process.argv[2]);
	const redis = new Redis({ host: '127.0.0.1', port: spec.port });
	try {
		// Every process starts at the same moment: once all have loaded (a barrier on the same Redis).
		await redis.incr(spec.barrier);
		while (Number(await redis.get(spec.barrier)) < spec.processes) await new Promise((resolve) => setTimeout(resolve, 5));
		const result = await (spec.mode === 'limits' ? limits(spec, redis) : devino(spec, redis));
		process.stdout.write(JSON.stringify(result) + '\n');
	} finally {
		redis.disconnect();
	}
}

main().catch((error) => {
	process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
	process.exit(1);
});
