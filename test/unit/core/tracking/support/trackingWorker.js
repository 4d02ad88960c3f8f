// One process of a cross-process test: opens the store named on the command line and races the
// other processes to record the same statuses. Prints one JSON line: the ids it got changes for.
require('../../../../harness/registerTypeScript');
const { createTrackingStore } = require('../../../../../nodes/core/tracking/createTrackingStore.ts');
const { statusOf } = require('../../../../../nodes/core/status/normalizeStatus.ts');

async function open(spec) {
	if (spec.backend === 'sqlite') {
		const { SqliteTrackingBackend } = require('../../../../../nodes/core/tracking/sqlite/SqliteTrackingBackend.ts');
		return createTrackingStore(new SqliteTrackingBackend(spec.file));
	}
	const { RedisTrackingBackend } = require('../../../../../nodes/core/tracking/redis/RedisTrackingBackend.ts');
	return createTrackingStore(new RedisTrackingBackend({ host: '127.0.0.1', port: spec.port }, spec.prefix));
}

async function main() {
	const spec = JSON.parse(process.argv[2]);
	const store = await open(spec);
	const now = new Date(spec.now);
	// Every process starts racing at the same moment.
	while (Date.now() < spec.startAt) await new Promise((resolve) => setTimeout(resolve, 5));
	const own = spec.own.map((id) => ({ gateway: 'smsAssistent', credentialId: 'cred-1', messageId: id, to: '+375291234567', status: statusOf('queued', 'Queued'), sentAt: new Date(spec.sentAt) }));
	const tracked = await store.track(own, now);
	const changes = [];
	for (const [index, id] of spec.race.entries()) {
		const source = (index + spec.worker) % 2 === 0 ? 'poll' : 'report';
		for (const status of ['sent', 'delivered']) {
			const outcome = await store.record({ gateway: 'smsAssistent', messageId: id, source, outcome: { kind: 'status', status: statusOf(status, status) } }, now);
			if (outcome.kind === 'changed') changes.push(`${id}:${outcome.change.status}`);
		}
	}
	await store.close();
	process.stdout.write(JSON.stringify({ tracked: tracked.filter((t) => t === 'tracked').length, changes }) + '\n');
}

main().catch((error) => {
	process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
	process.exit(1);
});
