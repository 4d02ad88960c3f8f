'use strict';
/**
 * `npm run start:queue` (after `node scripts/setup.js queue` has installed PostgreSQL, Redis, the
 * n8n 2.x runtime and built the package): n8n in queue mode on this machine — PostgreSQL and Redis
 * on free loopback ports with throw-away data, a main process and workers with this package, the
 * four gateway emulators, sandbox credentials (and a Redis credential for the package's shared
 * state) and the example workflows. Ctrl-C stops everything and deletes the data.
 *
 * Environment: QUEUE_PORT (the main's editor, default 5678), QUEUE_WORKERS (default 2),
 * QUEUE_CONCURRENCY (executions per worker, default 10).
 */
const { locateRuntime } = require('../test/n8n/runtimes');
const { assertPackageBuilt, importCredentials, importWorkflows } = require('../test/n8n/process');
const { RestSession, LOCAL_OWNER } = require('../test/n8n/rest');
const { sandboxCredentials, loadExamples } = require('../test/n8n/sandboxSetup');
const { startPostgres, startRedis } = require('../test/n8n/services');
const { createQueueInstances, startQueueMode } = require('../test/n8n/queueMode');
const { redisCredential } = require('../test/n8n/queueSetup');
const { startAll } = require('../test/emulators/all');

const PORT = Number(process.env.QUEUE_PORT ?? 5678);
const WORKERS = Number(process.env.QUEUE_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.QUEUE_CONCURRENCY ?? 10);

const log = (line) => process.stdout.write(`${line}\n`);

async function main() {
	const cleanups = [];
	let stopping = false;
	const stopAll = async (code) => {
		if (stopping) return;
		stopping = true;
		log('\nStopping queue mode…');
		for (const cleanup of cleanups.reverse()) {
			try {
				await cleanup();
			} catch (error) {
				log(`  (while stopping: ${error.message})`);
			}
		}
		log('Stopped; the throw-away database and Redis data are deleted.');
		process.exit(code);
	};
	process.on('SIGINT', () => stopAll(0));
	process.on('SIGTERM', () => stopAll(0));

	try {
		const runtime = locateRuntime('v2');
		if (!runtime) throw new Error('the n8n 2.x runtime is not installed: use `npm run start:queue`, which installs it');
		assertPackageBuilt();

		log('Starting PostgreSQL, Redis and the gateway emulators…');
		const [postgres, redis, all] = await Promise.all([startPostgres({ log }), startRedis({ log }), startAll()]);
		cleanups.push(() => postgres.stop(), () => redis.stop(), () => all.close());
		for (const e of Object.values(all.emulators)) log(`  emulator ${e.gateway.label.padEnd(28)} ${e.baseUrl}`);

		const instances = await createQueueInstances(runtime, { postgres, redis, port: PORT, workers: WORKERS });
		log('Importing sandbox credentials and example workflows into PostgreSQL…');
		const redisForPackage = redisCredential(redis);
		await importCredentials(instances.main, [...sandboxCredentials(all.emulators), redisForPackage]);
		const examples = loadExamples();
		await importWorkflows(instances.main, Object.values(examples));

		log(`Starting n8n ${runtime.n8nVersion}: main on ${instances.main.url}, ${WORKERS} workers (concurrency ${CONCURRENCY} each)…`);
		const started = Date.now();
		const queue = await startQueueMode(instances, { concurrency: CONCURRENCY });
		cleanups.push(() => queue.stop());
		for (const process of [queue.main, ...queue.workers]) {
			process.child.on('exit', (code) => {
				if (!stopping) log(`\n${process.name ?? 'main'} (pid ${process.pid}) exited (${code}); the others keep running. Ctrl-C stops everything.`);
			});
		}
		const session = new RestSession(instances.main.url);
		await session.setupOwnerOrLogin(LOCAL_OWNER);

		log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		log('');
		log(`  n8n editor:  ${instances.main.url}/   (main; executions run on the workers)`);
		log(`  login:       ${LOCAL_OWNER.email}  /  ${LOCAL_OWNER.password}   (local only)`);
		for (const worker of queue.workers) log(`  ${worker.name}:    pid ${worker.pid}, health http://127.0.0.1:${worker.instance.healthPort}/healthz/readiness`);
		log(`  Redis credential for the package: "${redisForPackage.name}" (the queue's own Redis, 127.0.0.1:${redis.port});`);
		log('               on Send SMS / Send Batch / Get Status and the SMS Gateway Trigger set Options → Tracking Store: Redis with it, so the workers and the trigger share each gateway account\'s limits and session');
		log(`  PostgreSQL:  psql -h 127.0.0.1 -p ${postgres.port} -U ${postgres.user} ${postgres.database}`);
		for (const [file, workflow] of Object.entries(examples)) log(`  example:     ${instances.main.url}/workflow/${workflow.id}   (${file})`);
		log('');
		log('Ctrl-C stops everything.');
	} catch (error) {
		log(`\nQueue mode could not start: ${error.message}`);
		await stopAll(1);
	}
}

main();
