'use strict';
/**
 * A1 (Belarus) SMS HTTP API emulator, written from seed 000 (the only public description; the
 * vendor's documentation comes with the contract) and the A1 section of reference/gateways.md.
 *
 * Documented [seed]: POST /api/sms/send with JSON {phone, text, sender}; GET /api/sms/status/{id};
 * GET /api/sms/balance; Basic auth or a bearer token in the Authorization header; text in UTF-8;
 * result codes 0 success, 1 invalid number, 2 insufficient funds, 3 limit exceeded, 5 service
 * unavailable; the sender name is registered with A1 on contract signing.
 * Everything else is marked [guess] where it is decided.
 *
 * Delivery reports: A1 POSTs them to the callback URL agreed in the contract (config.callbackUrl,
 * set through POST /__emulator/config); the payload is not public, so config.callbackFormat picks
 * one of the shapes the trigger's parser accepts [guess]: 'json' (one object per post,
 * {messageId, status, phone, doneDate}), 'jsonArray' (a list of them), 'form' (the same fields
 * form-encoded, one message per post) or 'dlr' (SMPP receipt text `id:… stat:…`, one per line).
 * No 'partial' fault: the API takes one recipient per request, so a request cannot partly fail.
 */
const { startEmulator } = require('./lib/server');
const { runStandalone } = require('./lib/cli');
const { progressOf } = require('./lib/progression');
const { partsOf } = require('./lib/parts');

const DEFAULT_ACCOUNT = Object.freeze({
	username: 'demo',
	password: 'demo-pass-a1-Qw7',
	token: 'a1-token-5f2c9e81d4',
});

const CODES = { success: 0, invalidNumber: 1, insufficientFunds: 2, limitExceeded: 3, unavailable: 5 };

// [guess] SMPP message_state names (the seed names none); SMPP has no word for "waiting in the
// gateway's own queue", so that one is a plain QUEUED.
const STATUS_WORDS = {
	scheduled: 'SCHEDULED',
	queued: 'QUEUED',
	sent: 'ENROUTE',
	delivered: 'DELIVERED',
	undelivered: 'UNDELIVERABLE',
	expired: 'EXPIRED',
	rejected: 'REJECTED',
};

// [guess] A1 delivers across Belarusian networks: life:) 25, A1 29/44, MTS 29/33.
const BELARUS_MOBILE = /^375(25|29|33|44)\d{7}$/;

function defaults() {
	return {
		account: { ...DEFAULT_ACCOUNT },
		// [guess] The API version decides between Basic and bearer; the emulator accepts both unless told.
		auth: 'any', // 'any' | 'bearer' | 'basic'
		balance: 12.5,
		currency: 'BYN',
		pricePerPart: 0.05, // [guess]
		senders: ['MyShop', 'A1Test'],
		// [guess] "limit exceeded" (code 3) as a per-second cap on sends; null = no cap.
		sendsPerSecond: null,
		sentAfterMs: 1000,
		finalAfterMs: 3000,
		// Delivery-report callback of the contract; null = none agreed.
		callbackUrl: null,
		callbackFormat: 'json',
	};
}

async function handle(ctx) {
	const route = routeOf(ctx.path);
	if (!route) return ctx.json(404, { message: 'Not Found' });
	if (ctx.method !== route.method) return ctx.json(405, { message: `Method ${ctx.method} not allowed` }, { allow: route.method });
	if (!authorized(ctx)) {
		// [guess] Unauthorized is an HTTP 401 without a result code.
		return ctx.json(401, { message: 'Unauthorized' }, { 'www-authenticate': 'Bearer realm="A1 SMS", Basic realm="A1 SMS"' });
	}
	if (ctx.fault && ctx.fault.kind === 'gateway') {
		// [guess] Result codes come with HTTP 200 (the seed's client reads only the body).
		return ctx.json(ctx.fault.httpStatus ?? 200, { code: Number(ctx.fault.code), message: messageFor(ctx.fault.code) });
	}
	return route.run(ctx, route.param);
}

function routeOf(path) {
	if (path === '/api/sms/send') return { method: 'POST', run: send };
	if (path === '/api/sms/balance') return { method: 'GET', run: balance };
	const m = /^\/api\/sms\/status\/([^/]+)$/.exec(path);
	if (m) return { method: 'GET', run: status, param: decodeURIComponent(m[1]) };
	return undefined;
}

function authorized(ctx) {
	const header = ctx.headers.authorization || '';
	const { account, auth } = ctx.config;
	const bearer = /^Bearer (.+)$/.exec(header);
	if (bearer && auth !== 'basic') return bearer[1] === account.token;
	const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
	if (basic && auth !== 'bearer') {
		return Buffer.from(basic[1], 'base64').toString('utf8') === `${account.username}:${account.password}`;
	}
	return false;
}

function send(ctx) {
	// [guess] Strict JSON, as the seed's client sends it.
	if (!/^application\/json\b/i.test(ctx.headers['content-type'] || '')) {
		return ctx.json(415, { message: 'Content-Type must be application/json' });
	}
	let body;
	try {
		body = JSON.parse(ctx.rawBody);
	} catch {
		return ctx.json(400, { message: 'Request body is not valid JSON' });
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return ctx.json(400, { message: 'Request body must be a JSON object' });
	const { phone, text, sender } = body;
	// [guess] Validation failures outside the documented codes are HTTP 400 with a message.
	if (Array.isArray(phone)) return ctx.json(400, { message: 'One recipient per request: "phone" must be a string' });
	if (typeof phone !== 'string' || phone === '') return ctx.json(400, { message: 'Field "phone" is required' });
	if (typeof text !== 'string' || text.trim() === '') return ctx.json(400, { message: 'Field "text" is required' });
	if (sender !== undefined && sender !== null && sender !== '') {
		if (typeof sender !== 'string' || !ctx.config.senders.includes(sender)) {
			return ctx.json(400, { message: `Sender "${String(sender)}" is not registered for this account` });
		}
	}
	if (!BELARUS_MOBILE.test(phone)) return coded(ctx, CODES.invalidNumber);

	if (overRate(ctx)) return coded(ctx, CODES.limitExceeded);

	const parts = partsOf(text);
	const cost = parts * ctx.config.pricePerPart;
	if (cost > ctx.config.balance + 1e-9) return coded(ctx, CODES.insufficientFunds);
	ctx.config.balance = Math.round((ctx.config.balance - cost) * 100) / 100;

	const id = String(ctx.ledger.newId());
	const recorded = ctx.ledger.recordMessage({
		id,
		to: phone,
		text,
		// [guess] Without a registered name the SMS comes from a numeric sender (seed).
		sender: sender || undefined,
		parts,
		acceptedAt: ctx.now(),
		outcome: ctx.outcomeFor(phone),
	});
	if (ctx.config.callbackUrl) ctx.state.reporter.watch(recorded);
	// [guess] The seed says only "save messageId"; the answer carries no part count.
	return ctx.json(200, { code: CODES.success, messageId: id });
}

function overRate(ctx) {
	const perSecond = ctx.config.sendsPerSecond;
	if (!perSecond) return false;
	const now = ctx.now();
	const recent = (ctx.state.store.sendTimes || []).filter((t) => now - t < 1000);
	if (recent.length >= perSecond) {
		ctx.state.store.sendTimes = recent;
		return true;
	}
	ctx.state.store.sendTimes = [...recent, now];
	return false;
}

function status(ctx, messageId) {
	const message = ctx.ledger.findMessage(messageId);
	// [guess] An unknown id is an HTTP 404 without a result code.
	if (!message) return ctx.json(404, { message: `Message ${messageId} not found` });
	const state = progressOf(message, ctx.now(), ctx.config);
	return ctx.json(200, { code: CODES.success, messageId: message.id, status: STATUS_WORDS[state] });
}

function balance(ctx) {
	// [guess] Shape of the balance answer.
	return ctx.json(200, { code: CODES.success, balance: ctx.config.balance, currency: ctx.config.currency });
}

function coded(ctx, code) {
	return ctx.json(200, { code, message: messageFor(code) });
}

function messageFor(code) {
	return (
		{
			0: 'Success',
			1: 'Invalid number',
			2: 'Insufficient funds',
			3: 'Limit exceeded',
			5: 'Service unavailable',
		}[Number(code)] ?? 'Error'
	);
}

// [guess] SMPP receipt words for the 'dlr' shape (SMPP 3.4 Appendix B).
const DLR_WORDS = { scheduled: 'ENROUTE', queued: 'ENROUTE', sent: 'ENROUTE', delivered: 'DELIVRD', undelivered: 'UNDELIV', expired: 'EXPIRED', rejected: 'REJECTD' };

const REPORT_BODIES = {
	json: ([report]) => ({ contentType: 'application/json', body: JSON.stringify(reportFields(report)) }),
	jsonArray: (reports) => ({ contentType: 'application/json', body: JSON.stringify(reports.map(reportFields)) }),
	form: ([report]) => ({ contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(reportFields(report)).toString() }),
	dlr: (reports) => ({
		contentType: 'text/plain',
		body: reports.map(({ message, status }) => `id:${message.id} sub:001 dlvrd:${status === 'delivered' ? '001' : '000'} stat:${DLR_WORDS[status]} err:000`).join('\n'),
	}),
};

function reportFields({ message, status }) {
	return { messageId: message.id, status: STATUS_WORDS[status], phone: message.to, doneDate: new Date().toISOString() };
}

const reporter = {
	targetOf: (message, config) => config.callbackUrl || undefined,
	wordOf: (status) => STATUS_WORDS[status],
	maxPerPost: (config) => (config.callbackFormat === 'jsonArray' || config.callbackFormat === 'dlr' ? 100 : 1),
	bodyOf: (reports, config) => (REPORT_BODIES[config.callbackFormat] ?? REPORT_BODIES.json)(reports),
};

const spec = { name: 'a1', handle, defaults, reporter };

function start(options) {
	return startEmulator(spec, options);
}

module.exports = { start, DEFAULT_ACCOUNT, STATUS_WORDS };

if (require.main === module) runStandalone(start, 'A1');
