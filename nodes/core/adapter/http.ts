/**
 * The only way an adapter talks to a gateway. The n8n node supplies one (n8n's request helper, or
 * persistent connections: keepAliveTransport.ts, which tests and scripts use too). Keeping this
 * seam small is what lets the core stay free of n8n imports.
 */
export interface HttpRequest {
	method: 'GET' | 'POST';
	url: string;
	headers?: Record<string, string>;
	/** Already serialized (JSON, XML or form-encoded); secrets go here or in headers, never in the URL. */
	body?: string;
	timeoutMs?: number;
}

export interface HttpResponse {
	status: number;
	/** Header names lower-cased. */
	headers: Record<string, string>;
	body: string;
}

export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * `not_sent`: the request never reached the server (refused connection, DNS), so a retry cannot
 * duplicate anything. `no_response`: the request may have been received (timeout, reset), so a
 * non-idempotent call (a send) must not be repeated and its outcome is unknown.
 */
export type TransportFailure = 'not_sent' | 'no_response';

export class TransportError extends Error {
	readonly failure: TransportFailure;

	constructor(failure: TransportFailure, message: string) {
		super(message);
		this.name = 'TransportError';
		this.failure = failure;
	}
}
