import { listSearch, runNode } from '../../harness/runNode';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { GATEWAY_CASES } from '../../harness/gatewayCases';
import { findGatewayDefinition } from '../../../nodes/gateways/registry';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
beforeAll(async () => {
	env = await startEmulators();
});
afterAll(async () => {
	await env.close();
});

describe.each(GATEWAY_CASES)('node version 2 on $id', (gateway) => {
	let emulator: Emulator;
	beforeEach(() => {
		emulator = env.emulators[gateway.id];
		emulator.reset();
	});

	test('reads the sender from the gateway\'s own resource locator, whichever mode holds it', async () => {
		for (const mode of gateway.listsSenders ? ['list', 'name'] : ['name']) {
			const [item] = await runNode({
				typeVersion: 2,
				parameters: { gateway: gateway.id, operation: 'send', to: '+375291000001', text: `Sender by ${mode}`, [`${gateway.id}Sender`]: { __rl: true, mode, value: gateway.sender } },
				credentials: credentialsFor(emulator),
			});
			expect(item.json.error).toBeUndefined();
			expect(emulator.ledger.messages.at(-1)).toMatchObject({ sender: gateway.sender, text: `Sender by ${mode}` });
		}
	});

	test('a `sender` left from version 1 is not read by version 2', async () => {
		const [item] = await runNode({
			typeVersion: 2,
			parameters: { gateway: gateway.id, operation: 'send', to: '+375291000001', text: 'No sender', sender: 'Stale-Name' },
			credentials: credentialsFor(emulator),
			continueOnFail: true,
		});
		if (findGatewayDefinition(gateway.id)?.limits.requiresSender) expect(item.json.error).toMatchObject({ message: expect.stringMatching(/sender/i) });
		else expect(emulator.ledger.messages.at(-1)?.sender).not.toBe('Stale-Name');
		expect(emulator.ledger.messages.map((m) => m.sender)).not.toContain('Stale-Name');
	});

	test(gateway.listsSenders ? 'the sender list searches the account\'s names' : 'has no sender list to search', async () => {
		const search = (filter?: string) =>
			listSearch('searchSenders', { path: `${gateway.id}Sender`, filter, parameters: { gateway: gateway.id, operation: 'send' }, credentials: credentialsFor(emulator) });
		if (!gateway.listsSenders) {
			await expect(search()).rejects.toThrow(/has no sender list/);
			return;
		}
		const senders = emulator.state.config.senders as string[];
		expect((await search()).results).toEqual(senders.map((s) => ({ name: s, value: s })));
		const [first] = senders;
		expect((await search(first.slice(1, 4).toUpperCase())).results.map((r) => r.value)).toContain(first);
		expect((await search('no-such-sender-xyz')).results).toEqual([]);
	});
});

describe('workflows saved with 0.1.0 (node version 1)', () => {
	test('an A1 or SMSClub node naming the removed "SMS Bearer Token API" credential says exactly what to change', async () => {
		for (const gateway of ['a1', 'smsClub'] as const) {
			const label = gateway === 'a1' ? 'A1' : 'SMSClub';
			const error = await runNode({
				parameters: { gateway, operation: 'getBalance' },
				nodeCredentials: { smsBearerTokenApi: { id: 'old', name: 'My SMS token' } },
			}).catch((e: unknown) => e as Error & { description?: string });
			expect(error).toMatchObject({
				message: `The credential "My SMS token" is of the type "SMS Bearer Token API", which this version no longer has: ${label} has its own credential type "${label} API"`,
				description: expect.stringContaining(`choose "Create new credential" in its Credential field, pick ${label}`),
			});
		}
	});

	test('once the new credential is chosen, the saved node runs unchanged (its `sender` included)', async () => {
		const emulator = env.emulators.smsClub;
		emulator.reset();
		const credentials = credentialsFor(emulator);
		const [item] = await runNode({
			parameters: { gateway: 'smsClub', operation: 'send', to: '+380501234567', text: 'Saved with 0.1.0', sender: 'SmsClubTest' },
			credentials,
			nodeCredentials: { smsBearerTokenApi: { id: 'old', name: 'My SMS token' }, smsClubApi: { id: 'smsClubApi', name: 'SMSClub' } },
		});
		expect(item.json.error).toBeUndefined();
		expect(emulator.ledger.messages.at(-1)).toMatchObject({ sender: 'SmsClubTest', text: 'Saved with 0.1.0' });
	});
});
