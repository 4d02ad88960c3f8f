'use strict';
/**
 * n8n in queue mode on one machine: a main process (editor, REST API, webhooks; it puts each
 * execution on the Bull queue in Redis) and workers (`n8n worker`) that take executions from the
 * queue, all on one PostgreSQL database, each with its own user folder as if on its own machine.
 * Shared by `npm run start:queue` and the queue-mode tests.
 *
 * Settings are n8n's own (see n8n's docs "Configuring queue mode" and @n8n/config): EXECUTIONS_MODE,
 * QUEUE_BULL_REDIS_*, DB_TYPE=postgresdb with DB_POSTGRESDB_*, the same N8N_ENCRYPTION_KEY everywhere
 * (createInstance sets it), QUEUE_HEALTH_CHECK_* for a worker's /healthz/readiness.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createInstance, startServer, startN8nProcess } = require('./process');
const { freePort } = require('./services');

/** The environment main and workers share: the queue, the database, manual runs on workers too. */
function queueModeEnv({ postgres, redis, bullPrefix = 'bull' }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_BULL_REDIS_DB: '0',
		QUEUE_BULL_PREFIX: bullPrefix,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		// Runs started in the editor go to the workers too (n8n 3.x's only behaviour).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// Executions' results are kept, so a test can read every one of them.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
	};
}

/**
 * Main and worker instances (user folders, ports, environment), not started yet, so credentials
 * and workflows can be imported into the database first (through the main's CLI).
 * `root`: folder for the user folders (default: a new temporary folder, removed by stop()).
 */
async function createQueueInstances(runtime, { postgres, redis, port, workers = 2, env = {}, root } = {}) {
	const base = root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	const shared = { ...queueModeEnv({ postgres, redis }), ...env };
	const main = createInstance(runtime, {
		userFolder: path.join(base, 'main'),
		port: port ?? (await freePort()),
		brokerPort: await freePort(),
		env: shared,
	});
	const workerInstances = [];
	for (let i = 1; i <= workers; i++) {
		const healthPort = await freePort();
		const instance = createInstance(runtime, {
			userFolder: path.join(base, `worker-${i}`),
			port: healthPort,
			brokerPort: await freePort(),
			env: {
				...shared,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			},
		});
		workerInstances.push({ ...instance, name: `worker-${i}`, healthPort });
	}
	return { main, workers: workerInstances, root: base, ownsRoot: root === undefined };
}

async function workerReady(healthPort) {
	try {
		const response = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * Starts the main (it migrates the database), then the workers. `concurrency`: executions one
 * worker runs at once. Resolves to `{ main, workers: [{ name, pid, kill(), stop(), output }],
 * stop() }`; stop() ends the workers, then the main, and removes the user folders it created.
 */
async function startQueueMode(instances, { concurrency = 10, timeoutMs = 180000, onOutput } = {}) {
	const started = [];
	const stop = async () => {
		for (const process of started.reverse()) await process.stop();
		if (instances.ownsRoot) fs.rmSync(instances.root, { recursive: true, force: true });
	};
	try {
		const main = await startServer(instances.main, { timeoutMs, onOutput: onOutput && ((text) => onOutput('main', text)) });
		started.push(main);
		const workers = await Promise.all(
			instances.workers.map(async (instance) => {
				const worker = await startN8nProcess(instance, ['worker', `--concurrency=${concurrency}`], {
					isReady: () => workerReady(instance.healthPort),
					timeoutMs,
					onOutput: onOutput && ((text) => onOutput(instance.name, text)),
					what: `n8n worker ${instance.name}`,
				});
				started.push(worker);
				return { ...worker, name: instance.name, instance };
			}),
		);
		return { main, workers, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { queueModeEnv, createQueueInstances, startQueueMode };
