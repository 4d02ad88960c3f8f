import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// The emulators are plain JavaScript shared with the sandbox and the end-to-end tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const all = require('../emulators/all') as {
	GATEWAYS: Array<{ id: string; label: string; credentialType: string }>;
	startAll(options?: { only?: string[] }): Promise<{ emulators: Record<string, Emulator>; close(): Promise<void> }>;
	credentialFor(emulator: Emulator, meta: { id: string; name: string }): { type: string; data: ICredentialDataDecryptedObject };
};

export interface LedgerRequest {
	method: string;
	path: string;
	query: string;
	headers: Record<string, string>;
	body: string;
}

export interface Emulator {
	url: string;
	baseUrl: string;
	account: Record<string, string>;
	/** Its live config: a getter, so it stays live after reset(), which replaces the object. */
	readonly config: Record<string, unknown>;
	/** The same live config, as older tests reach it. */
	state: { config: Record<string, unknown>; latencyMs: number };
	ledger: { requests: LedgerRequest[]; messages: Array<Record<string, unknown>> };
	faults: { inject(fault: Record<string, unknown>): void };
	gateway: { id: string; credentialType: string };
	advance(ms: number): void;
	setOutcome(digits: string, outcome: string): void;
	reset(): void;
	close(): Promise<void>;
}

export const GATEWAY_IDS = all.GATEWAYS.map((g) => g.id);

/** Starts every emulator, or those named in `only`, on free ports. */
export async function startEmulators(only?: string[]): Promise<{ emulators: Record<string, Emulator>; close(): Promise<void> }> {
	return await all.startAll({ only });
}

/** The credentials map for runNode: the gateway's credential pointing at its emulator. */
export function credentialsFor(emulator: Emulator): Record<string, ICredentialDataDecryptedObject> {
	const credential = all.credentialFor(emulator, { id: emulator.gateway.credentialType, name: 'test' });
	return { [credential.type]: credential.data };
}

/** Every secret of the emulator's account, to assert none of them leaks into output or errors. */
export function secretsOf(emulator: Emulator): string[] {
	return Object.entries(emulator.account)
		.filter(([key]) => /pass|token|secret/i.test(key))
		.map(([, value]) => value);
}
