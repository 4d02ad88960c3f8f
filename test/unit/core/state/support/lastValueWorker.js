// One process of a cross-process test: opens the last-value store named on the command line,
// waits for the common start time, swaps the value into every key and prints what it got back.
require('../../../../harness/registerTypeScript');

async function open(spec) {
	if (spec.backend === 'sqlite') {
		const { SqliteLastValueStore } = require('../../../../../nodes/core/state/lastValues/SqliteLastValueStore.ts');
		return { store: new SqliteLastValueStore(spec.file), done: () => undefined };
	}
	const Redis = require('ioredis');
	const { RedisLastValueStore } = require('../../../../../nodes/core/state/redis/RedisLastValueStore.ts');
	const redis = new Redis({ host: '127.0.0.1', port: spec.port });
	return { store: new RedisLastValueStore(redis, { prefix: spec.prefix }), done: () => redis.disconnect() };
}

async function main() {
	const spec = JSON.parse(process.argv[2]);
	const { store, done } = await open(spec);
	while (Date.now() < spec.startAt) await new Promise((resolve) => setTimeout(resolve, 2));
	const seen = {};
	await Promise.all(spec.keys.map(async (key) => (seen[key] = (await store.swap(key, spec.value)) ?? null)));
	await store.close();
	done();
	process.stdout.write(JSON.stringify(seen) + '\n');
}

main().catch((error) => {
	process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
	process.exit(1);
});
