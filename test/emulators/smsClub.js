'use strict';
/**
 * SMSClub (Ukraine, im.smsclub.mobi) JSON API emulator, written from seed 003 and the SMSClub
 * section of reference/gateways.md, not from our adapter.
 *
 * Every call is a POST with a JSON body and `Authorization: Bearer <token>`:
 *   /sms/send       {phone: [..100], message, src_addr, integration_id?, lifetime?}
 *                   → {success_request: {info: {"<id>": "<phone>"}, add_info?: {"<phone>": "<reason>"}}}
 *   /sms/status     {id_sms: [..100]} → {success_request: {info: {"<id>": "ENROUTE"}}}
 *   /sms/balance    → {success_request: {info: {money: "8111.1700", currency: "UAH"}}}
 *   /sms/originator → {success_request: {info: ["name", ...]}}
 * Errors are HTTP statuses: 400 validation, 401 auth, 429 too many requests, 453 the same text to
 * the same number within 2 minutes, 5xx unavailable.
 *
 * Gateway-specific faults: {kind: 'gateway', code: <http status>, message?} answers that error;
 * {kind: 'partial', phones?: [digits], reason?} fails those recipients (default: every second one)
 * in `add_info` while the rest are sent.
 */
const { startEmulator } = require('./lib/server');
const { runStandalone } = require('./lib/cli');
const { progressOf } = require('./lib/progression');
const { partsOf } = require('./lib/parts');

const DEFAULT_ACCOUNT = { token: 'smsclub-test-token-4f9b2c' };

function defaults() {
	return {
		account: { ...DEFAULT_ACCOUNT },
		balance: 1000,
		currency: 'UAH',
		// [guess] a typical Ukrainian price per part.
		pricePerPart: 0.85,
		senders: ['SmsClubTest', 'VashZakaz'],
		sentAfterMs: 1000,
		finalAfterMs: 3000,
		maxPhonesPerRequest: 100,
		maxIdsPerRequest: 100,
		// "About 9 requests per second" (public clients); a client over it gets 429.
		rateLimitPerSecond: 9,
		rateWindowMs: 1000,
		duplicateWindowMs: 2 * 60 * 1000,
		// [guess] `lifetime` in minutes, at most a day.
		maxLifetimeMinutes: 1440,
	};
}

/** The emulator's progression stages in SMSClub's words; the API has no word for "queued". */
const STATUS_WORD = {
	scheduled: 'ENROUTE',
	queued: 'ENROUTE',
	sent: 'ENROUTE',
	delivered: 'DELIVRD',
	undelivered: 'UNDELIV',
	expired: 'EXPIRED',
	rejected: 'REJECTD',
};

// [guess] The documents give only the status codes; this body shape is what we answer with.
const ERROR_TEXT = {
	400: 'Input validation error',
	401: 'User authentication error',
	429: 'Too many requests per unit of time',
	453: 'Duplication of a message in an interval of less than 2 minutes',
	500: 'Service is temporarily unavailable',
	502: 'Service is temporarily unavailable',
	503: 'Service is temporarily unavailable',
};

function fail(ctx, status, info) {
	ctx.json(status, { error_request: { info: info ?? ERROR_TEXT[status] ?? 'Error', code: status } });
}

function ok(ctx, info, addInfo) {
	const success = { info };
	if (addInfo && Object.keys(addInfo).length > 0) success.add_info = addInfo;
	ctx.json(200, { success_request: success });
}

const ROUTES = {
	'/sms/send': handleSend,
	'/sms/status': handleStatus,
	'/sms/balance': handleBalance,
	'/sms/originator': handleOriginator,
};

async function handle(ctx) {
	const route = ROUTES[ctx.path];
	if (!route) return;
	// [guess] only POST is documented; other methods are refused.
	if (ctx.method !== 'POST') return fail(ctx, 405, 'Method not allowed, use POST');
	if (overRateLimit(ctx)) return fail(ctx, 429);
	if (!authorized(ctx)) return fail(ctx, 401);
	if (ctx.fault && ctx.fault.kind === 'gateway') return fail(ctx, Number(ctx.fault.code), ctx.fault.message);
	return route(ctx);
}

/** Counts requests in a sliding window of real time (virtual time jumps with advance()). */
function overRateLimit(ctx) {
	const now = Date.now();
	const window = ctx.config.rateWindowMs;
	const times = (ctx.state.store.requestTimes ??= []).filter((t) => t > now - window);
	times.push(now);
	ctx.state.store.requestTimes = times;
	return times.length > ctx.config.rateLimitPerSecond;
}

function authorized(ctx) {
	const header = ctx.headers.authorization ?? '';
	const match = /^Bearer\s+(.+)$/i.exec(header.trim());
	return Boolean(match) && match[1] === ctx.config.account.token;
}

/** The JSON object body, or undefined after answering 400. */
function readJson(ctx, required) {
	if (ctx.rawBody.trim() === '') {
		if (!required) return {};
		fail(ctx, 400, 'Request body is required');
		return undefined;
	}
	if (!/application\/json/i.test(ctx.headers['content-type'] ?? '')) {
		fail(ctx, 400, 'Content-Type must be application/json');
		return undefined;
	}
	try {
		const body = JSON.parse(ctx.rawBody);
		if (body && typeof body === 'object' && !Array.isArray(body)) return body;
	} catch {
		// answered below
	}
	fail(ctx, 400, 'Request body is not a JSON object');
	return undefined;
}

const isScalar = (v) => (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v));

function handleSend(ctx) {
	const body = readJson(ctx, true);
	if (!body) return;
	const { config } = ctx;
	const { phone, message, src_addr: sender, lifetime } = body;
	if (!Array.isArray(phone) || phone.length === 0 || !phone.every(isScalar)) {
		return fail(ctx, 400, 'phone must be a non-empty array of phone numbers');
	}
	if (phone.length > config.maxPhonesPerRequest) {
		return fail(ctx, 400, `No more than ${config.maxPhonesPerRequest} phone numbers per request`);
	}
	if (typeof message !== 'string' || message.trim() === '') return fail(ctx, 400, 'message is required');
	if (typeof sender !== 'string' || sender === '') return fail(ctx, 400, 'src_addr (alpha name) is required');
	if (!config.senders.includes(sender)) return fail(ctx, 400, `Alpha name "${sender}" is not active for this account`);
	if (body.integration_id !== undefined && !isScalar(body.integration_id)) return fail(ctx, 400, 'integration_id is invalid');
	if (
		lifetime !== undefined &&
		(!Number.isInteger(Number(lifetime)) || Number(lifetime) < 1 || Number(lifetime) > config.maxLifetimeMinutes)
	) {
		return fail(ctx, 400, `lifetime must be a whole number of minutes from 1 to ${config.maxLifetimeMinutes}`);
	}

	const now = ctx.now();
	const recent = (ctx.state.store.recent ??= new Map());
	const partialFailures = partialFault(ctx, phone);
	const addInfo = {};
	const accepted = [];
	let duplicates = 0;
	const seenInRequest = new Set();
	for (const raw of phone) {
		const key = String(raw);
		const digits = key.replace(/^\+/, '');
		const dupKey = `${digits}\n${message}`;
		if (!/^\d{10,15}$/.test(digits)) addInfo[key] = 'Invalid phone number';
		else if (seenInRequest.has(digits) || now - (recent.get(dupKey) ?? -Infinity) < config.duplicateWindowMs) {
			// [guess] A duplicate among other numbers is reported per number; alone it is HTTP 453.
			addInfo[key] = 'Duplicate message: the same text was sent to this number less than 2 minutes ago';
			duplicates++;
		} else if (partialFailures.has(digits)) addInfo[key] = ctx.fault.reason ?? 'Message rejected by the operator';
		else accepted.push({ key, digits, dupKey });
		seenInRequest.add(digits);
	}
	if (accepted.length === 0 && duplicates === phone.length) return fail(ctx, 453);

	const parts = partsOf(message);
	const cost = round4(accepted.length * parts * config.pricePerPart);
	// [guess] Not documented: the whole request is refused as a validation error.
	if (cost > config.balance) return fail(ctx, 400, 'Insufficient funds on the balance');
	config.balance = round4(config.balance - cost);

	const info = {};
	for (const { key, digits, dupKey } of accepted) {
		const id = String(ctx.ledger.newId());
		ctx.ledger.recordMessage({
			id,
			to: digits,
			text: message,
			sender,
			parts,
			acceptedAt: now,
			validityMinutes: lifetime === undefined ? undefined : Number(lifetime),
			integrationId: body.integration_id,
			outcome: ctx.outcomeFor(digits),
		});
		recent.set(dupKey, now);
		info[id] = key;
	}
	return ok(ctx, info, addInfo);
}

/** Digits the 'partial' fault fails: the listed ones, or every second number of the request. */
function partialFault(ctx, phones) {
	if (!ctx.fault || ctx.fault.kind !== 'partial') return new Set();
	if (Array.isArray(ctx.fault.phones)) return new Set(ctx.fault.phones.map((p) => String(p).replace(/\D/g, '')));
	return new Set(phones.map((p) => String(p).replace(/^\+/, '')).filter((_, i) => i % 2 === 1));
}

function handleStatus(ctx) {
	const body = readJson(ctx, true);
	if (!body) return;
	const ids = body.id_sms;
	if (!Array.isArray(ids) || ids.length === 0 || !ids.every(isScalar)) {
		return fail(ctx, 400, 'id_sms must be a non-empty array of message ids');
	}
	if (ids.length > ctx.config.maxIdsPerRequest) {
		return fail(ctx, 400, `No more than ${ctx.config.maxIdsPerRequest} ids per request`);
	}
	const info = {};
	for (const id of ids) {
		const message = ctx.ledger.findMessage(id);
		// [guess] Unknown ids are left out of the answer.
		if (message) info[String(id)] = STATUS_WORD[progressOf(message, ctx.now(), ctx.config)];
	}
	return ok(ctx, info);
}

function handleBalance(ctx) {
	if (!readJson(ctx, false)) return;
	return ok(ctx, { money: ctx.config.balance.toFixed(4), currency: ctx.config.currency });
}

function handleOriginator(ctx) {
	if (!readJson(ctx, false)) return;
	return ok(ctx, [...ctx.config.senders]);
}

const round4 = (n) => Math.round(n * 10_000) / 10_000;

const spec = { name: 'smsClub', defaults, handle };

function start(options) {
	return startEmulator(spec, options);
}

module.exports = { start, DEFAULT_ACCOUNT };

if (require.main === module) runStandalone(start, 'SMSClub');
