import { SmsGatewayError } from '../../core/errors/SmsError';
import type { HttpResponse, HttpTransport } from '../../core/adapter/http';
import { callGateway } from '../../core/adapter/callGateway';
import { DEFAULT_RETRY_POLICY, realSleep, withRetry, type RetryPolicy, type Sleep } from '../../core/adapter/requestPolicy';
import { checkStatus, DEVINO_NAME, isSessionRejected, unexpectedAnswer } from './devinoResponse';
import { redactError, redactResponse } from '../../core/adapter/redactSecrets';
import { devinoSessionKey, dropDevinoSession, getDevinoSession } from './devinoSessions';
import { formEncode, parseSessionId, type FormFields } from './devinoWire';

export interface DevinoClientConfig {
	baseUrl: string;
	login: string;
	password: string;
	transport: HttpTransport;
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
	sleep?: Sleep;
	now?: () => Date;
	/** Awaited before every request (rate limiting). */
	beforeRequest?: () => Promise<void>;
}

/** Reads a 2xx answer into a value; throws (usually `unexpectedAnswer`) when it cannot. */
export type AnswerParser<T> = (response: HttpResponse) => T;

/**
 * Every Devino request: POST with a form body (so login, password and session id never reach a
 * URL), the cached session, one new session and repeat when Devino refuses the session, retries
 * of retryable failures, and error messages scrubbed of secrets.
 */
export class DevinoClient {
	private readonly sessionKey: string;
	private readonly now: () => Date;
	/** Every session id this client has sent, including ones since dropped, so none can leak in an error. */
	private readonly sessionIdsUsed = new Set<string>();

	constructor(private readonly config: DevinoClientConfig) {
		this.sessionKey = devinoSessionKey(config.baseUrl, config.login, config.password);
		this.now = config.now ?? (() => new Date());
	}

	/** An operation that needs a session; `idempotent` = false for sends. */
	async call<T>(path: string, fields: FormFields, idempotent: boolean, parse: AnswerParser<T>): Promise<T> {
		try {
			return await withRetry(
				() => this.withSession((sessionId) => this.post(path, [['sessionId', sessionId], ...fields], idempotent, parse)),
				this.config.retryPolicy ?? DEFAULT_RETRY_POLICY,
				this.config.sleep ?? realSleep,
			);
		} catch (error) {
			// Gateways sometimes echo what they were sent; no password or session id may leave in an error.
			throw redactError(error, [this.config.password, ...this.sessionIdsUsed]);
		}
	}

	private async withSession<T>(operation: (sessionId: string) => Promise<T>): Promise<T> {
		const sessionId = await this.session();
		this.sessionIdsUsed.add(sessionId);
		try {
			return await operation(sessionId);
		} catch (error) {
			// Devino processed nothing when it refused the session, so repeating once is safe even for a send.
			if (!isSessionRejected(error)) throw error;
			dropDevinoSession(this.sessionKey, sessionId);
			const renewed = await this.session();
			this.sessionIdsUsed.add(renewed);
			return operation(renewed);
		}
	}

	private session(): Promise<string> {
		return getDevinoSession(this.sessionKey, () => this.now().getTime(), () => this.logIn());
	}

	private async logIn(): Promise<string> {
		const fields: FormFields = [
			['login', this.config.login],
			['password', this.config.password],
		];
		try {
			return await this.post('/user/sessionid', fields, true, (response) => {
				const sessionId = parseSessionId(response.body);
				if (sessionId === undefined) throw unexpectedAnswer(response, true, 'the login');
				return sessionId;
			});
		} catch (error) {
			if (error instanceof SmsGatewayError && error.error.code === 'auth_failed') {
				throw new SmsGatewayError({ ...error.error, message: `${DEVINO_NAME} refused the login or password (${error.error.gatewayMessage ?? `HTTP ${error.error.gatewayCode}`})` });
			}
			throw error;
		}
	}

	private async post<T>(path: string, fields: FormFields, idempotent: boolean, parse: AnswerParser<T>): Promise<T> {
		await this.config.beforeRequest?.();
		const response = await callGateway(
			this.config.transport,
			{
				method: 'POST',
				url: `${this.config.baseUrl}${path}`,
				headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
				body: formEncode(fields),
				timeoutMs: this.config.timeoutMs,
			},
			DEVINO_NAME,
			idempotent,
		);
		// A login's answer is the new session id itself, which is not among these yet.
		const shown = redactResponse(response, [this.config.password, ...this.sessionIdsUsed]);
		checkStatus(shown, idempotent, this.now());
		return parse(shown);
	}
}
