/**
 * One emulator per test file, and one adapter against it over real HTTP with a sleep that records
 * its waits instead of waiting: the setup every gateway test shares.
 */
import type { GatewayOptions, GatewayAdapter } from '../../nodes/core/adapter/GatewayAdapter';
import { clearDevinoSessions } from '../../nodes/gateways/devino/devinoSessions';
import { findGatewayDefinition } from '../../nodes/gateways/registry';
import type { HttpTransport } from '../../nodes/core/adapter/http';
import { createKeepAliveTransport } from '../../nodes/core/adapter/keepAliveTransport';
import { credentialsFor, secretsOf, startEmulators, type Emulator, type LedgerRequest } from './emulators';

/** The emulator as unit tests see it: also its clock, latency, session store and ledger helpers. */
export interface EmulatorUnderTest extends Emulator {
	// Loosely typed, as the emulators are plain JavaScript: tests read and set whatever their spec holds.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	readonly config: Record<string, any>;
	state: Emulator['state'] & { now(): number; latencyMs: number; store: { sessions?: Map<string, unknown> } };
	ledger: Omit<Emulator['ledger'], 'messages'> & {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		messages: Array<Record<string, any>>;
		countRequests(predicate?: (request: LedgerRequest) => boolean): number;
		/** Typed as found: a test that reads a missing message fails on the read. */
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		findMessage(id: unknown): Record<string, any>;
	};
}

/** The account an emulator starts with, known at load time so that test tables can use it. */
export function accountOf(id: string): Readonly<Record<string, string>> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(`../emulators/${id}`) as { DEFAULT_ACCOUNT: Record<string, string> }).DEFAULT_ACCOUNT;
}

export interface EmulatorOfFile {
	/** Set once the file's tests start. */
	emulator: EmulatorUnderTest;
	account: Readonly<Record<string, string>>;
}

/** Starts the emulator before the file's tests, resets it before each and closes it after them. */
export function emulatorUnderTest(id: string): EmulatorOfFile {
	let running: { close(): Promise<void> };
	const subject: EmulatorOfFile = { emulator: undefined as unknown as EmulatorUnderTest, account: accountOf(id) };
	beforeAll(async () => {
		const started = await startEmulators([id]);
		running = started;
		subject.emulator = started.emulators[id] as EmulatorUnderTest;
	});
	afterAll(() => running.close());
	beforeEach(() => subject.emulator.reset());
	return subject;
}

export interface GatewayUnderTest extends EmulatorOfFile {
	/** Waits asked of the injected sleep, in ms. */
	sleeps: number[];
	/** The recording sleep, for adapters built by hand. */
	sleep(ms: number): Promise<void>;
	transport: HttpTransport;
	/** The adapter on the emulator's own credential, with `credentials` and `options` laid over it. */
	build(credentials?: Record<string, unknown>, options?: GatewayOptions, via?: HttpTransport): GatewayAdapter;
	/** Requests that reached the emulator at a path ending in `suffix`. */
	requestsTo(suffix: string): number;
	/** Every secret of the emulator's account, plus Devino session ids handed out so far. */
	secrets(): string[];
}

/** An emulator as above, plus an adapter on it; the sleeps and Devino's session cache start empty in each test. */
export function gatewayUnderTest(id: string): GatewayUnderTest {
	const running = emulatorUnderTest(id);
	const subject: GatewayUnderTest = {
		get emulator() {
			return running.emulator;
		},
		account: running.account,
		sleeps: [],
		sleep: async (ms) => void subject.sleeps.push(ms),
		transport: createKeepAliveTransport({ defaultTimeoutMs: 2_000 }),
		build(credentials = {}, options = {}, via = subject.transport) {
			const data = credentialsFor(subject.emulator)[subject.emulator.gateway.credentialType];
			return definitionOf(id).create({ ...data, ...credentials }, via, { sleep: subject.sleep, ...options });
		},
		requestsTo(suffix) {
			return subject.emulator.ledger.requests.filter((r) => r.path.endsWith(suffix)).length;
		},
		secrets() {
			const sessions = subject.emulator.state.store.sessions;
			return [...secretsOf(subject.emulator), ...(sessions ? sessions.keys() : [])];
		},
	};
	beforeEach(() => {
		subject.sleeps.length = 0;
		clearDevinoSessions();
	});
	return subject;
}

function definitionOf(id: string) {
	const definition = findGatewayDefinition(id);
	if (!definition) throw new Error(`no gateway "${id}" in the registry`);
	return definition;
}
