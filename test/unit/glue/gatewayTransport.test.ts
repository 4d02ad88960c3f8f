import * as http from 'node:http';
import { lookup as dnsLookup } from 'node:dns';
import type { AddressInfo } from 'node:net';
import type { IExecuteFunctions, NodeEgressFilter } from 'n8n-workflow';
import { TransportError } from '../../../nodes/core/adapter/http';
import { createGatewayTransport } from '../../../nodes/glue/gatewayTransport';

const node = { id: '1', name: 'SMS Gateway', type: 'smsGateway', typeVersion: 1, position: [0, 0], parameters: {}, credentials: {} };

/** n8n's egress filter as a node sees it; each test gets its own object (connections are pooled per filter). */
function egressFilter(blocked: string[] = []): NodeEgressFilter {
	return {
		validateUrl: async () => ({ ok: true, result: undefined }),
		validateConnectionHost: (host: string) => (blocked.includes(host) ? { ok: false, error: new Error(`${host} is blocked by SSRF protection`) } : { ok: true, result: undefined }),
		createSecureLookup: () => dnsLookup,
		validateRedirectSync: () => undefined,
	} as unknown as NodeEgressFilter;
}

function context(options: { filter?: NodeEgressFilter; signal?: AbortSignal }) {
	const viaHelper = jest.fn(async () => ({ statusCode: 200, headers: {}, body: 'from the helper' }));
	const helpers: Record<string, unknown> = { httpRequestWithAuthentication: viaHelper };
	if (options.filter) helpers.getSecureEgressFilter = () => options.filter;
	const ctx = { helpers, getNode: () => node, getExecutionCancelSignal: () => options.signal } as unknown as IExecuteFunctions;
	return { ctx, viaHelper };
}

describe('createGatewayTransport', () => {
	let server: http.Server;
	let url: string;
	let connections = 0;
	const savedProxy = process.env.HTTPS_PROXY;

	beforeAll(async () => {
		server = http.createServer((_req, res) => res.end('direct'));
		server.on('connection', () => connections++);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});
	beforeEach(() => {
		connections = 0;
		delete process.env.HTTPS_PROXY;
	});
	afterEach(() => {
		if (savedProxy === undefined) delete process.env.HTTPS_PROXY;
		else process.env.HTTPS_PROXY = savedProxy;
	});

	test("where n8n offers its egress filter and no proxy is set, requests go on the package's own connections", async () => {
		const { ctx, viaHelper } = context({ filter: egressFilter() });
		const transport = createGatewayTransport(ctx, 'a1Api', { token: 't' });
		const answers = await Promise.all([1, 2, 3].map(() => transport({ method: 'POST', url, body: 'x' })));
		expect(answers.map((a) => a.body)).toEqual(['direct', 'direct', 'direct']);
		expect(viaHelper).not.toHaveBeenCalled();
		// Sequential requests reuse one connection.
		const before = connections;
		for (let i = 0; i < 5; i++) await transport({ method: 'POST', url, body: 'x' });
		expect(connections).toBe(before);
	});

	test('a host n8n’s SSRF rules block is never connected to and was not sent', async () => {
		const { ctx } = context({ filter: egressFilter(['127.0.0.1']) });
		const failure = await createGatewayTransport(ctx, 'a1Api', {})({ method: 'POST', url, body: 'x' }).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(TransportError);
		expect((failure as TransportError).failure).toBe('not_sent');
		expect((failure as TransportError).message).toContain('blocked by SSRF protection');
		expect(connections).toBe(0);
	});

	test("n8n's execution cancel signal stops a request before it starts", async () => {
		const cancelled = new AbortController();
		cancelled.abort();
		const { ctx } = context({ filter: egressFilter(), signal: cancelled.signal });
		const failure = await createGatewayTransport(ctx, 'a1Api', {})({ method: 'POST', url, body: 'x' }).catch((error: unknown) => error);
		expect((failure as TransportError).failure).toBe('not_sent');
		expect(connections).toBe(0);
	});

	test("with a proxy configured, n8n's request helper sends (it honours the proxy)", async () => {
		process.env.HTTPS_PROXY = 'http://proxy.example:3128';
		const { ctx, viaHelper } = context({ filter: egressFilter() });
		const answer = await createGatewayTransport(ctx, 'a1Api', {})({ method: 'POST', url, body: 'x' });
		expect(answer.body).toBe('from the helper');
		expect(viaHelper).toHaveBeenCalledTimes(1);
		expect(connections).toBe(0);
	});

	test("when n8n cannot give its egress filter, n8n's request helper sends (its own SSRF rules apply)", async () => {
		const { ctx, viaHelper } = context({});
		(ctx.helpers as unknown as Record<string, unknown>).getSecureEgressFilter = () => {
			throw new Error('egress filter not available in this context');
		};
		const answer = await createGatewayTransport(ctx, 'a1Api', {})({ method: 'POST', url, body: 'x' });
		expect(answer.body).toBe('from the helper');
		expect(viaHelper).toHaveBeenCalledTimes(1);
		expect(connections).toBe(0);
	});

	test("without n8n's egress filter (n8n 1.x), n8n's request helper sends", async () => {
		const { ctx, viaHelper } = context({});
		const answer = await createGatewayTransport(ctx, 'a1Api', {})({ method: 'POST', url, body: 'x' });
		expect(answer.body).toBe('from the helper');
		expect(viaHelper).toHaveBeenCalledTimes(1);
	});
});
