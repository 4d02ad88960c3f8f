'use strict';
/**
 * What every gateway emulator shares: a real HTTP server on loopback, a ledger of accepted
 * messages and of requests, status progression over (virtual) time, and fault injection.
 * Each gateway file supplies only `handle(ctx)`: its paths, auth, validation and answers,
 * written from the gateway's documents.
 *
 * Control from tests in the same process: the returned object. From another process (a real
 * n8n run, the sandbox): `GET /__emulator/ledger`, `POST /__emulator/faults` (JSON fault or
 * array), `POST /__emulator/reset`, `POST /__emulator/advance` `{ms}`, `POST /__emulator/outcomes`
 * `{"<digits>": "undelivered"}`, `POST /__emulator/config` (partial config, e.g. balance),
 * `GET /__emulator/reports` (the delivery reports it posted).
 */
const http = require('node:http');
const { Ledger } = require('./ledger');
const { FaultQueue } = require('./faults');
const { createReporter } = require('./reports');

const CONTROL_PREFIX = '/__emulator/';

/**
 * @param {{ name: string, handle: (ctx: any) => Promise<void> | void, config?: object, defaults: () => object }} spec
 * @param {{ port?: number, host?: string, latencyMs?: number, config?: object }} [options]
 */
async function startEmulator(spec, options = {}) {
	const host = options.host ?? '127.0.0.1';
	const state = {
		name: spec.name,
		config: { ...spec.defaults(), ...(options.config ?? {}) },
		ledger: new Ledger(),
		faults: new FaultQueue(),
		clockOffsetMs: 0,
		latencyMs: options.latencyMs ?? 0,
		outcomes: new Map(),
		store: {},
	};
	state.now = () => Date.now() + state.clockOffsetMs;
	// A gateway that pushes delivery reports declares how (see ./reports.js).
	state.reporter = spec.reporter ? createReporter(state, spec.reporter) : undefined;

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			serve(spec, state, options, req, res, rawBody).catch((error) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'content-type': 'text/plain' });
					res.end(`emulator bug: ${error && error.stack}`);
				}
			});
		});
	});
	server.keepAliveTimeout = 5000;
	const sockets = new Set();
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, resolve);
	});
	const port = server.address().port;

	return {
		name: spec.name,
		port,
		url: `http://${host}:${port}`,
		state,
		ledger: state.ledger,
		faults: state.faults,
		/** The delivery reports it posted (log, settled()), for a gateway that pushes them. */
		reports: state.reporter,
		// A getter: reset() replaces the config object.
		get config() {
			return state.config;
		},
		/** Moves the emulator's clock forward so statuses progress without waiting. */
		advance(ms) {
			state.clockOffsetMs += ms;
		},
		/** Final outcome for a recipient (digits only): 'delivered' (default), 'undelivered', 'expired', 'rejected'. */
		setOutcome(digits, outcome) {
			state.outcomes.set(digitsOf(digits), outcome);
		},
		reset() {
			resetState(spec, state, options);
		},
		close() {
			state.reporter?.stop();
			for (const s of sockets) s.destroy();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

function resetState(spec, state, options) {
	state.config = { ...spec.defaults(), ...(options.config ?? {}) };
	state.ledger.clear();
	state.faults.clear();
	state.clockOffsetMs = 0;
	state.outcomes.clear();
	state.store = {};
	state.reporter?.clear();
}

async function serve(spec, state, options, req, res, rawBody) {
	const url = new URL(req.url, 'http://emulator');
	if (url.pathname.startsWith(CONTROL_PREFIX)) return control(spec, state, options, url, req, res, rawBody);

	const entry = state.ledger.recordRequest({
		method: req.method,
		path: url.pathname,
		query: url.search,
		headers: req.headers,
		body: rawBody,
		at: state.now(),
	});
	if (state.latencyMs > 0) await delay(state.latencyMs);

	const fault = state.faults.take(req.method, url.pathname);
	const ctx = createContext(state, req, res, url, rawBody, fault, entry);
	entry.fault = fault ? fault.kind : undefined;

	if (fault) {
		switch (fault.kind) {
			case 'http':
				return ctx.send(fault.status, fault.body ?? '', {
					'content-type': fault.contentType ?? 'text/plain',
					...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}),
				});
			case 'html':
				return ctx.send(fault.status ?? 502, '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>', {
					'content-type': 'text/html',
				});
			case 'echo':
				// A debugging proxy or error page that shows the request it refused, headers and body.
				return ctx.send(fault.status ?? 400, echoOf(req, rawBody), { 'content-type': 'text/plain; charset=utf-8' });
			case 'reset':
				// Dropped before the gateway did anything: nothing is recorded.
				return req.socket.destroy();
			case 'resetAfterProcessing':
				// The gateway did its work but the answer is lost.
				ctx.discardAnswer = true;
				break;
			case 'delay':
				// The gateway does its work; the answer comes only after `ms`.
				ctx.answerDelayMs = fault.ms ?? 5000;
				break;
			case 'malformed':
				ctx.malformed = true;
				break;
			default:
				// Gateway-specific faults ('gateway', 'partial', ...) are read by the handler through ctx.fault.
				break;
		}
	}
	await spec.handle(ctx);
	if (!res.writableEnded && !ctx.pending) ctx.send(404, 'Not Found', { 'content-type': 'text/plain' });
}

function createContext(state, req, res, url, rawBody, fault, entry) {
	const ctx = {
		state,
		config: state.config,
		ledger: state.ledger,
		now: state.now,
		req,
		res,
		method: req.method,
		path: url.pathname,
		query: url.searchParams,
		headers: req.headers,
		rawBody,
		fault,
		discardAnswer: false,
		answerDelayMs: 0,
		malformed: false,
		outcomeFor(digits) {
			return state.outcomes.get(digitsOf(digits)) ?? state.config.defaultOutcome ?? 'delivered';
		},
		json(status, value, headers = {}) {
			ctx.send(status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8', ...headers });
		},
		text(status, value, headers = {}) {
			ctx.send(status, String(value), { 'content-type': 'text/plain; charset=utf-8', ...headers });
		},
		xml(status, value, headers = {}) {
			ctx.send(status, value, { 'content-type': 'application/xml; charset=utf-8', ...headers });
		},
		send(status, body, headers = {}) {
			let payload = body;
			if (ctx.malformed && typeof payload === 'string' && payload.length > 2) {
				payload = payload.slice(0, Math.floor(payload.length / 2));
			}
			const finish = () => {
				if (ctx.discardAnswer) return req.socket.destroy();
				if (res.writableEnded || req.socket.destroyed) return;
				// What the gateway answered, so a test can count refusals (429) and not only requests.
				entry.status = status;
				res.writeHead(status, headers);
				res.end(payload);
			};
			if (ctx.answerDelayMs > 0) {
				ctx.pending = true;
				setTimeout(finish, ctx.answerDelayMs).unref();
			} else finish();
		},
	};
	return ctx;
}

async function control(spec, state, options, url, req, res, rawBody) {
	const reply = (status, value) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(value));
	};
	const body = rawBody ? JSON.parse(rawBody) : {};
	switch (`${req.method} ${url.pathname.slice(CONTROL_PREFIX.length)}`) {
		case 'GET ledger':
			return reply(200, state.ledger.toJSON());
		case 'GET reports':
			return reply(200, state.reporter ? state.reporter.log : []);
		case 'POST faults':
			for (const f of Array.isArray(body) ? body : [body]) state.faults.inject(f);
			return reply(200, { ok: true });
		case 'POST reset':
			resetState(spec, state, options);
			return reply(200, { ok: true });
		case 'POST advance':
			state.clockOffsetMs += Number(body.ms ?? 0);
			return reply(200, { ok: true });
		case 'POST outcomes':
			for (const [digits, outcome] of Object.entries(body)) state.outcomes.set(digitsOf(digits), outcome);
			return reply(200, { ok: true });
		case 'POST config':
			Object.assign(state.config, body);
			return reply(200, { ok: true });
		case 'POST latency':
			state.latencyMs = Number(body.ms ?? 0);
			return reply(200, { ok: true });
		default:
			return reply(404, { error: 'unknown control path' });
	}
}

/** The request as an error page would show it; connection details that echo nothing secret are left out. */
function echoOf(req, rawBody) {
	const skipped = new Set(['host', 'connection', 'content-length', 'accept', 'accept-encoding', 'user-agent']);
	const headers = Object.entries(req.headers)
		.filter(([name]) => !skipped.has(name))
		.map(([name, value]) => `${name}: ${value}`);
	return [`${req.method} ${req.url}`, ...headers, '', rawBody].join('\n');
}

const digitsOf = (value) => String(value).replace(/\D/g, '');
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { startEmulator };
