import { SmsGatewayError } from '../errors/SmsError';

export interface RetryPolicy {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/** Backoff when the gateway gives no hint: base * 2^(attempt-1), capped at maxDelayMs. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** A wait the gateway asks for that is longer than this is not done; the error is returned instead. */
	maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 3,
	baseDelayMs: 500,
	maxDelayMs: 10_000,
	maxWaitMs: 60_000,
};

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again only when it failed with a retryable SmsGatewayError, honouring the
 * gateway's retry-after hint and attempt limit. Callers make sure that `attempt` is safe to repeat:
 * an `outcome_unknown` error is never retryable, so a send whose answer was lost is never repeated.
 */
export async function withRetry<T>(
	attempt: () => Promise<T>,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	sleep: Sleep = realSleep,
): Promise<T> {
	for (let attemptNo = 1; ; attemptNo++) {
		try {
			return await attempt();
		} catch (error) {
			if (!(error instanceof SmsGatewayError) || !error.error.retryable) throw error;
			const limit = Math.min(policy.maxAttempts, error.error.maxAttempts ?? Infinity);
			if (attemptNo >= limit) throw error;
			const hinted = error.error.retryAfterSeconds;
			const delay =
				hinted !== undefined
					? hinted * 1000
					: Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNo - 1));
			if (delay > policy.maxWaitMs) throw error;
			await sleep(delay);
		}
	}
}
