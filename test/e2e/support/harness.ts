/**
 * Typed access to the JS tooling in test/n8n and test/emulators (the sandbox and the benchmark in
 * scripts/ load the same files; nothing in test/ loads scripts/), plus the rule every e2e file
 * follows: a missing runtime FAILS the suite with the install command, unless SKIP_E2E=1 was set
 * on purpose.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

export type RuntimeVersion = 'v2' | 'v1';

export interface Runtime {
	version: RuntimeVersion;
	label: string;
	dir: string;
	nodeBin: string;
	n8nMain: string;
	n8nVersion: string;
	env: Record<string, string>;
}

export interface Instance {
	runtime: Runtime;
	userFolder: string;
	port: number;
	brokerPort: number;
	url: string;
	env: Record<string, string>;
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface ExecutionResult extends CliResult {
	ok: boolean;
	data: unknown;
}

export interface Server {
	pid: number;
	url: string;
	output: string[];
	stop(): Promise<void>;
}

export interface Credential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface Ledger {
	requests: Array<{ method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string; query: string }>;
	messages: Array<{ id: string | number; to: string; text: string; sender?: string; parts: number; partIds?: string[]; [key: string]: unknown }>;
	clear(): void;
	findMessage(id: unknown): Ledger['messages'][number] | undefined;
}

export interface Emulator {
	url: string;
	baseUrl: string;
	port: number;
	ledger: Ledger;
	/** Live settings. `config` on the emulator object is the start-up copy; reset() replaces state.config. */
	state: { config: Record<string, unknown>; latencyMs: number };
	account: Record<string, string>;
	gateway: { id: GatewayId; label: string; credentialType: string };
	faults: { inject(fault: Record<string, unknown>): void };
	reset(): void;
	advance(ms: number): void;
	setOutcome(digits: string, outcome: string): void;
	close(): Promise<void>;
}

export type GatewayId = 'smsAssistent' | 'a1' | 'smsClub' | 'devino';

export interface Emulators {
	emulators: Record<GatewayId, Emulator>;
	close(): Promise<unknown>;
}

interface RuntimeModule {
	/** 'browser' is playwright-core for the editor tests (no n8n in it). */
	locateRuntime(version: RuntimeVersion | 'browser'): Runtime | null;
	missingRuntimeMessage(version: RuntimeVersion | 'browser'): string;
}

interface ProcessModule {
	PACKAGE_NAME: string;
	assertPackageBuilt(): void;
	createInstance(runtime: Runtime, options?: { userFolder?: string; port?: number; brokerPort?: number; env?: Record<string, string> }): Instance;
	runCli(instance: Instance, args: string[], options?: { timeoutMs?: number }): Promise<CliResult>;
	importCredentials(instance: Instance, credentials: Credential[]): Promise<void>;
	importWorkflows(instance: Instance, workflows: unknown[]): Promise<void>;
	executeWorkflow(instance: Instance, id: string): Promise<ExecutionResult>;
	startServer(instance: Instance, options?: { timeoutMs?: number }): Promise<Server>;
}

interface RestModule {
	LOCAL_OWNER: { email: string; password: string };
	RestSession: new (baseUrl: string) => RestSession;
}

export interface RestSession {
	cookie: string;
	request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }>;
	requestOk(method: string, path: string, body?: unknown): Promise<any>;
	setupOwnerOrLogin(): Promise<unknown>;
	testCredential(credential: Credential): Promise<{ status: string; message: string }>;
}

interface EmulatorsModule {
	startAll(options?: { ports?: Partial<Record<GatewayId, number>>; latencyMs?: number; only?: GatewayId[] }): Promise<Emulators>;
	credentialFor(emulator: Emulator, identity: { id: string; name: string }): Credential;
}

interface SandboxModule {
	SANDBOX_CREDENTIALS: Record<GatewayId, { id: string; name: string }>;
	sandboxCredentials(emulators: Record<GatewayId, Emulator>): Credential[];
	loadExamples(): Record<string, { id: string; name: string; nodes: Array<Record<string, any>>; connections: Record<string, unknown> }>;
}

export const runtimes = require('../../n8n/runtimes') as RuntimeModule;
export const n8n = require('../../n8n/process') as ProcessModule;
export const rest = require('../../n8n/rest') as RestModule;
export const emulatorsModule = require('../../emulators/all') as EmulatorsModule;
export const sandbox = require('../../n8n/sandboxSetup') as SandboxModule;

export const SKIP_E2E = process.env.SKIP_E2E === '1';

// Jest 29 ignores `testTimeout` inside a `projects` entry, so the e2e budget is set here.
jest.setTimeout(300000);

/**
 * `describe` for a suite that needs a runtime. Missing runtime → the suite fails with the install
 * command (a test that "passes" without n8n would prove nothing); SKIP_E2E=1 → skipped, visibly.
 */
export function describeWithRuntime(version: RuntimeVersion, name: string, body: (runtime: () => Runtime) => void): void {
	if (SKIP_E2E) {
		describe.skip(`${name} (skipped: SKIP_E2E=1)`, () => body(() => undefined as never));
		return;
	}
	const runtime = runtimes.locateRuntime(version);
	if (!runtime) {
		describe(name, () => {
			it(`needs the ${version} n8n runtime`, () => {
				throw new Error(runtimes.missingRuntimeMessage(version));
			});
		});
		return;
	}
	describe(`${name} [n8n ${runtime.n8nVersion}]`, () => body(() => runtime));
}

/** A port nobody listens on right now, so suites never collide with each other or a sandbox. */
export async function freePort(): Promise<number> {
	const net = await import('node:net');
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
