import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const all = require('../emulators/all') as {
	GATEWAYS: Array<{ id: string; module: string; basePath: string; credentialType: string; credentialData(account: Record<string, string>, baseUrl: string): ICredentialDataDecryptedObject }>;
	control(emulatorUrl: string, what: string, body?: unknown): Promise<unknown>;
};

export interface LedgerEntry {
	method: string;
	path: string;
	/** The emulator's clock when the request arrived (ms). */
	at: number;
	/** The HTTP status it answered, absent when the connection was dropped. */
	status?: number;
}

export interface EmulatorProcess {
	url: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	setConfig(config: Record<string, unknown>): Promise<void>;
	ledger(): Promise<{ requests: LedgerEntry[]; messages: Array<Record<string, unknown>> }>;
	close(): Promise<void>;
}

/**
 * One gateway emulator in its own Node process. A test that measures timing at the gateway (requests
 * per second) needs it: an emulator inside the test's process reads requests on the same event loop
 * as the node sends them, so a pause there bunches arrivals the sender had spaced correctly.
 */
export async function startEmulatorProcess(gatewayId: string): Promise<EmulatorProcess> {
	const gateway = all.GATEWAYS.find((g) => g.id === gatewayId);
	if (!gateway) throw new Error(`no emulator for gateway "${gatewayId}"`);
	const modulePath = path.join(__dirname, '..', 'emulators', gateway.module);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { DEFAULT_ACCOUNT } = require(modulePath) as { DEFAULT_ACCOUNT: Record<string, string> };
	const child: ChildProcess = spawn(process.execPath, [`${modulePath}.js`, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
	const url = await new Promise<string>((resolve, reject) => {
		let output = '';
		// Generous: a Node start-up on a loaded 2-CPU machine (load 15) has taken more than 10 s.
		const timer = setTimeout(() => reject(new Error(`the ${gatewayId} emulator did not start in 30 s: ${output}`)), 30_000);
		const take = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout!.on('data', take);
		child.stderr!.on('data', take);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the ${gatewayId} emulator exited (${code}) before listening: ${output}`));
		});
	});
	const baseUrl = `${url}${gateway.basePath}`;
	return {
		url,
		credentials: { [gateway.credentialType]: gateway.credentialData(DEFAULT_ACCOUNT, baseUrl) },
		async setConfig(config) {
			await all.control(url, 'config', config);
		},
		async ledger() {
			return (await all.control(url, 'ledger')) as { requests: LedgerEntry[]; messages: Array<Record<string, unknown>> };
		},
		close: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}
