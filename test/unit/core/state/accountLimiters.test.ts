import { BoundedCache } from '../../../../nodes/core/state/BoundedCache';
import { MemoryAccountLimiters } from '../../../../nodes/core/state/accountLimiters';
import { MemorySessionStore } from '../../../../nodes/core/state/sessionStore';
import { clearDevinoSessions, DEVINO_MAX_SESSIONS, devinoSessionKey, processDevinoSessions } from '../../../../nodes/gateways/devino/devinoSessions';
import { account, describeLimiterContract } from './support/limiterContract';
import { describeSessionContract } from './support/sessionContract';

// The Redis stores pass the same contracts: test/unit/core/state/redis/.
describeLimiterContract('In-process', () => new MemoryAccountLimiters());
describeSessionContract('In-process', () => new MemorySessionStore(10, 60_000));

describe('BoundedCache', () => {
	test('drops the least recently used entry beyond its bound', () => {
		const cache = new BoundedCache<string, number>(2);
		cache.set('a', 1);
		cache.set('b', 2);
		cache.get('a');
		cache.set('c', 3);
		expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
		expect(cache.size).toBe(2);
	});

	test('forgets entries after their time to live', () => {
		let now = 0;
		const cache = new BoundedCache<string, number>(10, 1000, () => now);
		cache.set('a', 1);
		now = 999;
		expect(cache.get('a')).toBe(1);
		now = 1000;
		expect(cache.get('a')).toBeUndefined();
	});

	test('keeps busy entries even beyond the bound', () => {
		const cache = new BoundedCache<string, { busy: boolean }>(1, Infinity, Date.now, (v) => v.busy);
		cache.set('a', { busy: true });
		cache.set('b', { busy: false });
		expect(cache.get('a')).toEqual({ busy: true });
	});
});

describe('per-account limits shared by every adapter of the process', () => {
	test('one account has one gate, however many adapters ask for it; other accounts have their own', () => {
		const store = new MemoryAccountLimiters();
		const limits = { requestsPerSecond: 8, inFlight: 3 };
		expect(store.gateFor(account('t1'), limits)).toBe(store.gateFor(account('t1'), limits));
		expect(store.gateFor(account('t1'), limits)).not.toBe(store.gateFor(account('t2'), limits));
		expect(store.gateFor(account('t1'), limits)).not.toBe(store.gateFor({ ...account('t1'), baseUrl: 'https://other' }, limits));
	});

	test('the store keeps a bounded number of idle accounts', () => {
		const store = new MemoryAccountLimiters();
		for (let i = 0; i < 1500; i++) store.gateFor(account(`token-${i}`), { inFlight: 1 });
		expect(store.accounts).toBeLessThanOrEqual(1000);
	});
});

describe('Devino session cache', () => {
	beforeEach(() => clearDevinoSessions());

	test(`keeps at most ${DEVINO_MAX_SESSIONS} accounts, however many credentials it has seen`, async () => {
		for (let i = 0; i < DEVINO_MAX_SESSIONS + 50; i++) {
			await processDevinoSessions.session(devinoSessionKey('https://integrationapi.net/rest', `login-${i}`, 'pw'), async () => `session-${i}`);
		}
		expect(processDevinoSessions.size).toBe(DEVINO_MAX_SESSIONS);
	});

	test('a cached session is reused, a dropped account logs in again', async () => {
		let logins = 0;
		const logIn = async () => `s${++logins}`;
		const key = devinoSessionKey('https://x', 'a', 'pw');
		expect(await processDevinoSessions.session(key, logIn)).toBe('s1');
		expect(await processDevinoSessions.session(key, logIn)).toBe('s1');
		for (let i = 0; i < DEVINO_MAX_SESSIONS; i++) await processDevinoSessions.session(devinoSessionKey('https://x', `o${i}`, 'pw'), async () => 'other');
		expect(await processDevinoSessions.session(key, logIn)).toBe('s2');
	});
});
