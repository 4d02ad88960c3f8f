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
 * may quote the request (body, headers: secrets). Only the error code crosses this line.
 */
export function toTransportError(error: unknown): TransportError {
	const code = findErrorCode(error);
	if (code && NOT_SENT_CODES.has(code)) return new TransportError('not_sent', `connection failed (${code})`);
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
		return new TransportError('no_response', `no answer in time (${code})`);
	}
	if (code) return new TransportError('no_response', `connection lost (${code})`);
	return new TransportError('no_response', 'the request failed without an answer');
}

function findErrorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
