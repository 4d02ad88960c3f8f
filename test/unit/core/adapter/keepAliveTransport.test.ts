import * as http from 'node:http';
import type { AddressInfo, LookupFunction, Socket } from 'node:net';
import { TransportError, type HttpResponse } from '../../../../nodes/core/adapter/http';
import { createKeepAliveTransport, transportFailure, type ConnectionRules } from '../../../../nodes/core/adapter/keepAliveTransport';

/** A local server that counts connections and requests and answers as each test says. */
interface TestServer {
	url: string;
	port: number;
	connections: number;
	requests: number;
	openSockets: Set<Socket>;
	close(): Promise<void>;
}

async function startServer(handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void, keepAliveTimeoutMs = 5_000): Promise<TestServer> {
	const state = { connections: 0, requests: 0, openSockets: new Set<Socket>() };
	const server = http.createServer((req, res) => {
		state.requests++;
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
	});
	server.keepAliveTimeout = keepAliveTimeoutMs;
	server.on('connection', (socket: Socket) => {
		state.connections++;
		state.openSockets.add(socket);
		socket.on('close', () => state.openSockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(state, {
		url: `http://127.0.0.1:${port}`,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of state.openSockets) socket.destroy();
				server.close(() => resolve());
			}),
	});
}

const echo = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
	res.setHeader('content-type', 'application/json');
	res.end(JSON.stringify({ method: req.method, url: req.url, body, header: req.headers['x-test'] ?? null }));
};

async function failureOf(promise: Promise<HttpResponse>): Promise<TransportError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(TransportError);
	return error as TransportError;
}

/** Rules of their own, so each test gets its own connections (agents are shared per set of rules). */
const freshRules = (extra: ConnectionRules = {}): ConnectionRules => ({ ...extra });

describe('createKeepAliveTransport', () => {
	let server: TestServer | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});

	test('sends the method, headers and body, and gives back status, lower-cased headers and the text', async () => {
		server = await startServer(echo);
		const transport = createKeepAliveTransport({ rules: freshRules() });
		const response = await transport({ method: 'POST', url: `${server.url}/api/sms/send?x=1`, headers: { 'X-Test': 'yes' }, body: '{"text":"Привет"}' });
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('application/json');
		expect(JSON.parse(response.body)).toEqual({ method: 'POST', url: '/api/sms/send?x=1', body: '{"text":"Привет"}', header: 'yes' });
	});

	test('500 requests, 25 at a time, over at most 25 connections', async () => {
		server = await startServer((req, res, body) => setTimeout(() => echo(req, res, body), 5));
		const transport = createKeepAliveTransport({ rules: freshRules() });
		const bodies: string[] = [];
		let next = 0;
		await Promise.all(
			Array.from({ length: 25 }, async () => {
				while (next < 500) {
					const index = next++;
					const response = await transport({ method: 'POST', url: `${server!.url}/send`, body: String(index) });
					bodies.push(JSON.parse(response.body).body);
				}
			}),
		);
		expect(bodies.sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 500 }, (_, i) => String(i)));
		expect(server.requests).toBe(500);
		expect(server.connections).toBeLessThanOrEqual(25);
	});

	test('a refused connection was not sent', async () => {
		server = await startServer(echo);
		const { port } = server;
		await server.close();
		server = undefined;
		const failure = await failureOf(createKeepAliveTransport({ rules: freshRules() })({ method: 'POST', url: `http://127.0.0.1:${port}/send`, body: 'x' }));
		expect(failure.failure).toBe('not_sent');
		expect(failure.message).toBe('connection failed (ECONNREFUSED)');
	});

	test.each(['EHOSTUNREACH', 'ENETUNREACH', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE'])('%s once the connection was open: no_response (the code does not prove the request never left)', (code) => {
		const error = Object.assign(new Error(`${code} password=Top-Secret`), { code });
		expect(transportFailure(error, true, 1000)).toMatchObject({ failure: 'no_response', message: `connection lost (${code})` });
		expect(transportFailure(error, false, 1000)).toMatchObject({ failure: 'not_sent', message: `connection failed (${code})` });
	});

	test('a host the rules refuse is never connected to, and was not sent', async () => {
		server = await startServer(echo);
		const refusal = new Error('Connections to 127.0.0.1 are blocked by SSRF protection');
		const transport = createKeepAliveTransport({ rules: freshRules({ refuseHost: (host) => (host === '127.0.0.1' ? refusal : undefined) }) });
		const failure = await failureOf(transport({ method: 'POST', url: `${server.url}/send`, body: 'x' }));
		expect(failure.failure).toBe('not_sent');
		expect(failure.message).toContain('blocked by SSRF protection');
		expect(server.connections).toBe(0);
	});

	test("host names are resolved by the rules' lookup; one it refuses was not sent", async () => {
		server = await startServer(echo);
		const asked: string[] = [];
		const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
			asked.push(hostname);
			if (hostname === 'forbidden.test') return callback(Object.assign(new Error('resolves to a blocked address'), { code: 'ESSRF' }), options.all ? [] : '', undefined);
			return options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4);
		}) as unknown as LookupFunction;
		const transport = createKeepAliveTransport({ rules: freshRules({ lookup }) });
		const response = await transport({ method: 'GET', url: `http://gateway.test:${server.port}/balance` });
		expect(JSON.parse(response.body).url).toBe('/balance');
		const failure = await failureOf(transport({ method: 'GET', url: `http://forbidden.test:${server.port}/balance` }));
		expect(failure.failure).toBe('not_sent');
		expect(asked).toEqual(['gateway.test', 'forbidden.test']);
		expect(server.connections).toBe(1);
	});

	test('no answer in time after the request went out: no_response (a send is not repeated)', async () => {
		server = await startServer(() => undefined);
		const failure = await failureOf(createKeepAliveTransport({ rules: freshRules() })({ method: 'POST', url: `${server.url}/send`, body: 'x', timeoutMs: 200 }));
		expect(failure.failure).toBe('no_response');
		expect(failure.message).toBe('no answer in time (200 ms)');
		expect(server.requests).toBe(1);
	});

	test('a connection reset after the gateway read the request: no_response, on a new and on a reused connection', async () => {
		let reset = false;
		server = await startServer((req, res, body) => (reset ? req.socket.destroy() : echo(req, res, body)));
		const transport = createKeepAliveTransport({ rules: freshRules() });
		const fresh = await failureOf(((reset = true), transport({ method: 'POST', url: `${server.url}/send`, body: 'a' })));
		expect(fresh.failure).toBe('no_response');
		reset = false;
		await transport({ method: 'POST', url: `${server.url}/send`, body: 'b' });
		reset = true;
		const reused = await failureOf(transport({ method: 'POST', url: `${server.url}/send`, body: 'c' }));
		expect(reused.failure).toBe('no_response');
		expect(reused.message).toMatch(/^connection lost \(/);
		expect(server.requests).toBe(3);
	});

	test('cancelled before it started: not sent; cancelled while waiting for the answer: no_response', async () => {
		server = await startServer(() => undefined);
		const before = new AbortController();
		before.abort();
		const notStarted = await failureOf(createKeepAliveTransport({ rules: freshRules(), signal: before.signal })({ method: 'POST', url: `${server.url}/send`, body: 'x' }));
		expect(notStarted.failure).toBe('not_sent');
		expect(server.requests).toBe(0);

		const during = new AbortController();
		const pending = createKeepAliveTransport({ rules: freshRules(), signal: during.signal })({ method: 'POST', url: `${server.url}/send`, body: 'x' });
		while (server.requests === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		during.abort();
		const cancelled = await failureOf(pending);
		expect(cancelled.failure).toBe('no_response');
		expect(cancelled.message).toBe('the execution was cancelled');
	});

	test('an answer over 16 MB is not taken', async () => {
		server = await startServer((_req, res) => {
			const chunk = Buffer.alloc(1024 * 1024, 'a');
			for (let i = 0; i < 17; i++) res.write(chunk);
			res.end();
		});
		const failure = await failureOf(createKeepAliveTransport({ rules: freshRules() })({ method: 'GET', url: `${server.url}/big` }));
		expect(failure.failure).toBe('no_response');
		expect(failure.message).toContain('larger than');
	});

	test('a URL that is not http(s) is refused before anything is opened', async () => {
		const failure = await failureOf(createKeepAliveTransport({ rules: freshRules() })({ method: 'GET', url: 'ftp://127.0.0.1/x' }));
		expect(failure.failure).toBe('not_sent');
	});

	test('idle connections are closed before a server that keeps them 1 s would close them; requests spaced past that all succeed', async () => {
		server = await startServer(echo, 1_000);
		const transport = createKeepAliveTransport({ rules: freshRules() });
		for (let i = 0; i < 3; i++) {
			const response = await transport({ method: 'POST', url: `${server.url}/send`, body: String(i) });
			expect(JSON.parse(response.body).body).toBe(String(i));
			await new Promise((resolve) => setTimeout(resolve, 1_100));
		}
		expect(server.requests).toBe(3);
	});

	test('an idle connection is closed by us after 2 s', async () => {
		server = await startServer(echo, 60_000);
		await createKeepAliveTransport({ rules: freshRules() })({ method: 'GET', url: `${server.url}/x` });
		expect(server.openSockets.size).toBe(1);
		const started = Date.now();
		while (server.openSockets.size > 0 && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 50));
		expect(server.openSockets.size).toBe(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
	});
});
