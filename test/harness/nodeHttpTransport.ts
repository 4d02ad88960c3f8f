import * as http from 'node:http';
import * as https from 'node:https';
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from '../../nodes/core/adapter/http';

/**
 * An HttpTransport on Node's own http/https, for tests, scripts and the benchmark. Inside n8n the
 * node uses its own transport built on n8n's request helpers.
 */
export function createNodeHttpTransport(defaultTimeoutMs = 30_000): HttpTransport {
	const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
	return (request: HttpRequest) =>
		new Promise<HttpResponse>((resolve, reject) => {
			const url = new URL(request.url);
			const isHttps = url.protocol === 'https:';
			const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
			const headers: Record<string, string | number> = { ...(request.headers ?? {}) };
			if (body) headers['content-length'] = body.length;
			let written = false;
			const req = (isHttps ? https : http).request(
				url,
				{ method: request.method, headers, agent: isHttps ? agents.https : agents.http },
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('error', (e) => reject(new TransportError('no_response', e.message)));
					res.on('end', () => {
						const responseHeaders: Record<string, string> = {};
						for (const [name, value] of Object.entries(res.headers)) {
							if (value !== undefined) responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
						}
						resolve({ status: res.statusCode ?? 0, headers: responseHeaders, body: Buffer.concat(chunks).toString('utf8') });
					});
				},
			);
			req.setTimeout(request.timeoutMs ?? defaultTimeoutMs, () => {
				req.destroy(new Error(`no answer within ${request.timeoutMs ?? defaultTimeoutMs} ms`));
			});
			req.on('socket', (socket) => {
				// Once connected, bytes may reach the server: any later failure leaves the outcome unknown.
				const markWritten = () => (written = true);
				if ((socket as { connecting?: boolean }).connecting) socket.once('connect', markWritten);
				else markWritten();
			});
			req.on('error', (e: NodeJS.ErrnoException) => {
				const failure = !written || e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' ? 'not_sent' : 'no_response';
				reject(new TransportError(failure, e.code ? `${e.code}: ${e.message}` : e.message));
			});
			req.end(body);
		});
}
