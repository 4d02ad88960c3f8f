import { createHash } from 'node:crypto';
import { TransportError, type HttpTransport } from '../adapter/http';
import { BoundedCache } from './BoundedCache';

/** What a gateway allows one account: requests started per second, and requests open at once. */
export interface AccountLimits {
	requestsPerSecond?: number;
	inFlight: number;
}

/** Admission of requests for one gateway account, shared by every execution that uses the account. */
export interface RequestGate {
	/** Waits until one more request may start; call the returned function once it has finished. */
	enter(): Promise<() => void>;
}

/**
 * Where the gates live. One gateway account has one gate however many executions (and adapter
 * instances) use it, so 20 parallel workflow runs on one SMSClub token share its 9 requests a
 * second instead of taking 9 each. The default keeps gates in this process; a multi-process
 * setup (n8n queue mode) needs one that keeps them in a shared store.
 */
export interface AccountLimiterStore {
	gateFor(account: AccountKey, limits: AccountLimits): RequestGate;
}

/** Which account a gate belongs to; the secrets that identify it are hashed, never kept. */
export interface AccountKey {
	gateway: string;
	baseUrl: string;
	/** The login, token or user name that identifies the account at the gateway. */
	identity: string;
}

export type Wait = (ms: number) => Promise<void>;
const realWait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many accounts' gates one process keeps; idle ones are dropped first. */
const MAX_ACCOUNTS = 1000;

class MemoryGate implements RequestGate {
	private open = 0;
	private readonly queue: Array<() => void> = [];
	private nextStart = 0;
	/** The previous start's turn; each start waits for it (see pace). */
	private lastStart: Promise<void> = Promise.resolve();

	constructor(
		public limits: AccountLimits,
		private readonly wait: Wait,
	) {}

	async enter(): Promise<() => void> {
		if (this.open < Math.max(1, this.limits.inFlight)) this.open++;
		// The place of a finished request is handed over directly, so `open` never over-counts.
		else await new Promise<void>((resolve) => this.queue.push(resolve));
		try {
			await this.pace();
		} catch (error) {
			this.leave();
			throw error;
		}
		let left = false;
		return () => {
			if (left) return;
			left = true;
			this.leave();
		};
	}

	/** Busy gates are not evicted: dropping one would let a new gate start requests beside it. */
	get busy(): boolean {
		return this.open > 0 || this.nextStart > Date.now();
	}

	private leave(): void {
		const next = this.queue.shift();
		if (next) next();
		else this.open--;
	}

	/**
	 * Spaces starts evenly: no more than `requestsPerSecond` begin in any one-second window.
	 * Starts are taken one after another and each is spaced from the previous one's actual start,
	 * so a timer that fires late (a busy event loop) delays the ones after it instead of letting
	 * two go at once, which a gateway counting arrivals would see as a burst.
	 */
	private pace(): Promise<void> {
		const perSecond = this.limits.requestsPerSecond;
		if (!perSecond || perSecond <= 0) return Promise.resolve();
		const turn = this.lastStart.then(async () => {
			const wait = this.nextStart - Date.now();
			if (wait > 0) await this.wait(wait);
			this.nextStart = Math.max(Date.now(), this.nextStart) + 1000 / perSecond;
		});
		this.lastStart = turn.catch(() => undefined);
		return turn;
	}
}

/** Gates kept in this process's memory: right for one n8n process (regular mode). */
export class MemoryAccountLimiters implements AccountLimiterStore {
	private readonly gates = new BoundedCache<string, MemoryGate>(MAX_ACCOUNTS, Infinity, Date.now, (gate) => gate.busy);

	constructor(private readonly wait: Wait = realWait) {}

	gateFor(account: AccountKey, limits: AccountLimits): RequestGate {
		const key = accountKeyHash(account);
		let gate = this.gates.get(key);
		if (!gate) {
			gate = new MemoryGate(limits, this.wait);
			this.gates.set(key, gate);
		}
		// The latest limits win: an A1 credential whose contract rate was just changed.
		gate.limits = limits;
		return gate;
	}

	get accounts(): number {
		return this.gates.size;
	}
}

/** The process-wide store every adapter uses unless it is given another. */
export const processAccountLimiters: AccountLimiterStore = new MemoryAccountLimiters();

export function accountKeyHash(account: AccountKey): string {
	return createHash('sha256').update(`${account.gateway}\n${account.baseUrl}\n${account.identity}`).digest('hex');
}

/**
 * The transport with every request let through the account's gate. A gate that fails (its Redis
 * cannot be reached) fails before the request is made, so the request counts as not sent: a send
 * refused there is safe to retry, not of unknown outcome.
 */
export function gatedTransport(transport: HttpTransport, gate: RequestGate): HttpTransport {
	return async (request) => {
		let leave: () => void;
		try {
			leave = await gate.enter();
		} catch (error) {
			throw new TransportError('not_sent', `the account's request limits could not be checked (${error instanceof Error ? error.message : String(error)})`);
		}
		try {
			return await transport(request);
		} finally {
			leave();
		}
	};
}

/**
 * The account's gate from the store the adapter was given. An adapter built with an injected
 * sleep (a test clock) and no store gets a store of its own: its waits do not pass in real time,
 * so sharing the process's schedule would push every later request into the future.
 */
export function gateForAccount(options: { limiters?: AccountLimiterStore; sleep?: Wait }, account: AccountKey, limits: AccountLimits): RequestGate {
	const store = options.limiters ?? (options.sleep ? new MemoryAccountLimiters(options.sleep) : processAccountLimiters);
	return store.gateFor(account, limits);
}
