/**
 * Per-account limits and login sessions kept in Redis (n8n queue mode) against a real
 * redis-server: the same contracts as the in-process stores, a killed holder's place freed by its
 * lease, keys that expire, and separate processes sharing one account's limits and one login.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { RedisAccountLimiters, limiterKeys } from '../../../../../nodes/core/state/redis/RedisAccountLimiters';
import { RedisSessionStore, sessionKeys } from '../../../../../nodes/core/state/redis/RedisSessionStore';
import type { HttpTransport } from '../../../../../nodes/core/adapter/http';
import { DEVINO_SESSION_REUSE_MS } from '../../../../../nodes/gateways/devino/devinoSessions';
import { SmsClubAdapter } from '../../../../../nodes/gateways/smsClub/SmsClubAdapter';
import { startEmulators } from '../../../../harness/emulators';
import { redisServerForTests } from '../../../../harness/redisServer';
import { account, describeLimiterContract } from '../support/limiterContract';
import { describeSessionContract } from '../support/sessionContract';
import { runStateProcesses } from '../support/stateProcesses';

const redisServer = redisServerForTests();
const clients: Redis[] = [];
let prefixes = 0;
const freshPrefix = () => `test-${process.pid}-${++prefixes}:`;

function connect(): Redis {
	const client = new Redis({ host: '127.0.0.1', port: redisServer.port });
	clients.push(client);
	return client;
}
afterAll(() => clients.forEach((client) => client.disconnect()));

(redisServer.available ? describe : describe.skip)('Redis', () => {
	// Each store gets its own connection, as separate processes would.
	describeLimiterContract('Redis', () => new RedisAccountLimiters(connect(), { prefix: freshPrefix() }));
	describeSessionContract('Redis', () => new RedisSessionStore(connect(), { prefix: freshPrefix(), reuseMs: 60_000 }));

	describe('Redis account limiters', () => {
		test('two stores on one Redis share one account: the in-flight bound holds across them', async () => {
			const prefix = freshPrefix();
			const [a, b] = [new RedisAccountLimiters(connect(), { prefix }), new RedisAccountLimiters(connect(), { prefix })];
			const leaveA = await a.gateFor(account('t'), { inFlight: 1 }).enter();
			const second = await Promise.race([b.gateFor(account('t'), { inFlight: 1 }).enter(), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
			expect(second).toBe('waiting');
			leaveA();
		});

		test("a killed holder's place is freed when its lease expires", async () => {
			const prefix = freshPrefix();
			const dead = new RedisAccountLimiters(connect(), { prefix, leaseMs: 400 });
			const deadClient = clients[clients.length - 1];
			await dead.gateFor(account('t'), { inFlight: 1 }).enter();
			// The holder's process dies: no leave, no lease renewal.
			deadClient.disconnect();
			const started = Date.now();
			const leave = await new RedisAccountLimiters(connect(), { prefix, leaseMs: 400 }).gateFor(account('t'), { inFlight: 1 }).enter();
			expect(Date.now() - started).toBeGreaterThanOrEqual(300);
			expect(Date.now() - started).toBeLessThan(2_000);
			leave();
		});

		test('a living holder keeps its place past the lease time (renewed while the request runs)', async () => {
			const prefix = freshPrefix();
			const holder = await new RedisAccountLimiters(connect(), { prefix, leaseMs: 300 }).gateFor(account('t'), { inFlight: 1 }).enter();
			const other = await Promise.race([
				new RedisAccountLimiters(connect(), { prefix, leaseMs: 300 }).gateFor(account('t'), { inFlight: 1 }).enter(),
				new Promise((r) => setTimeout(() => r('waiting'), 900)),
			]);
			expect(other).toBe('waiting');
			holder();
		});

		test('a send refused because Redis cannot be reached is not sent, and says so (not "outcome unknown")', async () => {
			const client = connect();
			await client.ping();
			client.disconnect();
			let requests = 0;
			const transport: HttpTransport = async () => {
				requests++;
				return { status: 200, headers: {}, body: '{}' };
			};
			const adapter = new SmsClubAdapter({ baseUrl: 'https://im.smsclub.mobi', token: 'smsclub-test-token' }, transport, {
				limiters: new RedisAccountLimiters(client, { prefix: freshPrefix() }),
				sleep: async () => undefined,
			});
			const results = await adapter.send([
				{ ref: 0, to: '+380501234567', text: 'Hi', sender: 'Shop' },
				{ ref: 1, to: '+380501234568', text: 'Hi', sender: 'Shop' },
			]);
			expect(requests).toBe(0);
			expect(results.map((r) => [r.ref, r.messageId, r.error?.code])).toEqual([
				[0, undefined, 'unavailable'],
				[1, undefined, 'unavailable'],
			]);
			expect(results[0].error?.message).toMatch(/request limits could not be checked/);
		});

		test('every key is under the prefix and expires once the account is idle', async () => {
			const prefix = freshPrefix();
			const client = connect();
			const leave = await new RedisAccountLimiters(client, { prefix, leaseMs: 5_000 }).gateFor(account('t'), { requestsPerSecond: 10, inFlight: 2 }).enter();
			const keys = limiterKeys(prefix, account('t'));
			expect((await client.keys(`${prefix}*`)).sort()).toEqual([keys.leases, keys.nextStart].sort());
			expect(await client.pttl(keys.nextStart)).toBeGreaterThan(0);
			expect(await client.pttl(keys.nextStart)).toBeLessThanOrEqual(1_000 + 105);
			expect(await client.pttl(keys.leases)).toBeLessThanOrEqual(5_000);
			expect(JSON.stringify(await client.keys(`${prefix}*`))).not.toContain('https://');
			leave();
		});

		test('a process whose wait for its slot ends too late (a busy worker) takes a new slot instead of starting among later ones', async () => {
			const prefix = freshPrefix();
			const limits = { requestsPerSecond: 10, inFlight: 5 };
			// lateStartMs 100: slots 110 ms apart; a wait that ends more than 50 ms late gives its slot up.
			const onTime = new RedisAccountLimiters(connect(), { prefix, lateStartMs: 100 });
			let lateWaits = 0;
			const busy = new RedisAccountLimiters(connect(), {
				prefix,
				lateStartMs: 100,
				// The first wait of the busy process overruns by 150 ms, as a blocked event loop would.
				wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms + (lateWaits++ === 0 ? 150 : 0))),
			});
			const starts: Array<[string, number]> = [];
			const enter = async (who: string, store: RedisAccountLimiters) => {
				const leave = await store.gateFor(account('t'), limits).enter();
				starts.push([who, Date.now()]);
				leave();
			};
			await enter('first', onTime);
			// The busy process reserves the next slot, then two on-time requests reserve the two after it.
			const late = enter('busy', busy);
			await new Promise((resolve) => setTimeout(resolve, 20));
			await Promise.all([enter('a', onTime), enter('b', onTime)]);
			await late;
			expect(starts.map(([who]) => who)).toEqual(['first', 'a', 'b', 'busy']);
			expect(lateWaits).toBe(2);
			// Every start keeps its distance from the one before it (110 ms, less timer jitter).
			for (let i = 1; i < starts.length; i++) expect(starts[i][1] - starts[i - 1][1]).toBeGreaterThanOrEqual(90);
		});

		test('four processes on one account: starts within the rate and in-flight within the bound at the server', async () => {
			const arrivals: number[] = [];
			let open = 0;
			let peak = 0;
			const server: Server = createServer((req, res) => {
				arrivals.push(Date.now());
				open++;
				peak = Math.max(peak, open);
				req.resume();
				setTimeout(() => {
					open--;
					res.end('ok');
				}, 40);
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			try {
				const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
				const limits = { requestsPerSecond: 20, inFlight: 2 };
				const results = await runStateProcesses(4, { mode: 'limits', port: redisServer.port, prefix: freshPrefix(), url, limits, requests: 15 });
				expect(results.map((r) => r.ok)).toEqual([15, 15, 15, 15]);
				expect(arrivals).toHaveLength(60);
				expect(peak).toBeLessThanOrEqual(2);
				// Any one-second window at the server holds at most 20 starts.
				const sorted = [...arrivals].sort((a, b) => a - b);
				const busiest = Math.max(...sorted.map((t, i) => sorted.filter((u, j) => j >= i && u - t < 1000).length));
				expect(busiest).toBeLessThanOrEqual(20);
				// …and the processes were not simply slow: the run took about 60 starts at 20/s.
				expect(sorted[59] - sorted[0]).toBeLessThan(6_000);
			} finally {
				await new Promise((resolve) => server.close(resolve));
			}
		}, 240_000);
	});

	describe('Redis session store', () => {
		test('keys are hashed, under the prefix, and the session expires before Devino forgets it', async () => {
			const prefix = freshPrefix();
			const client = connect();
			const store = new RedisSessionStore(client, { prefix, reuseMs: DEVINO_SESSION_REUSE_MS });
			const key = 'https://integrationapi.net/rest\nsecret-login\npw-hash';
			await store.session(key, async () => 'session-1');
			const keys = await client.keys(`${prefix}*`);
			expect(keys).toEqual([sessionKeys(prefix, key).session]);
			expect(keys[0]).not.toContain('secret-login');
			const ttl = await client.pttl(keys[0]);
			expect(ttl).toBeGreaterThan(DEVINO_SESSION_REUSE_MS - 5_000);
			expect(ttl).toBeLessThanOrEqual(120 * 60_000 - 10 * 60_000);
		});

		test('a login whose process died frees the lock after its expiry', async () => {
			const prefix = freshPrefix();
			const client = connect();
			const key = 'k';
			await client.set(sessionKeys(prefix, key).loginLock, 'dead-process', 'PX', 300);
			const store = new RedisSessionStore(client, { prefix, reuseMs: 60_000 });
			expect(await store.session(key, async () => 'mine')).toBe('mine');
		});

		test('four processes against the Devino emulator: one login for the whole run, none more after a restart, one more after Devino expires it', async () => {
			const { emulators, close } = await startEmulators(['devino']);
			try {
				const devino = emulators.devino;
				const spec = {
					mode: 'devino',
					port: redisServer.port,
					prefix: freshPrefix(),
					reuseMs: DEVINO_SESSION_REUSE_MS,
					account: { baseUrl: devino.baseUrl, login: devino.account.login, password: devino.account.password },
					requests: 5,
				};
				const logins = () => devino.ledger.requests.filter((r) => r.path === '/rest/user/sessionid').length;
				const balances = () => devino.ledger.requests.filter((r) => r.path === '/rest/user/balance').length;
				expect((await runStateProcesses(4, spec)).map((r) => r.ok)).toEqual([5, 5, 5, 5]);
				expect(logins()).toBe(1);
				expect(balances()).toBe(20);
				// Devino's session lifetime passes (emulator time): every process is refused, one logs in again.
				devino.advance(121 * 60_000);
				expect((await runStateProcesses(4, spec)).map((r) => r.ok)).toEqual([5, 5, 5, 5]);
				expect(logins()).toBe(2);
				// A restart: new processes find the stored session and log in no more.
				expect((await runStateProcesses(4, spec)).map((r) => r.ok)).toEqual([5, 5, 5, 5]);
				expect(logins()).toBe(2);
			} finally {
				await close();
			}
		}, 240_000);
	});
});
