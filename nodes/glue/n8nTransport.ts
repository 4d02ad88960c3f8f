import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from '../core/adapter/http';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Failures where the request certainly never reached the server, so repeating it cannot duplicate a send. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'ERR_INVALID_URL',
	'UND_ERR_CONNECT_TIMEOUT',
]);

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The core's HttpTransport on n8n's own request helper, so proxies, SSRF rules and n8n's
 * outbound settings apply. Credentials have no `authenticate`; the adapter puts each secret in a
 * header or the body, and the credential name is passed only so that n8n resolves the credential
 * the node is allowed to use.
 *
 * `credentials` are the ones the node has already read for this run: handed to n8n with each
 * request, they spare it reading and decrypting the credential from its database again per
 * request (A1 makes one request per recipient: 10,000 reads for a batch of 10,000).
 */
export function createN8nTransport(context: RequestContext, credentialName: string, credentials?: ICredentialDataDecryptedObject): HttpTransport {
	const readOnce = credentials === undefined ? undefined : alreadyRead(context, credentialName, credentials);
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers: { ...(request.headers ?? {}) },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
			timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		};
		if (request.body !== undefined) options.body = request.body;
		let response: unknown;
		try {
			response = await context.helpers.httpRequestWithAuthentication.call(context, credentialName, options, readOnce);
		} catch (error) {
			throw toTransportError(error);
		}
		return toHttpResponse(response);
	};
}

/** The credential as n8n's helper takes it ready-made (n8n 1.x and 2.x both honour `credentialsDecrypted`). */
function alreadyRead(context: RequestContext, credentialName: string, data: ICredentialDataDecryptedObject): IAdditionalCredentialOptions {
	const chosen = context.getNode().credentials?.[credentialName];
	return { credentialsDecrypted: { id: chosen?.id ?? '', name: chosen?.name ?? credentialName, type: credentialName, data } };
}

function toHttpResponse(response: unknown): HttpResponse {
	const full = (response ?? {}) as { statusCode?: unknown; headers?: unknown; body?: unknown };
	return {
		status: typeof full.statusCode === 'number' ? full.statusCode : 0,
		headers: lowerCaseHeaders(full.headers),
		body: bodyText(full.body),
	};
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return result;
	// Axios gives an AxiosHeaders instance; its toJSON() is a plain object.
	const plain = typeof (headers as { toJSON?: unknown }).toJSON === 'function'
		? ((headers as { toJSON: () => unknown }).toJSON() as Record<string, unknown>)
		: (headers as Record<string, unknown>);
	for (const [name, value] of Object.entries(plain)) {
		if (value === undefined || value === null || typeof value === 'function') continue;
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	// Older n8n versions may parse JSON despite json: false; give the adapter the text back.
	return JSON.stringify(body);
}

/**
 * n8n wraps the axios error in a NodeApiError whose message, description and `cause.config`
 * may quote the request (body, headers: secrets). Only the error code and the kinds of the
 * errors cross this line.
 *
 * A failure is "not sent" only when that is certain: a connection that could not be opened, or
 * a failure inside n8n's request helper before it handed the request to its HTTP client (for
 * example a database read that timed out). The latter is an error n8n wrapped (NodeApiError)
 * whose causes show no sign of the HTTP client: no axios error, none that n8n marks as coming
 * from its HTTP requests, no error code. Anything else may have reached the gateway.
 */
export function toTransportError(error: unknown): TransportError {
	const chain = causeChain(error);
	const code = chain.map(errorCode).find((found) => found !== undefined);
	if (code && NOT_SENT_CODES.has(code)) return new TransportError('not_sent', `connection failed (${code})`);
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
		return new TransportError('no_response', `no answer in time (${code})`);
	}
	if (code) return new TransportError('no_response', `connection lost (${code})`);
	const kinds = chain.map(kindOf).join(' ← ');
	if (failedBeforeSending(chain)) return new TransportError('not_sent', `n8n failed before making the request (${kinds})`);
	return new TransportError('no_response', `the request failed without an answer (${kinds})`);
}

/** The error and its causes, outermost first (at most 10; a cycle ends it). */
function causeChain(error: unknown): unknown[] {
	const chain: unknown[] = [];
	let current: unknown = error;
	while (current !== undefined && current !== null && chain.length < 10 && !chain.includes(current)) {
		chain.push(current);
		current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
	}
	return chain;
}

function errorCode(error: unknown): string | undefined {
	const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
	return typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code) ? code : undefined;
}

/** n8n 2.x marks every error that comes out of its HTTP requests with this symbol (@n8n/backend-network). */
const N8N_HTTP_REQUEST_ERROR = Symbol.for('n8n.backend-network.http-request-error');

/** Whether an error comes from the HTTP client: axios's errors say so, n8n 2.x marks them, and network errors carry codes. */
function fromHttpClient(error: unknown): boolean {
	if (!error || typeof error !== 'object') return false;
	const fields = error as { isAxiosError?: unknown; code?: unknown; [N8N_HTTP_REQUEST_ERROR]?: unknown };
	return fields.isAxiosError === true || fields[N8N_HTTP_REQUEST_ERROR] === true || (typeof fields.code === 'string' && fields.code !== '');
}

/**
 * n8n's request helper wraps whatever failed in a NodeApiError (n8n 1.x and 2.x); when nothing it
 * wrapped came from the HTTP client, the request was never handed to it. An error n8n did not
 * wrap proves nothing (it may be a failure while wrapping an HTTP error), so it does not count.
 */
function failedBeforeSending(chain: unknown[]): boolean {
	const [outer, ...causes] = chain;
	return kindOf(outer) === 'NodeApiError' && causes.length > 0 && !chain.some(fromHttpClient);
}

/** An error's class name, never its text (which can quote the request). */
function kindOf(error: unknown): string {
	if (error instanceof Error) return error.constructor?.name && error.constructor.name !== 'Error' ? error.constructor.name : error.name;
	return typeof error;
}
