/**
 * One adapter against its emulator over real HTTP, with a sleep that records its waits instead of
 * waiting, for tests that treat the four gateways alike.
 */
import type { GatewayDefinition, GatewayId, GatewayOptions, SmsGateway } from '../../../../nodes/shared/gateways/SmsGateway';
import { a1Definition } from '../../../../nodes/shared/gateways/a1/definition';
import { devinoDefinition } from '../../../../nodes/shared/gateways/devino/definition';
import { clearDevinoSessions } from '../../../../nodes/shared/gateways/devino/devinoSessions';
import { smsAssistentDefinition } from '../../../../nodes/shared/gateways/smsAssistent/definition';
import { smsClubDefinition } from '../../../../nodes/shared/gateways/smsClub/definition';
import { createNodeHttpTransport } from '../../../../nodes/shared/nodeHttpTransport';
import type { Emulator } from '../../../harness/emulators';

// The emulators are plain JavaScript shared with the end-to-end tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const all = require('../../../emulators/all') as {
	startAll(options?: { only?: string[] }): Promise<{ emulators: Record<string, Emulator>; close(): Promise<void> }>;
	credentialFor(emulator: Emulator, meta: { id: string; name: string }): { data: Record<string, unknown> };
};

export const DEFINITIONS: Record<GatewayId, GatewayDefinition> = {
	smsAssistent: smsAssistentDefinition,
	a1: a1Definition,
	smsClub: smsClubDefinition,
	devino: devinoDefinition,
};

/** Path suffixes the emulators' fault queue matches, per operation. */
export const PATHS: Record<GatewayId, { send: string; balance: string }> = {
	smsAssistent: { send: '/json', balance: '/credits/plain' },
	a1: { send: '/api/sms/send', balance: '/api/sms/balance' },
	smsClub: { send: '/sms/send', balance: '/sms/balance' },
	devino: { send: '/sms/send', balance: '/user/balance' },
};

export interface GatewayUnderTest {
	emulator: Emulator;
	/** Waits asked of the injected sleep, in ms. */
	sleeps: number[];
	build(credentials?: Record<string, unknown>, options?: GatewayOptions): SmsGateway;
	/** Requests that reached the emulator at a path ending in `suffix`. */
	requestsTo(suffix: string): number;
	/** Every secret of the emulator's account, plus Devino session ids handed out so far. */
	secrets(): string[];
}

/** Starts the emulator before the file's tests and resets it (and the sleeps) before each. */
export function gatewayUnderTest(id: GatewayId): GatewayUnderTest {
	const transport = createNodeHttpTransport(2_000);
	let running: { emulators: Record<string, Emulator>; close(): Promise<void> };
	const subject: GatewayUnderTest = {
		emulator: undefined as unknown as Emulator,
		sleeps: [],
		build(credentials = {}, options = {}) {
			const { data } = all.credentialFor(subject.emulator, { id: 'test', name: 'test' });
			const sleep = async (ms: number) => void subject.sleeps.push(ms);
			return DEFINITIONS[id].create({ ...data, ...credentials }, transport, { sleep, ...options });
		},
		requestsTo(suffix) {
			return subject.emulator.ledger.requests.filter((r) => r.path.endsWith(suffix)).length;
		},
		secrets() {
			const account = Object.entries(subject.emulator.account).filter(([key]) => /pass|token/i.test(key));
			const sessions = (subject.emulator as unknown as { state: { store: { sessions?: Map<string, unknown> } } }).state.store.sessions;
			return [...account.map(([, value]) => value), ...(sessions ? sessions.keys() : [])];
		},
	};
	beforeAll(async () => {
		running = await all.startAll({ only: [id] });
		subject.emulator = running.emulators[id];
	});
	afterAll(() => running.close());
	beforeEach(() => {
		subject.emulator.reset();
		subject.sleeps.length = 0;
		clearDevinoSessions();
	});
	return subject;
}
