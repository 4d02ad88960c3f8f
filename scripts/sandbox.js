'use strict';
/**
 * `npm start` (after `node scripts/setup.js start` has installed and built what it needs): a real
 * n8n with this package, the four gateway emulators, the Bitrix24 portal emulator with the
 * credential already connected, sandbox credentials and the example workflows (the Bitrix24 ones
 * published, so they listen at once), on loopback. Ctrl-C stops everything it started.
 *
 * Environment: SANDBOX_PORT (n8n, default 5678), SANDBOX_EMULATOR_PORT (first emulator port,
 * default 18701; the four use four consecutive ports, the Bitrix24 portal this port + 9),
 * SANDBOX_DIR (n8n user folder, default .sandbox/).
 */
const path = require('node:path');
const { REPO_ROOT, locateRuntime } = require('../test/n8n/runtimes');
const { createInstance, importCredentials, importWorkflows, runCli, startServer, assertPackageBuilt } = require('../test/n8n/process');
const { RestSession, LOCAL_OWNER } = require('../test/n8n/rest');
const { sandboxCredentials, bitrix24SandboxCredential, loadExamples, BITRIX24_EXAMPLES } = require('../test/n8n/sandboxSetup');
const { GATEWAYS, BITRIX24_PORTAL, startAll } = require('../test/emulators/all');
const bitrix24 = require('../test/emulators/bitrix24');

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
		const portal = await bitrix24.start({ port: FIRST_EMULATOR_PORT + (BITRIX24_PORTAL.defaultPort - 18701) });
		cleanups.push(() => portal.close());
		log(`  emulator ${BITRIX24_PORTAL.label.padEnd(28)} ${portal.url}`);

		// Bitrix24 refuses handler URLs on "localhost": n8n announces its webhooks on 127.0.0.1.
		const instance = createInstance(runtime, { userFolder: USER_FOLDER, port: N8N_PORT, brokerPort: N8N_PORT + 1, env: { WEBHOOK_URL: `http://127.0.0.1:${N8N_PORT}/` } });
		log(`Importing sandbox credentials and example workflows into ${path.relative(REPO_ROOT, USER_FOLDER) || USER_FOLDER}/ …`);
		await importCredentials(instance, [...sandboxCredentials(all.emulators), bitrix24SandboxCredential(portal)]);
		const examples = loadExamples();
		await importWorkflows(instance, Object.values(examples));
		for (const file of BITRIX24_EXAMPLES) {
			const published = await runCli(instance, ['publish:workflow', `--id=${examples[file].id}`]);
			if (published.code !== 0) throw new Error(`could not publish ${file}: ${published.stderr || published.stdout}`);
		}

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
		log(`  Bitrix24 portal (the two Bitrix24 examples are published and listening):`);
		log(`    an SMS from a manager:  curl -X POST ${portal.url}/__portal/sms -d '{"to":"+375291234567","text":"Your order is ready"}'`);
		log(`    a new lead:             curl -X POST ${portal.url}/__portal/crm -d '{"entity":"lead","fields":{"TITLE":"Web form","PHONE":[{"VALUE":"+375297654321","VALUE_TYPE":"MOBILE"}]}}'`);
		log(`    what the portal saw:    ${portal.url}/__portal/state`);
		log('');
		log(`Open ${instance.url}/workflow/${first.id} and press "Execute workflow". Ctrl-C stops everything.`);
	} catch (error) {
		log(`\nThe sandbox could not start: ${error.message}`);
		await stopAll(1);
	}
}

main();
