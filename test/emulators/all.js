'use strict';
/**
 * All four gateway emulators at once, for the sandbox, the end-to-end tests and the benchmark.
 * `npm run emulators` runs them on fixed loopback ports until Ctrl-C.
 *
 * Each entry says where the real API's base URL ends (`basePath`), because a credential's base URL
 * includes it (https://userarea.sms-assistent.by/api/v1, https://integrationapi.net/rest), and how
 * that credential is filled from the emulator's DEFAULT_ACCOUNT.
 */
const { parseArgs } = require('./lib/cli');

const GATEWAYS = [
	{
		id: 'smsAssistent',
		label: 'SMS-assistent',
		module: './smsAssistent',
		basePath: '/api/v1',
		defaultPort: 18701,
		credentialType: 'smsAssistentApi',
		credentialData: (account, baseUrl) => ({
			login: account.login ?? account.username,
			authMethod: 'password',
			password: account.password,
			apiFormat: 'json',
			baseUrl,
		}),
	},
	{
		id: 'a1',
		label: 'A1',
		module: './a1',
		basePath: '',
		defaultPort: 18702,
		credentialType: 'a1Api',
		credentialData: (account, baseUrl) => ({ authType: 'bearer', token: account.token, baseUrl }),
	},
	{
		id: 'smsClub',
		label: 'SMSClub',
		module: './smsClub',
		basePath: '',
		defaultPort: 18703,
		credentialType: 'smsClubApi',
		credentialData: (account, baseUrl) => ({ token: account.token, baseUrl }),
	},
	{
		id: 'devino',
		label: 'Devino (integrationapi.net)',
		module: './devino',
		basePath: '/rest',
		defaultPort: 18704,
		credentialType: 'integrationApiNetApi',
		credentialData: (account, baseUrl) => ({ login: account.login ?? account.username, password: account.password, baseUrl }),
	},
];

/**
 * Starts every emulator. `ports` maps gateway id → port (0 or absent = any free port).
 * Resolves to `{ emulators: { [id]: { ...emulator, gateway, baseUrl } }, close() }`.
 */
async function startAll({ ports = {}, latencyMs = 0, only } = {}) {
	const started = {};
	try {
		for (const gateway of GATEWAYS) {
			if (only && !only.includes(gateway.id)) continue;
			const { start, DEFAULT_ACCOUNT } = require(gateway.module);
			const emulator = await start({ port: ports[gateway.id] ?? 0, latencyMs });
			// Copied by descriptor, not spread: spreading would freeze the `config` getter's value at start.
			started[gateway.id] = Object.defineProperties(
				{ gateway, account: DEFAULT_ACCOUNT, baseUrl: `${emulator.url}${gateway.basePath}` },
				Object.getOwnPropertyDescriptors(emulator),
			);
		}
	} catch (error) {
		await Promise.all(Object.values(started).map((e) => e.close()));
		throw error;
	}
	return {
		emulators: started,
		close: () => Promise.all(Object.values(started).map((e) => e.close())),
	};
}

/** The n8n credential that points at an emulator, with the emulator's own account. */
function credentialFor(emulator, { id, name }) {
	const { gateway } = emulator;
	return { id, name, type: gateway.credentialType, data: gateway.credentialData(emulator.account, emulator.baseUrl) };
}

/** POSTs to an emulator's control path from another process than the one running it. */
async function control(emulatorUrl, what, body) {
	const response = await fetch(`${emulatorUrl}/__emulator/${what}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return response.json();
}

if (require.main === module) {
	const args = parseArgs(process.argv.slice(2));
	const base = args['base-port'] ? Number(args['base-port']) : undefined;
	const ports = Object.fromEntries(GATEWAYS.map((g, i) => [g.id, base ? base + i : g.defaultPort]));
	startAll({ ports, latencyMs: args.latency ? Number(args.latency) : 0 })
		.then((all) => {
			for (const e of Object.values(all.emulators)) process.stdout.write(`${e.gateway.label.padEnd(28)} ${e.baseUrl}\n`);
			process.stdout.write('Control: GET <url>/__emulator/ledger, POST <url>/__emulator/reset. Ctrl-C stops.\n');
			const stop = () => all.close().then(() => process.exit(0));
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
		})
		.catch((error) => {
			process.stderr.write(`${error.stack}\n`);
			process.exit(1);
		});
}

/** Not an SMS gateway: the Bitrix24 portal the Bitrix24 nodes talk to (test/emulators/bitrix24.js). */
const BITRIX24_PORTAL = { id: 'bitrix24', label: 'Bitrix24 portal', module: './bitrix24', defaultPort: 18710 };

module.exports = { GATEWAYS, BITRIX24_PORTAL, startAll, credentialFor, control };
