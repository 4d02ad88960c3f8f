import { SmsGatewayError } from '../../core/errors/SmsError';
import { withRetry, type RetryPolicy, type Sleep } from '../../core/adapter/requestPolicy';

/**
 * withRetry, plus a clear message when a wait was refused: A1 asks for 300 s after code 5, longer
 * than the default policy waits, so the user must learn that nothing was retried and when to try.
 */
export async function retryA1<T>(attempt: () => Promise<T>, policy: RetryPolicy, sleep: Sleep, now: () => Date): Promise<T> {
	try {
		return await withRetry(attempt, policy, sleep);
	} catch (error) {
		if (!(error instanceof SmsGatewayError)) throw error;
		const { retryable, retryAfterSeconds } = error.error;
		if (!retryable || retryAfterSeconds === undefined || retryAfterSeconds * 1000 <= policy.maxWaitMs) throw error;
		const retryAt = new Date(now().getTime() + retryAfterSeconds * 1000).toISOString();
		throw new SmsGatewayError({
			...error.error,
			message: `${error.error.message}. Not retried automatically: the wait is longer than the ${Math.round(policy.maxWaitMs / 1000)} s allowed; try again after ${retryAt}.`,
		});
	}
}
