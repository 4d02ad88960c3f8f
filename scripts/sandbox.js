'use strict';
/**
 * `npm start` (after `node scripts/setup.js start` has installed and built what it needs): a real
 * n8n with this package, the four gateway emulators, sandbox credentials and the example
 * workflows, on loopback. Ctrl-C stops everything it started.
 *
 * Environment: SANDBOX_PORT (n8n, default 5678), SANDBOX_EMULATOR_PORT (first emulator port,
 * default 18701; the four use four consecutive ports), SANDBOX_DIR (n8n user folder, default .sandbox/).
 */
const path = require('node:path');
const { REPO_ROOT, locateRuntime } = require('../test/n8n/runtimes');
const { createInstance, importCredentials, importWorkflows, startServer, assertPackageBuilt } = require('../test/n8n/process');
const { RestSession, LOCAL_OWNER } = require('../test/n8n/rest');
const { sandboxCredentials, loadExamples } = require('../test/n8n/sandboxSetup');
const { GATEWAYS, startAll } = require('../test/emulators/all');

const N8N_PORT = Number(process.env.SANDBOX_PORT ?? 5678);
const FIRST_EMULATOR_PORT = Number(process.env.SANDBOX_EMULATOR_PORT ?? 18701);
const USER_FOLDER = path.resolve(process.env.SANDBOX_DIR ?? path.join(REPO_ROOT, '.sandbox'));

const log = (line) => process.stdout.write(`${line}\n`);

async function main() {
	const cleanups = [];
	let stopping = false;
	const stopAll = async (code) => {
		if (stopping) return;
		stopping = true;
		log('\nStopping the sandbox…');
		for (const cleanup of cleanups.reverse()) {
			try {
				await cleanup();
			} catch (error) {
				log(`  (while stopping: ${error.message})`);
			}
		}
		process.exit(code);
	};
	process.on('SIGINT', () => stopAll(0));
	process.on('SIGTERM', () => stopAll(0));

	try {
		const runtime = locateRuntime('v2');
		if (!runtime) throw new Error('the n8n 2.x runtime is not installed: start the sandbox with `npm start`, which installs it');
		assertPackageBuilt();

		const ports = Object.fromEntries(GATEWAYS.map((g, i) => [g.id, FIRST_EMULATOR_PORT + i]));
		const all = await startAll({ ports });
		cleanups.push(() => all.close());
		for (const e of Object.values(all.emulators)) log(`  emulator ${e.gateway.label.padEnd(28)} ${e.baseUrl}`);

		const instance = createInstance(runtime, { userFolder: USER_FOLDER, port: N8N_PORT, brokerPort: N8N_PORT + 1 });
		log(`Importing sandbox credentials and example workflows into ${path.relative(REPO_ROOT, USER_FOLDER) || USER_FOLDER}/ …`);
		await importCredentials(instance, sandboxCredentials(all.emulators));
		const examples = loadExamples();
		await importWorkflows(instance, Object.values(examples));

		log(`Starting n8n ${runtime.n8nVersion} on ${instance.url} …`);
		const server = await startServer(instance);
		cleanups.push(() => server.stop());
		server.child.on('exit', (code) => {
			if (!stopping) {
				log(`n8n exited (${code}).\n${server.output.slice(-20).join('')}`);
				stopAll(1);
			}
		});
		const session = new RestSession(instance.url);
		await session.setupOwnerOrLogin(LOCAL_OWNER);

		const first = examples['send-batch-from-spreadsheet.json'] ?? Object.values(examples)[0];
		log('');
		log(`  n8n editor:  ${instance.url}/`);
		log(`  login:       ${LOCAL_OWNER.email}  /  ${LOCAL_OWNER.password}   (local sandbox only)`);
		for (const [file, workflow] of Object.entries(examples)) log(`  example:     ${instance.url}/workflow/${workflow.id}   (${file})`);
		log(`  emulator ledgers: <emulator url>/__emulator/ledger   e.g. ${Object.values(all.emulators)[0].url}/__emulator/ledger`);
		log('');
		log(`Open ${instance.url}/workflow/${first.id} and press "Execute workflow". Ctrl-C stops everything.`);
	} catch (error) {
		log(`\nThe sandbox could not start: ${error.message}`);
		await stopAll(1);
	}
}

main();
