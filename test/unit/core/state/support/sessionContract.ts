import type { SessionStore } from '../../../../../nodes/core/state/sessionStore';

/** What every SessionStore promises, whatever keeps its state. */
export function describeSessionContract(name: string, fresh: () => SessionStore): void {
	describe(`${name} session store: the contract`, () => {
		let accounts = 0;
		const newKey = () => `https://integrationapi.net/rest\nlogin-${process.pid}-${++accounts}\npw-hash`;

		test('parallel callers share one login; later callers reuse its session', async () => {
			const store = fresh();
			const key = newKey();
			let logins = 0;
			const logIn = async () => {
				logins++;
				await new Promise((resolve) => setTimeout(resolve, 30));
				return `session-${logins}`;
			};
			const sessions = await Promise.all(Array.from({ length: 10 }, () => store.session(key, logIn)));
			expect(new Set(sessions)).toEqual(new Set(['session-1']));
			expect(await store.session(key, logIn)).toBe('session-1');
			expect(logins).toBe(1);
		});

		test('a dropped session is replaced by one new login', async () => {
			const store = fresh();
			const key = newKey();
			let logins = 0;
			const logIn = async () => `session-${++logins}`;
			const first = await store.session(key, logIn);
			await store.drop(key, first);
			expect(await store.session(key, logIn)).toBe('session-2');
			expect(await store.session(key, logIn)).toBe('session-2');
		});

		test('dropping a session that was already replaced keeps the new one', async () => {
			const store = fresh();
			const key = newKey();
			let logins = 0;
			const logIn = async () => `session-${++logins}`;
			const stale = await store.session(key, logIn);
			await store.drop(key, stale);
			await store.session(key, logIn);
			await store.drop(key, stale);
			expect(await store.session(key, logIn)).toBe('session-2');
		});

		test('a failed login is not kept: the next call logs in again', async () => {
			const store = fresh();
			const key = newKey();
			await expect(store.session(key, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
			expect(await store.session(key, async () => 'good')).toBe('good');
		});

		test('accounts do not share sessions', async () => {
			const store = fresh();
			const a = await store.session(newKey(), async () => 'a');
			const b = await store.session(newKey(), async () => 'b');
			expect([a, b]).toEqual(['a', 'b']);
		});
	});
}
