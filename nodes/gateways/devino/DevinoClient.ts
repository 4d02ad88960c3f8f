import { SmsGatewayError } from '../../core/errors/SmsError';
import type { GatewayOptions } from '../../core/adapter/GatewayAdapter';
import type { HttpTransport } from '../../core/adapter/http';
import { RequestPipeline, type AnswerReader } from '../../core/adapter/requestPipeline';
import { DEVINO_LIMITS } from './limits';
import { DEVINO_NAME, errorOfAnswer, isSessionRejected, unexpectedAnswer } from './devinoResponse';
import type { SessionStore } from '../../core/state/sessionStore';
import { devinoSessionKey, processDevinoSessions } from './devinoSessions';
import { formEncode, parseSessionId, type FormFields } from './devinoWire';

export interface DevinoAccount {
	baseUrl: string;
	login: string;
	password: string;
}

/**
 * Every Devino request: POST with a form body (so login, password and session id never reach a
 * URL), the cached session, one new session and repeat when Devino refuses the session, retries
 * of retryable failures, and error messages scrubbed of secrets.
 */
export class DevinoClient {
	private readonly sessionKey: string;
	private readonly pipeline: RequestPipeline;
	private readonly sessions: SessionStore;
	/** Every session id this client has sent, including ones since dropped, so none can leak in an error. */
	private readonly sessionIdsUsed = new Set<string>();

	constructor(
		private readonly config: DevinoAccount,
		transport: HttpTransport,
		options: GatewayOptions = {},
	) {
		this.sessionKey = devinoSessionKey(config.baseUrl, config.login, config.password);
		this.sessions = options.sessions ?? processDevinoSessions;
		this.pipeline = new RequestPipeline({
			name: DEVINO_NAME,
			transport,
			options,
			account: { gateway: 'devino', baseUrl: config.baseUrl, identity: config.login },
			maxRequestsPerSecond: DEVINO_LIMITS.maxRequestsPerSecond,
			maxInFlight: DEVINO_LIMITS.concurrency,
			// Gateways sometimes echo what they were sent; no password or session id may leave in an error.
			// A login's answer is the new session id itself, which is not among these yet.
			secrets: () => [config.password, ...this.sessionIdsUsed],
			classify: (response, idempotent, now) =>
				response.status >= 200 && response.status < 300 ? undefined : errorOfAnswer(response, idempotent, now),
		});
	}

	/** An operation that needs a session; `idempotent` = false for sends. */
	async call<T>(path: string, fields: FormFields, idempotent: boolean, read: AnswerReader<T>): Promise<T> {
		return this.pipeline.retrying(() => this.withSession((sessionId) => this.post(path, [['sessionId', sessionId], ...fields], idempotent, read)));
	}

	private async withSession<T>(operation: (sessionId: string) => Promise<T>): Promise<T> {
		const sessionId = await this.session();
		this.sessionIdsUsed.add(sessionId);
		try {
			return await operation(sessionId);
		} catch (error) {
			// Devino processed nothing when it refused the session, so repeating once is safe even for a send.
			if (!isSessionRejected(error)) throw error;
			await this.sessions.drop(this.sessionKey, sessionId);
			const renewed = await this.session();
			this.sessionIdsUsed.add(renewed);
			return operation(renewed);
		}
	}

	private session(): Promise<string> {
		return this.sessions.session(this.sessionKey, () => this.logIn(), () => this.pipeline.now().getTime());
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

	private async post<T>(path: string, fields: FormFields, idempotent: boolean, read: AnswerReader<T>): Promise<T> {
		const request = {
			method: 'POST' as const,
			url: `${this.config.baseUrl}${path}`,
			headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
			body: formEncode(fields),
		};
		return this.pipeline.exchange(request, idempotent, read);
	}
}
