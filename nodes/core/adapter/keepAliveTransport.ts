import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from './http';

/**
 * Who may be connected to: the rules of the n8n instance (its SSRF protection) for a client that
 * opens its own connections. The same two layers n8n's own agents apply: a DNS lookup that refuses
 * forbidden addresses, and a check of a host no lookup sees (an IP literal) before connecting.
 */
export interface ConnectionRules {
	lookup?: LookupFunction;
	/** Why a connection to this host is refused, or undefined when it is allowed. */
	refuseHost?(host: string): Error | undefined;
}

export interface KeepAliveTransportOptions {
	rules?: ConnectionRules;
	/** When the request has none. */
	defaultTimeoutMs?: number;
	/** Cancels every request in flight (n8n's execution cancel signal). */
	signal?: AbortSignal;
}

/**
 * A free connection is closed after this long: well below the 5 s a Node server and most others keep
 * an idle connection open, so a request is never written into a connection the gateway is closing
 * (a server's shorter Keep-Alive hint wins; Node reads it). A reset on a reused connection still
 * counts as possibly received: a send is never repeated.
 */
const IDLE_CONNECTION_MS = 2_000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** No gateway answer comes near this; a bigger one is not an answer to us. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

interface Agents {
	http: http.Agent;
	https: https.Agent;
}

/** One pair of agents per set of rules: connections are reused across requests, runs and nodes of the process. */
const agentsByRules = new WeakMap<ConnectionRules, Agents>();
const NO_RULES: ConnectionRules = {};

/**
 * An HttpTransport on Node's http/https with persistent connections: a batch of one-recipient
 * requests (A1) pays for a TCP and TLS handshake once per connection instead of once per message.
 * Redirects are not followed (no gateway API redirects, and a send must not be replayed elsewhere).
 */
export function createKeepAliveTransport(options: KeepAliveTransportOptions = {}): HttpTransport {
	const rules = options.rules ?? NO_RULES;
	let agents = agentsByRules.get(rules);
	if (!agents) {
		agents = createAgents(rules);
		agentsByRules.set(rules, agents);
	}
	const pool = agents;
	return (request) => exchange(request, pool, options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS, options.signal);
}

function createAgents(rules: ConnectionRules): Agents {
	const settings = { keepAlive: true, timeout: IDLE_CONNECTION_MS, scheduling: 'lifo' as const, ...(rules.lookup ? { lookup: rules.lookup } : {}) };
	const agents = { http: new http.Agent(settings), https: new https.Agent(settings) };
	if (rules.refuseHost) {
		for (const agent of [agents.http, agents.https]) guardConnections(agent, rules.refuseHost);
	}
	return agents;
}

/** Checks the host of every new connection, as n8n's own agents do, before a socket is opened. */
function guardConnections(agent: http.Agent, refuseHost: (host: string) => Error | undefined): void {
	const internal = agent as unknown as { createConnection: (options: { host?: string; hostname?: string }, callback?: (error: Error | null, socket?: Socket) => void) => Socket | undefined };
	const createConnection = internal.createConnection.bind(agent);
	internal.createConnection = (connectOptions, callback) => {
		const host = connectOptions.host ?? connectOptions.hostname ?? '';
		const refusal = host ? refuseHost(host) : new Error('the connection has no host');
		if (!refusal) return createConnection(connectOptions, callback);
		if (callback) {
			callback(refusal);
			return undefined;
		}
		throw refusal;
	};
}

function exchange(request: HttpRequest, agents: Agents, defaultTimeoutMs: number, signal: AbortSignal | undefined): Promise<HttpResponse> {
	return new Promise<HttpResponse>((resolve, reject) => {
		const url = parseUrl(request.url);
		if (!url) {
			reject(new TransportError('not_sent', 'the URL is not an http(s) URL'));
			return;
		}
		if (signal?.aborted) {
			reject(new TransportError('not_sent', 'the execution was cancelled'));
			return;
		}
		const secure = url.protocol === 'https:';
		const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
		const headers: Record<string, string | number> = { ...(request.headers ?? {}) };
		if (body) headers['content-length'] = body.length;
		const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
		// Bytes may reach the gateway once the connection is open (after TLS for https): from then on
		// a failure leaves the outcome unknown. A reused connection is open from the start.
		let mayHaveArrived = false;
		let settled = false;
		const fail = (error: TransportError) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			reject(error);
		};

		const req = (secure ? https : http).request(url, { method: request.method, headers, agent: secure ? agents.https : agents.http, signal }, (res) => {
			const chunks: Buffer[] = [];
			let size = 0;
			res.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size > MAX_RESPONSE_BYTES) req.destroy(new Error(`the answer is larger than ${MAX_RESPONSE_BYTES} bytes`));
				else chunks.push(chunk);
			});
			res.on('error', (error) => fail(transportFailure(error, true, timeoutMs)));
			res.on('end', () => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				resolve({ status: res.statusCode ?? 0, headers: headerValues(res.headers), body: Buffer.concat(chunks).toString('utf8') });
			});
		});
		const timer = setTimeout(() => req.destroy(new TimeoutError(timeoutMs)), timeoutMs);
		req.on('socket', (socket: Socket) => {
			const arrived = () => (mayHaveArrived = true);
			if (req.reusedSocket) arrived();
			else if (socket.connecting) socket.once(secure ? 'secureConnect' : 'connect', arrived);
			// Already failed (a refused lookup), or already open.
			else if (!socket.destroyed) arrived();
		});
		req.on('error', (error) => fail(transportFailure(error, mayHaveArrived, timeoutMs)));
		req.end(body);
	});
}

class TimeoutError extends Error {
	readonly code = 'ETIMEDOUT';

	constructor(timeoutMs: number) {
		super(`no answer within ${timeoutMs} ms`);
	}
}

/**
 * not_sent only when nothing can have reached the gateway: that is decided by whether the
 * connection was open, never by the error's code (an established connection can fail with
 * EHOSTUNREACH too, after the request went out). The message names the cause, never the request.
 */
export function transportFailure(error: unknown, mayHaveArrived: boolean, timeoutMs: number): TransportError {
	const failure = mayHaveArrived ? 'no_response' : 'not_sent';
	if ((error as { name?: unknown })?.name === 'AbortError') return new TransportError(failure, 'the execution was cancelled');
	if (error instanceof TimeoutError) return new TransportError(failure, `no answer in time (${timeoutMs} ms)`);
	const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
	return new TransportError(failure, `${mayHaveArrived ? 'connection lost' : 'connection failed'} (${code ?? messageOf(error)})`);
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function parseUrl(text: string): URL | undefined {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
	} catch {
		return undefined;
	}
}

/** Node gives header names lower-cased already; a repeated header (set-cookie) becomes one value. */
function headerValues(headers: http.IncomingHttpHeaders): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) result[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return result;
}
