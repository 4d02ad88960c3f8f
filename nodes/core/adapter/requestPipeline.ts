import { SmsGatewayError, type SmsError } from '../errors/SmsError';
import { httpStatusError } from './answerErrors';
import { callGateway } from './callGateway';
import type { GatewayOptions } from './GatewayAdapter';
import type { HttpRequest, HttpResponse, HttpTransport } from './http';
import { SecretRedactor } from './redactSecrets';
import { gatedTransport, gateForAccount, type AccountKey } from '../state/accountLimiters';
import { DEFAULT_RETRY_POLICY, realSleep, withRetry, type RetryPolicy, type Sleep } from './retry';

/** What an adapter tells the pipeline about its gateway; everything else is the same for all. */
export interface PipelineSettings {
	/** The gateway's name in error messages. */
	name: string;
	transport: HttpTransport;
	options?: GatewayOptions;
	/** The gateway account the requests are for: its limits hold across every adapter and execution. */
	account: AccountKey;
	/** Requests a second the gateway allows the account; undefined = no pacing. */
	maxRequestsPerSecond?: number;
	/** Requests of the account open at once. */
	maxInFlight: number;
	/** Timeout when the options set none; undefined = the transport's own. */
	defaultTimeoutMs?: number;
	/** Every secret the requests carry, asked at each use (Devino's session ids are added as they come). */
	secrets(): readonly string[];
	/**
	 * The error an answer stands for before it is read, or undefined to read it. The default turns
	 * any non-2xx status into the common HTTP error; gateways with codes of their own say more.
	 */
	classify?(response: HttpResponse, idempotent: boolean, now: Date): SmsError | undefined;
	/**
	 * Add to a retryable error whose wait was longer than the policy allows that nothing was retried
	 * and when to try again (A1 asks for 300 s after its code 5).
	 */
	explainRefusedWait?: boolean;
}

/** Reads a classified answer into what the operation needs; throws SmsGatewayError when it cannot. */
export type AnswerReader<T> = (response: HttpResponse) => T;

/**
 * The one way every adapter talks to its gateway: gate (the account's rate and in-flight bound)
 * → call → redact → classify → read, and retry what is safe to retry. A send is never repeated
 * once its answer was lost (callGateway makes that `outcome_unknown`, which is never retryable),
 * and no secret leaves in an error.
 */
export class RequestPipeline {
	readonly now: () => Date;
	readonly sleep: Sleep;
	private readonly policy: RetryPolicy;
	private readonly transport: HttpTransport;
	private readonly redactor = new SecretRedactor();

	constructor(private readonly settings: PipelineSettings) {
		const options = settings.options ?? {};
		this.now = options.now ?? (() => new Date());
		this.sleep = options.sleep ?? realSleep;
		this.policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
		// The account's gate paces starts and bounds requests in flight for all executions at once.
		const gate = gateForAccount(options, settings.account, { requestsPerSecond: settings.maxRequestsPerSecond, inFlight: settings.maxInFlight });
		this.transport = gatedTransport(settings.transport, gate);
	}

	/** One request, retried as the policy and the error allow. */
	async request<T>(request: HttpRequest, idempotent: boolean, read: AnswerReader<T>): Promise<T> {
		return this.retrying(() => this.exchange(request, idempotent, read));
	}

	/** One attempt, without retry, for adapters that wrap attempts (Devino renews its session in between). */
	async exchange<T>(request: HttpRequest, idempotent: boolean, read: AnswerReader<T>): Promise<T> {
		const timeoutMs = request.timeoutMs ?? this.settings.options?.timeoutMs ?? this.settings.defaultTimeoutMs;
		const answer = await callGateway(this.transport, { ...request, timeoutMs }, this.settings.name, idempotent);
		// Masked as soon as it arrives: error messages show excerpts, and an excerpt can cut a secret.
		const response = this.secretsMasked().response(answer);
		const refusal = (this.settings.classify ?? defaultClassify(this.settings.name))(response, idempotent, this.now());
		if (refusal) throw new SmsGatewayError(refusal);
		return read(response);
	}

	/** Runs attempts under the retry policy; whatever finally fails leaves with every secret masked. */
	async retrying<T>(attempt: () => Promise<T>): Promise<T> {
		try {
			return await withRetry(attempt, this.policy, this.sleep);
		} catch (error) {
			throw this.secretsMasked().error(this.settings.explainRefusedWait ? this.explainRefusedWait(error) : error);
		}
	}

	/** A text from an answer (a gateway's reason) with every secret masked. */
	mask(text: string): string {
		return this.secretsMasked().redact(text);
	}

	/** The redactor, built once; secrets learnt since (a new session id) are added to it. */
	private secretsMasked(): SecretRedactor {
		for (const secret of this.settings.secrets()) this.redactor.add(secret);
		return this.redactor;
	}

	private explainRefusedWait(error: unknown): unknown {
		if (!(error instanceof SmsGatewayError)) return error;
		const { retryable, retryAfterSeconds } = error.error;
		if (!retryable || retryAfterSeconds === undefined || retryAfterSeconds * 1000 <= this.policy.maxWaitMs) return error;
		const retryAt = new Date(this.now().getTime() + retryAfterSeconds * 1000).toISOString();
		return new SmsGatewayError({
			...error.error,
			message: `${error.error.message}. Not retried automatically: the wait is longer than the ${Math.round(this.policy.maxWaitMs / 1000)} s allowed; try again after ${retryAt}.`,
		});
	}
}

/** Any non-2xx status comes from a proxy or a web server and carries none of the gateway's codes. */
function defaultClassify(name: string) {
	return (response: HttpResponse, idempotent: boolean, now: Date): SmsError | undefined =>
		response.status >= 200 && response.status < 300 ? undefined : httpStatusError(name, response, idempotent, now);
}
